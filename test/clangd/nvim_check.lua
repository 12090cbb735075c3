-- Runs inside Neovim (0.7, Debian 12; no nvim-lspconfig) started with the
-- init file docs/editors.md gives (docs/examples/nvim/condis-clangd.lua)
-- on a C file, and prints what the user gets from condis-clangd:
--   1. the condis findings vim.diagnostic.get() holds after opening the
--      file (line, code, message, number of related-information notes);
--   2. the code actions offered on the first one;
--   3. after applying the action whose title contains CONDIS_ACTION
--      (vim.lsp.util.apply_workspace_edit, as the code-action menu does),
--      whether the findings are gone.
-- Environment: CONDIS_ACTION, CONDIS_TIMEOUT_MS.
-- Every line goes to stdout; a problem is a line starting "FAIL:" and exit
-- status 1.

local out = function(line) io.stdout:write(line .. '\n') end
local timeout = tonumber(os.getenv('CONDIS_TIMEOUT_MS') or '120000')

local function finish(code)
  io.stdout:flush()
  vim.cmd((code == 0) and 'qa!' or 'cq!')
end

local function fail(why)
  out('FAIL: ' .. why)
  finish(1)
end

local function lsp_of(d)
  return (d.user_data and d.user_data.lsp) or {}
end

-- condis-clangd publishes clangd's own diagnostics first, marked
-- "condisAnalysis": "pending", and the findings when the analysis ends
-- (docs/editors.md). Neovim ignores the mark; the check records it, so that
-- "no findings" is only read from a publication whose analysis is done.
local analysis_done = false
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  analysis_done = result.condisAnalysis ~= 'pending'
  return publish(err, result, ctx, config)
end

local function condis(bufnr)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'condis' then table.insert(found, d) end
  end
  table.sort(found, function(a, b) return a.lnum < b.lnum end)
  return found
end

local ok, err = pcall(function()
  -- The user's init file (docs/examples/nvim/condis-clangd.lua) started
  -- the server and attached it to the file Neovim opened.
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = nil
  vim.wait(timeout, function()
    client_id = next(vim.lsp.buf_get_clients(bufnr))
    return client_id ~= nil
  end, 50)
  if not client_id then
    return fail('no language server attached to ' .. vim.api.nvim_buf_get_name(bufnr))
  end
  if not vim.wait(timeout, function() return #condis(bufnr) > 0 end, 50) then
    return fail('no condis finding within the timeout')
  end
  local findings = condis(bufnr)
  for _, d in ipairs(findings) do
    out(string.format('finding line %d: %s: %s (%d notes)', d.lnum + 1,
      tostring(lsp_of(d).code), d.message,
      #(lsp_of(d).relatedInformation or {})))
  end

  local client = vim.lsp.get_client_by_id(client_id)
  local first = findings[1]
  -- What vim.lsp.buf.code_action() sends in Neovim 0.7 with the cursor on
  -- the finding: the cursor's range and the line's diagnostics.
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  local params = vim.lsp.util.make_range_params()
  params.context = {
    diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, first.lnum),
  }
  local reply = client.request_sync('textDocument/codeAction', params,
                                    timeout, bufnr)
  if not reply or reply.err then
    return fail('codeAction: ' .. vim.inspect(reply and reply.err))
  end
  local titles, chosen = {}, nil
  for _, action in ipairs(reply.result or {}) do
    table.insert(titles, action.title)
    if not chosen and action.title:find(os.getenv('CONDIS_ACTION'), 1, true) then
      chosen = action
    end
  end
  out('code actions: ' .. (#titles > 0 and table.concat(titles, '; ') or 'none'))
  if not chosen then return fail('no action with the title wanted') end
  if not chosen.edit then return fail('the action carries no edit') end
  analysis_done = false
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  out('applied: ' .. vim.trim(vim.api.nvim_buf_get_lines(
    bufnr, first.lnum, first.lnum + 1, false)[1]))
  if not vim.wait(timeout, function()
    return analysis_done and #condis(bufnr) == 0
  end, 50) then
    return fail('findings remain after the action')
  end
  out('after the action: no findings')
  finish(0)
end)
if not ok then fail(tostring(err)) end
