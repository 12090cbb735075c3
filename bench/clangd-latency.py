#!/usr/bin/env python3
"""Times condis-clangd as an editor sees it, side by side with stock
clangd-22 on the same files: from opening a driver to its first published
diagnostics, and from an edit to the refreshed diagnostics. condis-clangd
publishes clangd's own diagnostics first (marked "condisAnalysis":
"pending") and the findings once the analysis in the background is over:
both times are measured, the first against stock clangd's (the ratio a
user feels while typing), the second as the findings' latency.
Three servers per file: stock clangd-22; condis-clangd as shipped (on by
default, full parse); condis-clangd with FullParse=false (the check on
clangd's own AST). Measured here, never asserted in a test.

Default files: the four samples and a 500-line generated miniport call
manager (bench/gen_driver.py --role mcm --functions 24 --seed 1).

Usage: python3 bench/clangd-latency.py [--server build/bin/condis-clangd]
           [--stock /usr/lib/llvm-22/bin/clangd] [--runs 3] [--edits 5]
           [--json FILE] [--flag FLAG]... [DRIVER.c[:INCLUDE_DIR,...]]...
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "test", "clangd"))
import lsp_client  # noqa: E402  (the test suite's LSP client)


def session(server_bin, driver, flags, full_parse, edits, timeout):
    """One cold editor session. full_parse None: no .clangd (stock clangd,
    or condis-clangd as shipped); False: condis-analyzer.FullParse=false.
    Returns (open_ms, [edit_ms...], findings, open_findings_ms,
    [edit_findings_ms...]): the first publication of each version, then the
    one with the findings (the same one when nothing is pending)."""
    with open(driver) as f:
        text = f.read()
    with tempfile.TemporaryDirectory(prefix="condis-clangd-bench-") as work:
        path = os.path.join(work, os.path.basename(driver))
        with open(path, "w") as f:
            f.write(text)
        with open(os.path.join(work, "compile_flags.txt"), "w") as f:
            f.write("\n".join(flags) + "\n")
        if full_parse is False:
            with open(os.path.join(work, ".clangd"), "w") as f:
                f.write("Diagnostics:\n  ClangTidy:\n    CheckOptions:\n"
                        "      condis-analyzer.FullParse: false\n")
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
            server.any_diagnostics(uri, 1, timeout)
            open_ms = (time.monotonic() - start) * 1000
            diags = server.diagnostics(uri, 1, timeout)
            open_findings_ms = (time.monotonic() - start) * 1000
            findings = len(lsp_client.condis_findings(diags))
            edit_ms, edit_findings_ms = [], []
            for version in range(2, edits + 2):
                text += "/* edit %d */\n" % version
                start = time.monotonic()
                server.notify("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": text}]})
                server.any_diagnostics(uri, version, timeout)
                edit_ms.append((time.monotonic() - start) * 1000)
                server.diagnostics(uri, version, timeout)
                edit_findings_ms.append((time.monotonic() - start) * 1000)
            server.request("shutdown", None, timeout)
            server.notify("exit", None)
            server.proc.wait(timeout=timeout)
        finally:
            if server.proc.poll() is None:
                server.proc.kill()
                server.proc.wait()
            server.log.close()
    return open_ms, edit_ms, findings, open_findings_ms, edit_findings_ms


def default_drivers(work):
    """The samples with their include directories, and the generated
    500-line driver (written into work)."""
    samples = os.path.join(ROOT, "samples")
    inc = os.path.join(samples, "include")
    generated = os.path.join(work, "mcm-500.c")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_driver.py"),
                    "--role", "mcm", "--functions", "24", "--seed", "1",
                    "-o", generated], check=True)
    return [
        (os.path.join(samples, "cm", "cm_init.c"), [inc, os.path.join(samples, "cm")]),
        (os.path.join(samples, "cm", "cm_party.c"), [inc, os.path.join(samples, "cm")]),
        (os.path.join(samples, "mcm", "mcm.c"), [inc]),
        (os.path.join(samples, "client", "client.c"), [inc]),
        (generated, [os.path.join(ROOT, "test", "Inputs")]),
    ]


def parse_driver(arg):
    path, _, incs = arg.partition(":")
    return path, [os.path.abspath(i) for i in incs.split(",") if i] or [
        os.path.join(ROOT, "test", "Inputs")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server",
                        default=os.path.join(ROOT, "build", "bin", "condis-clangd"))
    parser.add_argument("--stock", default="/usr/lib/llvm-22/bin/clangd",
                        help="the stock clangd to compare with")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--json", help="also write the numbers to this file")
    parser.add_argument("--flag", action="append", default=[],
                        help="one more compile flag for the DRIVER files "
                        "given (repeatable)")
    parser.add_argument("drivers", nargs="*", metavar="DRIVER[:INCLUDES]",
                        help="a C file, optionally with its include "
                        "directories after ':' separated by ','")
    args = parser.parse_args()

    results = []
    with tempfile.TemporaryDirectory(prefix="condis-clangd-latency-") as work:
        drivers = ([parse_driver(d) for d in args.drivers] if args.drivers
                   else default_drivers(work))
        for driver, incs in drivers:
            flags = ["-xc"] + ["-I" + i for i in incs] + (
                args.flag if args.drivers else [])
            with open(driver) as f:
                lines = len(f.readlines())
            result = {"driver": os.path.basename(driver), "lines": lines,
                      "runs": args.runs, "edits": args.edits}
            # Alternating servers within each run, so that a change of load
            # affects all three alike.
            samples = {k: ([], [], 0, [], [])
                       for k in ("stock", "condis", "ast")}
            for _ in range(args.runs):
                for key, server, full in (("stock", args.stock, None),
                                          ("condis", args.server, None),
                                          ("ast", args.server, False)):
                    o, e, n, fo, fe = session(server, driver, flags, full,
                                              args.edits, args.timeout)
                    opens, edits, _, fopens, fedits = samples[key]
                    opens.append(o)
                    edits.extend(e)
                    fopens.append(fo)
                    fedits.extend(fe)
                    samples[key] = (opens, edits, n, fopens, fedits)
            for key, (opens, edits, n, fopens, fedits) in samples.items():
                result[key] = {
                    "open_ms": round(statistics.median(opens)),
                    "edit_ms": round(statistics.median(edits)),
                    "findings_open_ms": round(statistics.median(fopens)),
                    "findings_edit_ms": round(statistics.median(fedits)),
                    "findings": n}
            results.append(result)

    print("condis-clangd latency against stock clangd-22 (medians of %d cold "
          "opens and %d edits per file; ratio = condis-clangd / stock)"
          % (args.runs, args.runs * args.edits))
    print("compiler diagnostics: the first publication of a version; "
          "findings: the one that holds the findings")
    print("%-14s %5s | %-22s | %-22s | %-16s | %-17s | %s"
          % ("file", "lines", "open ms stock/condis", "edit ms stock/condis",
             "open x / edit x", "findings open/edit",
             "clangd's AST: open x / edit x, findings"))
    for r in results:
        st, c, a = r["stock"], r["condis"], r["ast"]
        print("%-14s %5d | %8d / %-11d | %8d / %-11d | %5.2fx / %-7s | "
              "%6d / %-8d | %.2fx / %.2fx, %d / %d"
              % (r["driver"], r["lines"], st["open_ms"], c["open_ms"],
                 st["edit_ms"], c["edit_ms"],
                 c["open_ms"] / max(st["open_ms"], 1),
                 "%.2fx" % (c["edit_ms"] / max(st["edit_ms"], 1)),
                 c["findings_open_ms"], c["findings_edit_ms"],
                 a["open_ms"] / max(st["open_ms"], 1),
                 a["edit_ms"] / max(st["edit_ms"], 1),
                 a["findings"], c["findings"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
