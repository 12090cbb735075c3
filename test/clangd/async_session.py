#!/usr/bin/env python3
"""An editor session that watches condis-clangd publish in two steps: clangd's
own diagnostics first (marked "condisAnalysis": "pending"), the findings when
the analysis in the background ends. Also checks that a newer edit cancels
the analysis of an older version, that closing a file drops its analysis,
and that the server exits cleanly while an analysis runs. Prints one line
per step for FileCheck; a problem is a line starting "FAIL:".

CONDIS_CLANGD_TEST_DELAY_MS (set by the test) holds every analysis that
long before it starts, so that the edits below reliably arrive while one
is pending.

The session sends its JSON with escaped slashes, as Neovim does, from a
directory whose name has a space.

Usage: async_session.py --server BIN --workdir DIR --include DIR
                        --sample FILE [--timeout S]
The sample is test/clangd/Inputs/drop-party.c: one condis.DropParty finding,
with an lsp-fix line that removes it.
"""

import argparse
import os
import re
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp_client  # noqa: E402

UNUSED = "    int unusedCount = 0;\n"


def summary(diags):
    warnings = [d["message"] for d in diags
                if d.get("source") == "clang" and "unused" in d["message"]]
    findings = ["%s line %d" % (d["code"], d["range"]["start"]["line"] + 1)
                for d in lsp_client.condis_findings(diags)]
    return "compiler: %s; findings: %s" % (
        ", ".join(warnings) or "none", ", ".join(findings) or "none")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--include", required=True)
    parser.add_argument("--sample", required=True)
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()

    # A space in the path: the URIs carry "%20", which condis-clangd decodes
    # to find the file the analysis belongs to.
    shutil.rmtree(os.path.abspath(args.workdir), ignore_errors=True)
    work = os.path.join(os.path.abspath(args.workdir), "with space")
    os.makedirs(work)
    with open(args.sample) as f:
        original = f.read()
    # An unused variable in the worker: a compiler warning beside the finding.
    text = original.replace("    PCM_PARTY Party = (PCM_PARTY)Context;\n",
                            "    PCM_PARTY Party = (PCM_PARTY)Context;\n"
                            + UNUSED)
    fixed = "\n".join(m.group(1) if m else line for line, m in (
        (line, re.search(r"lsp-fix\{\{(.*?)\}\}", line))
        for line in text.splitlines())) + "\n"
    source = os.path.join(work, "drop-party.c")
    other = os.path.join(work, "other.c")
    for path in (source, other):
        with open(path, "w") as f:
            f.write(text)
    with open(os.path.join(work, "compile_flags.txt"), "w") as f:
        f.write("-xc\n-I%s\n-Wunused-variable\n"
                % os.path.abspath(args.include))
    with open(os.path.join(work, ".clangd"), "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    CheckOptions:\n")
        for key, value in lsp_client.LOAD_INDEPENDENT.items():
            f.write("      condis-analyzer.%s: '%s'\n" % (key, value))
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "xdg"))
    log_path = os.path.join(work, "clangd.log")
    # Slashes escaped in what is sent ("textDocument\\/didOpen"), as
    # Neovim's JSON encoder writes them.
    server = lsp_client.Server([args.server, "--log=info",
                                "--background-index=false", "--enable-config"],
                               env, log_path, escape_slashes=True)
    uri = lsp_client.uri_of(source)

    def change(version, new_text, want=None):
        params = {"textDocument": {"uri": uri, "version": version},
                  "contentChanges": [{"text": new_text}]}
        if want is not None:
            params["wantDiagnostics"] = want
        server.notify("textDocument/didChange", params)

    def log_has(pattern, wait=0):
        """Whether clangd's log has a line matching pattern, waiting up to
        wait seconds for it."""
        deadline = time.monotonic() + wait
        while True:
            with open(log_path, errors="replace") as f:
                if re.search(pattern, f.read()):
                    return True
            if time.monotonic() >= deadline:
                if wait:
                    with open(log_path, errors="replace") as f:
                        sys.stderr.write("no line matching %r in clangd's "
                                         "log; its end:\n%s\n"
                                         % (pattern, f.read()[-1500:]))
                return False
            time.sleep(0.05)

    try:
        server.request("initialize", {
            "processId": os.getpid(), "rootUri": lsp_client.uri_of(work),
            "capabilities": {"textDocument": {"publishDiagnostics": {
                "relatedInformation": True}}}}, args.timeout)
        server.notify("initialized", {})

        # 1. Compiler diagnostics first, marked pending; findings after.
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "c", "version": 1, "text": text}})
        pending, diags = server.any_diagnostics(uri, 1, args.timeout)
        print("opened, first publication: %s; %s"
              % ("pending" if pending else "not pending", summary(diags)))
        diags = server.diagnostics(uri, 1, args.timeout)
        print("opened, analysis done: %s" % summary(diags))

        # 2. Two quick edits: the fix (its diagnostics wanted, so clangd
        # builds it), then the bug again one line lower. The fix's analysis
        # is cancelled or dropped from the queue; only the last version's
        # findings show.
        seen = len(server.publications)
        change(2, fixed, want=True)
        lowered = "\n" + text
        change(3, lowered)
        diags = server.diagnostics(uri, 3, args.timeout)
        print("two quick edits, analysis done: %s" % summary(diags))
        done = sorted({v for u, v, p, _ in server.publications[seen:]
                       if u == uri and not p})
        print("versions published with their analysis done: %s"
              % ", ".join(map(str, done)))
        older = os.path.basename(source)
        if log_has(r"cancelled the analysis of .*%s \(a newer version"
                   % re.escape(older)):
            print("older version: cancelled")
        elif log_has(r"dropped the queued analysis of .*%s \(a newer "
                     r"version" % re.escape(older)):
            print("older version: dropped from the queue")
        else:
            print("FAIL: the log shows no cancelled or skipped analysis")

        # 3. Closing a file while its analysis is pending drops it.
        change(4, text)
        server.any_diagnostics(uri, 4, args.timeout)
        server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        if log_has(r"(cancelled the|dropped the queued) analysis of "
                   r".*drop-party.c \(the file was closed\)", wait=30):
            print("closed while pending: analysis dropped")
        else:
            print("FAIL: closing the file did not cancel its analysis")

        # 4. Shutting down while an analysis runs: a clean exit.
        other_uri = lsp_client.uri_of(other)
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": other_uri, "languageId": "c", "version": 1, "text": text}})
        pending, _ = server.any_diagnostics(other_uri, 1, args.timeout)
        code = server.shutdown(args.timeout)
        print("shutdown while %s: exit code %d"
              % ("pending" if pending else "not pending", code))
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait()
        server.log.close()
    if log_has(r"(cancelled the|dropped the queued) analysis of .*other.c "
               r"\(the server is shutting down\)"):
        print("the pending analysis was cancelled at shutdown")
    return 0


if __name__ == "__main__":
    sys.exit(main())
