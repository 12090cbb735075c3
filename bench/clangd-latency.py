#!/usr/bin/env python3
"""Times condis-clangd as an editor sees it: from opening a driver of a few
hundred lines to the arrival of its condis findings, and from an edit to the
refreshed findings. For comparison it also times the same session without
the condis-analyzer check (what plain clangd costs) and with the check on
clangd's own AST (FullParse=false: what the full parse of docs/design.md
costs). Measured here, never asserted in a test.

Usage: python3 bench/clangd-latency.py [--server build/bin/condis-clangd]
           [--runs 3] [--edits 5] [--flag FLAG]... [--json FILE] [DRIVER.c]
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "test", "clangd"))
import lsp_client  # noqa: E402  (the test suite's LSP client)


def session(server_bin, driver, flags, with_condis, edits, timeout,
            full_parse=True):
    """One cold editor session. Returns (open_ms, [edit_ms...], findings)."""
    with open(driver) as f:
        text = f.read()
    with tempfile.TemporaryDirectory(prefix="condis-clangd-bench-") as work:
        path = os.path.join(work, os.path.basename(driver))
        with open(path, "w") as f:
            f.write(text)
        with open(os.path.join(work, "compile_flags.txt"), "w") as f:
            f.write("\n".join(flags) + "\n")
        if with_condis:
            with open(os.path.join(work, ".clangd"), "w") as f:
                f.write("Diagnostics:\n  ClangTidy:\n    Add: condis-analyzer\n"
                        "    FastCheckFilter: Loose\n    CheckOptions:\n"
                        "      condis-analyzer.FullParse: %s\n"
                        % ("true" if full_parse else "false"))
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "xdg"))
        server = lsp_client.Server(
            [server_bin, "--background-index=false", "--log=error"], env,
            os.path.join(work, "clangd.log"))
        try:
            server.request("initialize", {
                "processId": os.getpid(), "rootUri": lsp_client.uri_of(work),
                "capabilities": {"textDocument": {"publishDiagnostics": {
                    "relatedInformation": True}}}}, timeout)
            server.notify("initialized", {})
            uri = lsp_client.uri_of(path)
            start = time.monotonic()
            server.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "c", "version": 1, "text": text}})
            diags = server.diagnostics(uri, 1, timeout)
            open_ms = (time.monotonic() - start) * 1000
            findings = len(lsp_client.condis_findings(diags))
            edit_ms = []
            for version in range(2, edits + 2):
                text += "/* edit %d */\n" % version
                start = time.monotonic()
                server.notify("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": text}]})
                server.diagnostics(uri, version, timeout)
                edit_ms.append((time.monotonic() - start) * 1000)
            server.request("shutdown", None, timeout)
            server.notify("exit", None)
            server.proc.wait(timeout=timeout)
        finally:
            if server.proc.poll() is None:
                server.proc.kill()
                server.proc.wait()
            server.log.close()
    return open_ms, edit_ms, findings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server",
                        default=os.path.join(ROOT, "build", "bin", "condis-clangd"))
    parser.add_argument("--flag", action="append", default=[],
                        help="a compile flag for the driver (repeatable); "
                        "default: -xc -I test/Inputs (the header simulators)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--json", help="also write the numbers to this file")
    parser.add_argument("driver", nargs="?",
                        default=os.path.join(ROOT, "bench", "clangd", "cm-driver.c"))
    args = parser.parse_args()
    flags = args.flag or ["-xc", "-I" + os.path.join(ROOT, "test", "Inputs")]

    with open(args.driver) as f:
        lines = len(f.readlines())
    result = {"driver": os.path.relpath(args.driver, ROOT), "lines": lines,
              "runs": args.runs}
    for label, with_condis, full_parse in (
            ("without_condis", False, True),
            ("with_condis_clangd_ast", True, False),
            ("with_condis", True, True)):
        opens, edits, findings = [], [], 0
        for _ in range(args.runs):
            o, e, findings = session(args.server, args.driver, flags,
                                     with_condis, args.edits, args.timeout,
                                     full_parse)
            opens.append(o)
            edits.extend(e)
        result[label] = {"open_ms": round(statistics.median(opens)),
                         "edit_ms": round(statistics.median(edits)),
                         "findings": findings}

    w, c = result["without_condis"], result["with_condis"]
    a = result["with_condis_clangd_ast"]
    print("condis-clangd latency: %s (%d lines), median of %d cold opens and "
          "%d edits" % (result["driver"], lines, args.runs,
                        args.runs * args.edits))
    print("  open -> diagnostics, clangd alone:        %5d ms" % w["open_ms"])
    print("  open -> condis findings (%d), clangd's AST: %5d ms"
          % (a["findings"], a["open_ms"]))
    print("  open -> condis findings (%d), full parse:   %5d ms"
          % (c["findings"], c["open_ms"]))
    print("  edit -> diagnostics, clangd alone:        %5d ms" % w["edit_ms"])
    print("  edit -> refreshed findings, clangd's AST: %5d ms" % a["edit_ms"])
    print("  edit -> refreshed findings, full parse:   %5d ms" % c["edit_ms"])
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
