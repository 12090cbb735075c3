#!/usr/bin/env python3
"""Does the time budget bound the check? Times condis-check and
condis-clangd on drivers whose one finding is costly to report
(gen_pathological.py), with and without their budgets, and prints a
Markdown table for docs/performance.md ("Budgets"). Measured here, never
asserted in a test.

- condis-check -j 1 FILE, without and with --file-time-budget=B: wall time,
  findings, and whether it named the file as cut;
- condis-clangd (the suite's LSP client), TimeBudgetMs B*1000 against a
  budget too large to matter: from didOpen to the file's first diagnostics
  (the check), and, in a second session, from didOpen to the answer of a
  hover (a request that needs the AST); findings, and the log line of a cut;
- clang-22 --analyze without the plugin, for scale.

Usage: python3 bench/budget.py [--budget 2] [--case long-handler:650]...
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "test", "clangd"))
import lsp_client  # noqa: E402  (the test suite's LSP client)

INPUTS = os.path.join(ROOT, "test", "Inputs")
UNBOUNDED_MS = 3600 * 1000


def timed(argv, cwd):
    start = time.monotonic()
    proc = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
    return time.monotonic() - start, proc


def check_run(tool, work, name, budget):
    argv = [tool, "-j", "1", "--quiet", name, "--", "-I" + INPUTS]
    if budget:
        argv.insert(1, "--file-time-budget=%g" % budget)
    seconds, proc = timed(argv, work)
    return {"seconds": seconds, "exit": proc.returncode,
            "findings": proc.stdout.count("warning:"),
            "cut": "--file-time-budget spent" in proc.stderr}


def clangd_session(server_bin, work, name, budget_ms, hover, timeout):
    """Seconds from didOpen to the diagnostics (or to a hover's answer)."""
    with open(os.path.join(work, name)) as f:
        text = f.read()
    with open(os.path.join(work, "compile_flags.txt"), "w") as f:
        f.write("-I%s\n" % INPUTS)
    with open(os.path.join(work, ".clangd"), "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    Add: condis-analyzer\n"
                "    FastCheckFilter: Loose\n    CheckOptions:\n"
                "      condis-analyzer.TimeBudgetMs: %d\n" % budget_ms)
    log_path = os.path.join(work, "clangd-%d-%s.log" % (budget_ms, hover))
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "xdg"))
    server = lsp_client.Server(
        [server_bin, "--background-index=false", "--log=info"], env, log_path)
    result = {}
    try:
        server.request("initialize", {
            "processId": os.getpid(), "rootUri": lsp_client.uri_of(work),
            "capabilities": {}}, timeout)
        server.notify("initialized", {})
        uri = lsp_client.uri_of(os.path.join(work, name))
        start = time.monotonic()
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "c", "version": 1, "text": text}})
        if hover:
            line = text.splitlines().index(next(
                l for l in text.splitlines() if "PpDropParty(" in l
                and "NDIS_STATUS" in l))
            server.request("textDocument/hover", {
                "textDocument": {"uri": uri},
                "position": {"line": line, "character": 14}}, timeout)
        else:
            diags = server.diagnostics(uri, 1, timeout)
            result["findings"] = len(lsp_client.condis_findings(diags))
        result["seconds"] = time.monotonic() - start
        server.request("shutdown", None, timeout)
        server.notify("exit", None)
        server.proc.wait(timeout=timeout)
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait()
        server.log.close()
    with open(log_path, errors="replace") as f:
        result["cut_logged"] = any(
            ("findings cut" in l and " 0 findings cut" not in l) or
            ("paths stopped" in l and " 0 paths stopped" not in l) or
            ("skipped (budget spent)" in l and " 0 skipped" not in l)
            for l in f)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--budget", type=float, default=2.0,
                    help="seconds (condis-check) and TimeBudgetMs/1000")
    ap.add_argument("--case", action="append",
                    help="SHAPE:SIZE (default long-handler:650, "
                         "many-terms:200)")
    ap.add_argument("--check", default=os.path.join(ROOT, "build", "bin",
                                                    "condis-check"))
    ap.add_argument("--server", default=os.path.join(ROOT, "build", "bin",
                                                     "condis-clangd"))
    ap.add_argument("--timeout", type=float, default=900)
    args = ap.parse_args()
    cases = args.case or ["long-handler:650", "many-terms:200"]

    rows = []
    with tempfile.TemporaryDirectory(prefix="condis-budget-") as work:
        for case in cases:
            shape, size = case.split(":")
            name = "%s-%s.c" % (shape, size)
            subprocess.run([sys.executable,
                            os.path.join(ROOT, "bench", "gen_pathological.py"),
                            "--shape", shape, "--size", size, "-o",
                            os.path.join(work, name)], check=True)
            with open(os.path.join(work, name)) as f:
                lines = sum(1 for _ in f)
            plain, _ = timed(["clang-22", "--analyze", "-I" + INPUTS, name,
                              "-o", "/dev/null"], work)
            row = {"case": case, "lines": lines, "plain": plain}
            if os.path.exists(args.check):
                row["check"] = check_run(args.check, work, name, None)
                row["check_budget"] = check_run(args.check, work, name,
                                                args.budget)
            if os.path.exists(args.server):
                ms = int(args.budget * 1000)
                for key, budget, hover in (
                        ("clangd", UNBOUNDED_MS, False),
                        ("clangd_budget", ms, False),
                        ("hover", UNBOUNDED_MS, True),
                        ("hover_budget", ms, True)):
                    row[key] = clangd_session(args.server, work, name, budget,
                                              hover, args.timeout)
            rows.append(row)
            print("measured", case, file=sys.stderr)

    def cell(r, key):
        if key not in r:
            return "not built"
        v = r[key]
        extra = []
        if "findings" in v:
            extra.append("%d finding%s" % (v["findings"],
                                           "" if v["findings"] == 1 else "s"))
        if v.get("cut") or v.get("cut_logged"):
            extra.append("cut reported")
        return "%.1f s" % v["seconds"] + (
            " (" + ", ".join(extra) + ")" if extra else "")

    b = "%g s" % args.budget
    print("| input | lines | clang --analyze (no plugin) | condis-check "
          "| condis-check --file-time-budget=%g | condis-clangd check, no "
          "budget | condis-clangd check, TimeBudgetMs %d | hover, no budget "
          "| hover, TimeBudgetMs %d |" % (args.budget, args.budget * 1000,
                                          args.budget * 1000))
    print("|---|---:|---:|---|---|---|---|---|---|")
    for r in rows:
        print("| `%s` | %d | %.1f s | %s | %s | %s | %s | %s | %s |" % (
            r["case"], r["lines"], r["plain"], cell(r, "check"),
            cell(r, "check_budget"), cell(r, "clangd"),
            cell(r, "clangd_budget"), cell(r, "hover"),
            cell(r, "hover_budget")))
    print("\nBudget %s; one run each; the machine: %d cores." % (
        b, os.cpu_count()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
