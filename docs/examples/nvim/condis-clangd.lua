-- condis-clangd in Neovim 0.7 or later with the built-in LSP client and no
-- plugin (Debian 12 ships Neovim 0.7.2; nvim-lspconfig is not packaged).
-- Put this in ~/.config/nvim/init.lua, or source it from there, and set
-- the path of the server below. One server serves every C file of the
-- session; clangd finds each file's flags itself (compile_commands.json or
-- compile_flags.txt above the file).
local server = '/path/to/condis-check/build/bin/condis-clangd'

local client_id = nil
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'c', 'cpp' },
  callback = function(args)
    if not client_id or not vim.lsp.get_client_by_id(client_id) then
      client_id = vim.lsp.start_client({
        name = 'condis-clangd',
        cmd = { server },
        root_dir = vim.fn.getcwd(),
      })
    end
    if client_id then
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end,
})
