#!/usr/bin/env python3
"""An editor session against condis-clangd that exercises the preamble the
full parse keeps (tools/condis-clangd/BodyPreamble.h): edits below the
#include block reuse it, a header changed on disk rebuilds it, and the
findings follow the header. Prints one line per step for FileCheck.

Usage: preamble_session.py --server BIN --workdir DIR --include DIR
                           --inputs DIR [--timeout S]
--inputs is test/clangd/Inputs: header-inline.c and inline-helpers.h are
copied from it into DIR, where the header can be changed.
"""

import argparse
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp_client  # noqa: E402

RUN = re.compile(r"condis-analyzer: .*with a full parse \(preamble (\w+)\)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--include", required=True)
    parser.add_argument("--inputs", required=True)
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()

    work = os.path.abspath(args.workdir)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    for name in ("header-inline.c", "inline-helpers.h"):
        shutil.copy(os.path.join(args.inputs, name), work)
    with open(os.path.join(work, "compile_flags.txt"), "w") as f:
        f.write("-xc\n-I%s\n-I%s\n" % (work, os.path.abspath(args.include)))
    with open(os.path.join(work, ".clangd"), "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    Add: condis-analyzer\n"
                "    FastCheckFilter: Loose\n    CheckOptions:\n"
                "      condis-analyzer.Checkers: condis,core.DivideZero\n")
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "xdg"),
               CONDIS_CLANGD_STATS="1")
    log_path = os.path.join(work, "clangd.log")
    server = lsp_client.Server([args.server, "--log=error",
                                "--background-index=false", "--enable-config"],
                               env, log_path)
    source = os.path.join(work, "header-inline.c")
    with open(source) as f:
        text = f.read()
    uri = lsp_client.uri_of(source)
    version = 1

    def findings():
        diags = server.diagnostics(uri, version, args.timeout)
        return ", ".join("%s line %d" % (d["code"],
                                         d["range"]["start"]["line"] + 1)
                         for d in lsp_client.condis_findings(diags)) or "none"

    def edit(step):
        nonlocal text, version
        version += 1
        text += "/* %s */\n" % step
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}]})
        print("%s: %s" % (step, findings()))

    try:
        server.request("initialize", {
            "processId": os.getpid(), "rootUri": lsp_client.uri_of(work),
            "capabilities": {}}, args.timeout)
        server.notify("initialized", {})
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "c", "version": version, "text": text}})
        print("opened: %s" % findings())
        edit("edited below the includes")
        edit("edited again")
        header = os.path.join(work, "inline-helpers.h")
        with open(header) as f:
            helpers = f.read()
        with open(header, "w") as f:
            # A new size: like clangd's, the check compares size and
            # modification time in seconds.
            f.write(helpers.replace("return 0;", "return 0 + 1;"))
        edit("header changed on disk")
        # The header restored and saved, the file itself not edited: clangd
        # rebuilds it (its preamble is stale) at the same version, and the
        # finished analysis of that text is not reused, since the headers it
        # read have changed.
        seen = len(server.publications)
        with open(header, "w") as f:
            f.write(helpers)
        server.notify("textDocument/didSave", {
            "textDocument": {"uri": lsp_client.uri_of(header)}})

        def analysed_again(message):
            return any(u == uri and not p
                       for u, _, p, _ in server.publications[seen:])
        if not analysed_again(None):
            server.wait(analysed_again, args.timeout,
                        "diagnostics after the header was saved")
        diags = [d for u, _, p, d in server.publications[seen:]
                 if u == uri and not p][0]
        print("header restored and saved, file not edited: %s"
              % (", ".join("%s line %d" % (d["code"],
                                           d["range"]["start"]["line"] + 1)
                           for d in lsp_client.condis_findings(diags))
                 or "none"))
        server.request("shutdown", None, args.timeout)
        server.notify("exit", None)
        server.proc.wait(timeout=args.timeout)
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait()
        server.log.close()
    with open(log_path, errors="replace") as f:
        for use in RUN.findall(f.read()):
            print("analysed with the preamble " + use)
    return 0


if __name__ == "__main__":
    sys.exit(main())
