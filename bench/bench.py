#!/usr/bin/env python3
"""What the condis plugin costs on top of a plain `clang-22 --analyze`.

    bench/run.sh [--quick] [--runs N] [--sizes 1,100,1000,4000] [--out DIR]

Builds its corpora (our samples and test drivers; the whole, realistic
drivers of bench/corpus/, reported per file; generated CoNDIS drivers of
every role from one to thousands of functions, in a scratch directory;
plain C from csmith), analyses every file with clang-22's default checkers
alone ("baseline") and with the condis plugin added ("plugin"), and, unless
--crosscheck no, with the plugin and Z3 refutation of every report
("plugin-z3": crosscheck-with-z3=true, the default of condis-check and
condis-clangd), rotating the order run by run, and writes DIR/results.md plus CSV files. Times and
peak memory come from wait4() rusage; the plugin's own share from
-ftime-trace's per-checker callback totals; machine-independent counts from
the same trace (analyzer work-list steps) and from callgrind (instructions).
condis-check and condis-clangd are measured when they are built.

Targets are reported, never asserted: the exit status is 0 whenever the
benchmark itself ran.
"""
import argparse
import csv
import datetime
import glob
import json
import math
import os
import platform
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import gen_driver  # noqa: E402
import corpus_drivers  # noqa: E402

TARGETS = {
    "plain-c": ("user", 1.02, "plain C: plugin adds under 2% to analysis time"),
    "condis": ("user", 1.10, "CoNDIS drivers: plugin adds under 10% to analysis time"),
}
MEMORY_TARGET = 1.05
# Growth exponents use the drivers from this size up: below it a run is
# mostly process start-up, not analysis.
GROWTH_MIN = 100
# Callback kinds -ftime-trace records per checker in clang 22 ("Stmt:Name").
TRACE_KINDS = {"Stmt", "Call", "Bind", "Loc", "DeadSymbols", "Begin", "End",
               "BranchCond", "Cond", "EndAnalysis", "Region", "Escape"}


def log(msg):
    print(f"bench: {msg}", flush=True)


# ---- running one analysis ------------------------------------------------------

def run_measured(cmd, cwd=None, stdin=None, timeout=None):
    """Runs cmd, returns (rc, wall s, user s, sys s, peak RSS KiB, stderr)."""
    err = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err,
                            stdin=stdin if stdin is not None else subprocess.DEVNULL)
    deadline = None if timeout is None else t0 + timeout
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if deadline and time.perf_counter() > deadline:
            proc.kill()
        time.sleep(0.002)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err.seek(0)
    text = err.read().decode("utf-8", "replace")
    err.close()
    return proc.returncode, wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss, text


# The analyses each file gets. "plugin" is the plugin as clang --analyze and
# scan-build run it, and what condis-check and condis-clangd ran before they
# turned on Z3 refutation; "plugin-z3" is what they run now.
CONFIGS = ("baseline", "plugin", "plugin-z3")
Z3_ARGS = ["-Xanalyzer", "-analyzer-config", "-Xanalyzer", "crosscheck-with-z3=true"]


class Analyzer:
    def __init__(self, clang, plugin):
        self.clang = clang
        self.plugin = plugin

    def cmd(self, config, src, flags, extra=()):
        c = [self.clang, "--analyze", *flags, src, "-o", "/dev/null", *extra]
        if config in ("plugin", "plugin-z3"):
            c[2:2] = [f"-fplugin={self.plugin}", "-Xanalyzer", "-analyzer-checker=condis"]
        if config == "plugin-z3":
            c[2:2] = Z3_ARGS
        return c


def count_warnings(stderr):
    total = len(re.findall(r": warning: ", stderr))
    condis = len(re.findall(r": warning: .*\[condis\.", stderr))
    return total, condis


# ---- corpora ------------------------------------------------------------------------

class File:
    def __init__(self, corpus, path, flags, meta=None):
        self.corpus = corpus
        self.path = path
        self.flags = flags
        self.meta = meta or {}
        self.name = os.path.relpath(path, ROOT) if path.startswith(ROOT) else os.path.basename(path)
        self.samples = {c: [] for c in CONFIGS}
        self.trace = {}
        self.warnings = {}


def count_functions(path):
    """Function definitions in a C file (a line-based estimate for corpora
    the generator did not write)."""
    text = open(path, errors="replace").read()
    return len(re.findall(r"^[A-Za-z_][\w \*\(\),\[\]\n]*\)\s*\n?\{", text, re.M))


def corpus_ours(analyzer):
    files = []
    samples = sorted(glob.glob(os.path.join(ROOT, "samples", "*", "*.c")))
    inc = os.path.join(ROOT, "samples", "include")
    for p in samples:
        flags = ["-I", inc] if os.path.isdir(inc) else []
        flags += ["-I", os.path.dirname(p)]
        files.append(File("samples", p, flags))
    if not samples:
        log("samples/: no drivers in this checkout; the samples corpus is skipped")
    # The lit suite's drivers: small, dense in CoNDIS calls.
    for p in sorted(glob.glob(os.path.join(ROOT, "test", "**", "*.c"), recursive=True)):
        if "/Inputs/" in p:
            continue
        text = open(p, errors="replace").read()
        if "ndis.h" not in text and "-party.h" not in text:
            continue
        files.append(File("suite", p, ["-I", os.path.join(ROOT, "test", "Inputs")]))
    ok = []
    for f in files:
        rc, *_ , err = run_measured(analyzer.cmd("baseline", f.path, f.flags))
        if rc == 0:
            f.meta["functions"] = count_functions(f.path)
            ok.append(f)
        else:
            log(f"{f.name}: does not analyse cleanly without the plugin, left out")
    return ok


def corpus_generated(work, roles, sizes, seed):
    files = []
    d = os.path.join(work, "condis")
    os.makedirs(d, exist_ok=True)
    for role in roles:
        for n in sizes:
            src = os.path.join(d, f"{role}-{n}.c")
            meta = os.path.join(d, f"{role}-{n}.json")
            gen_driver.main(["--role", role, "--functions", str(n), "--seed", str(seed),
                             "--bugs", "1", "-o", src, "--meta", meta])
            files.append(File("condis", src, ["-I", os.path.join(ROOT, "test", "Inputs")],
                              json.load(open(meta))))
    return files


def csmith_include():
    for d in ("/usr/include/csmith", "/usr/include/csmith-2.3.0", "/usr/local/include/csmith"):
        if os.path.exists(os.path.join(d, "csmith.h")):
            return d
    out = subprocess.run(["dpkg", "-L", "libcsmith-dev"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.endswith("/csmith.h"):
            return os.path.dirname(line)
    return None


def corpus_csmith(work, count, max_funcs, seed):
    csmith = shutil.which("csmith")
    inc = csmith_include()
    if not csmith or not inc:
        log("csmith or csmith.h not installed (packages csmith, libcsmith-dev): plain-C corpus skipped")
        return []
    d = os.path.join(work, "plain-c")
    os.makedirs(d, exist_ok=True)
    files = []
    for i in range(count):
        s = seed + i
        src = os.path.join(d, f"csmith-{s}.c")
        # csmith leaves a platform.info in its working directory: keep it in the scratch dir.
        subprocess.run([csmith, "--seed", str(s), "--max-funcs", str(max_funcs), "-o", src],
                       check=True, cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        files.append(File("plain-c", src, ["-I", inc, "-w"],
                          {"functions": count_functions(src), "seed": s}))
    return files


# ---- measurements --------------------------------------------------------------------

def measure_times(analyzer, files, runs, configs=("baseline", "plugin")):
    n = len(configs)
    for r in range(runs):
        for i, f in enumerate(files):
            # Every configuration goes first as often as the others.
            k = (r + i) % n
            order = configs[k:] + configs[:k]
            for config in order:
                rc, wall, user, sys_, rss, err = run_measured(analyzer.cmd(config, f.path, f.flags))
                if rc != 0:
                    raise SystemExit(f"bench: {config} analysis of {f.name} failed:\n{err[-2000:]}")
                f.samples[config].append({"wall": wall, "user": user, "sys": sys_, "rss": rss})
                if r == 0:
                    f.warnings[config] = count_warnings(err)
        log(f"run {r + 1}/{runs} done")


def parse_trace(path):
    d = json.load(open(path))
    out = {"steps": 0, "functions": 0, "total_us": 0, "checkers": {}}
    for e in d.get("traceEvents", []):
        name = e.get("name", "")
        if not name.startswith("Total "):
            continue
        name = name[6:]
        dur = e.get("dur", 0)
        count = e.get("args", {}).get("count", 0)
        if name.startswith("dispatchWorkItem"):
            out["steps"] += count
        elif name == "ExecuteCompiler":
            out["total_us"] = dur
        elif name == "HandleCode":
            out["functions"] += count
        else:
            m = re.fullmatch(r"([A-Za-z]+):([A-Za-z][\w.+]*)", name)
            if m and m.group(1) in TRACE_KINDS:
                c = out["checkers"].setdefault(m.group(2), {"us": 0, "calls": 0})
                c["us"] += dur
                c["calls"] += count
    return out


def measure_traces(analyzer, files, work):
    d = os.path.join(work, "traces")
    os.makedirs(d, exist_ok=True)
    for i, f in enumerate(files):
        for config in ("baseline", "plugin"):
            tr = os.path.join(d, f"{i}-{config}.json")
            # A coarse granularity keeps the file small; the "Total" events
            # still sum every callback, whatever its length.
            rc, *_ , err = run_measured(analyzer.cmd(
                config, f.path, f.flags, ["-ftime-trace=" + tr, "-ftime-trace-granularity=1000000"]))
            if rc != 0 or not os.path.exists(tr):
                raise SystemExit(f"bench: traced {config} analysis of {f.name} failed:\n{err[-2000:]}")
            f.trace[config] = parse_trace(tr)
            os.unlink(tr)


def callgrind_self(path, object_substring):
    """Total instructions and the instructions executed inside one shared
    object (self cost only: calls from it into clang are not counted)."""
    names, total, own, cur_ob, skip = {}, 0, 0, None, False
    with open(path, errors="replace") as fh:
        for line in fh:
            c = line[:1]
            if c.isdigit() or c in "+-*":
                if skip:
                    skip = False
                    continue
                parts = line.split()
                if len(parts) >= 2:
                    n = int(parts[1])
                    total += n
                    if cur_ob and object_substring in cur_ob:
                        own += n
            elif line.startswith("ob="):
                m = re.match(r"ob=\((\d+)\)\s*(.*)", line.strip())
                if m:
                    if m.group(2):
                        names[m.group(1)] = m.group(2)
                    cur_ob = names.get(m.group(1), "")
                else:
                    cur_ob = line[3:].strip()
            elif line.startswith("cob="):
                # Object names are compressed in one table shared by ob= and
                # cob=; an object first named as a call target is later
                # referred to by number only.
                m = re.match(r"cob=\((\d+)\)\s*(.*)", line.strip())
                if m and m.group(2):
                    names[m.group(1)] = m.group(2)
            elif line.startswith("calls="):
                skip = True
    return total, own


def measure_callgrind(analyzer, f, work, configs=("baseline", "plugin")):
    vg = shutil.which("valgrind")
    if not vg:
        log("valgrind not installed: instruction counts skipped")
        return None
    res = {"file": f.name, "functions": f.meta.get("functions", "")}
    for config in configs:
        out = os.path.join(work, f"callgrind-{config}.out")
        cmd = [vg, "--tool=callgrind", f"--callgrind-out-file={out}"] + analyzer.cmd(config, f.path, f.flags)
        rc, *_ , err = run_measured(cmd)
        if rc != 0:
            log(f"callgrind on {f.name} failed: {err[-500:]}")
            return None
        total, own = callgrind_self(out, os.path.basename(analyzer.plugin))
        res[config] = total
        if config == "plugin":
            res["plugin_self"] = own
        os.unlink(out)
    return res


# ---- condis-check and condis-clangd -------------------------------------------------------

def write_compdb(d, files):
    entries = [{"directory": d, "file": f.path,
                "arguments": ["clang-22", "-c", *f.flags, f.path, "-o", "/dev/null"]} for f in files]
    with open(os.path.join(d, "compile_commands.json"), "w") as fh:
        json.dump(entries, fh, indent=1)


def measure_condis_check(tool, work, runs, quick, seed):
    if not os.access(tool, os.X_OK):
        return {"status": f"not built ({os.path.relpath(tool, ROOT)} is absent)"}
    d = os.path.join(work, "project")
    os.makedirs(d, exist_ok=True)
    n, size = (2, 10) if quick else (6, 150)
    # A hung run must fail the benchmark, not stall it (or CI's smoke test).
    limit = 120 if quick else 1800
    files = []
    for k in range(n):
        role = gen_driver.ROLES[k % 3]
        src = os.path.join(d, f"driver{k}-{role}.c")
        gen_driver.main(["--role", role, "--functions", str(size), "--seed", str(seed + k),
                         "--bugs", "1", "-o", src])
        files.append(File("project", src, ["-I", os.path.join(ROOT, "test", "Inputs")]))
    write_compdb(d, files)
    res = {"status": "ok", "files": n, "functions": n * size}
    # The tool refutes reports with Z3 by default; its previous default was
    # without (docs/condis-check.md).
    z3_off = ["--config", "crosscheck-with-z3=false"]
    # The job-count spelling is the tool's to choose; take the first accepted.
    spellings = (lambda j: ["-j", str(j)], lambda j: [f"-j{j}"], lambda j: [f"--jobs={j}"])
    form, err = None, ""
    for sp in spellings:
        rc, *_, err = run_measured([tool, "-p", d, *sp(1)], cwd=d, timeout=limit)
        if rc in (0, 1):
            form = sp
            break
    if form is None:
        return {"status": f"error: exit {rc}: {err.strip()[-300:]}"}
    settings = [("j1", form(1)), ("j2", form(2)), ("j1-noz3", form(1) + z3_off)]
    for r in range(runs):
        k = r % len(settings)
        for key, extra in settings[k:] + settings[:k]:
            rc, wall, user, _, _, err = run_measured([tool, "-p", d, *extra], cwd=d, timeout=limit)
            if rc not in (0, 1):
                return {"status": f"error: exit {rc} with {' '.join(extra)}: {err.strip()[-300:]}"}
            res.setdefault(key, []).append(wall)
            res[f"rc-{key}"] = rc
    return res


class Lsp:
    """A minimal LSP client over a child's stdio (JSON-RPC with
    Content-Length framing)."""

    def __init__(self, cmd, cwd):
        self.proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.buf = b""
        self.next_id = 1

    def send(self, method, params, request=False):
        msg = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            msg["id"] = self.next_id
            self.next_id += 1
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return msg.get("id")

    def read(self, deadline):
        fd = self.proc.stdout.fileno()
        while True:
            sep = self.buf.find(b"\r\n\r\n")
            if sep >= 0:
                m = re.search(rb"Content-Length:\s*(\d+)", self.buf[:sep], re.I)
                n = int(m.group(1)) if m else 0
                if len(self.buf) >= sep + 4 + n:
                    body = self.buf[sep + 4:sep + 4 + n]
                    self.buf = self.buf[sep + 4 + n:]
                    return json.loads(body)
            left = deadline - time.perf_counter()
            if left <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return None
            self.buf += chunk

    def close(self):
        try:
            self.send("shutdown", None, request=True)
            self.send("exit", None)
            self.proc.wait(timeout=5)
        except Exception:
            pass
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def is_condis_diag(diag):
    code = str(diag.get("code", ""))
    return (str(diag.get("source", "")).startswith("condis") or code.startswith("condis.")
            or "condis." in code or "[condis." in diag.get("message", ""))


def time_to_diagnostics(server, d, src, want_condis, timeout):
    """Seconds from didOpen to the first publishDiagnostics for src (or, with
    want_condis, to the first that holds a condis diagnostic)."""
    lsp = Lsp([server, f"--compile-commands-dir={d}"], d)
    try:
        uri = "file://" + src
        deadline = time.perf_counter() + timeout
        rid = lsp.send("initialize", {"processId": os.getpid(), "rootUri": "file://" + d,
                                      "capabilities": {"textDocument": {"publishDiagnostics": {}}}},
                       request=True)
        while True:
            msg = lsp.read(deadline)
            if msg is None:
                return None, "no answer to initialize"
            if msg.get("id") == rid:
                break
        lsp.send("initialized", {})
        t0 = time.perf_counter()
        lsp.send("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "c", "version": 1, "text": open(src).read()}})
        # A server that analyses on save rather than on open starts now too.
        lsp.send("textDocument/didSave", {"textDocument": {"uri": uri}})
        deadline = t0 + timeout
        while True:
            msg = lsp.read(deadline)
            if msg is None:
                return None, f"no {'condis ' if want_condis else ''}diagnostics within {timeout} s"
            if msg.get("method") != "textDocument/publishDiagnostics":
                continue
            p = msg.get("params", {})
            if p.get("uri") != uri:
                continue
            diags = p.get("diagnostics", [])
            if not want_condis or any(is_condis_diag(x) for x in diags):
                return time.perf_counter() - t0, f"{len(diags)} diagnostics"
    finally:
        lsp.close()


def measure_clangd(tool, work, runs, quick, seed):
    d = os.path.join(work, "editor")
    os.makedirs(d, exist_ok=True)
    src = os.path.join(d, "cm_driver.c")
    gen_driver.main(["--role", "cm", "--functions", "6" if quick else "16", "--seed", str(seed),
                     "--bugs", "1", "-o", src])
    write_compdb(d, [File("editor", src, ["-I", os.path.join(ROOT, "test", "Inputs")])])
    lines = open(src).read().count("\n")
    res = {"lines": lines}
    timeout = 30 if quick else 180

    def timings(server, with_condis):
        """Seconds to diagnostics per run, or why there are none."""
        t, note = [], ""
        for _ in range(runs):
            s, note = time_to_diagnostics(server, d, src, with_condis, timeout)
            if s is None:
                break
            t.append(s)
        return t if t else note

    plain = shutil.which("clangd-22")
    if plain:
        res["clangd"] = timings(plain, False)
    else:
        res["clangd"] = "clangd-22 not installed"
    if not os.access(tool, os.X_OK):
        res["condis"] = res["condis-noz3"] = f"not built ({os.path.relpath(tool, ROOT)} is absent)"
        return res
    # condis-clangd runs our checks by default (docs/editors.md); the .clangd
    # only carries options.
    def clangd_config(extra=""):
        path = os.path.join(d, ".clangd")
        if not extra:
            if os.path.exists(path):
                os.remove(path)
            return
        with open(path, "w") as fh:
            fh.write("Diagnostics:\n  ClangTidy:\n" + extra)
    clangd_config()
    res["condis"] = timings(tool, True)
    # Its previous default: no Z3 refutation.
    clangd_config("    CheckOptions:\n      condis-analyzer.AnalyzerConfig: crosscheck-with-z3=false\n")
    res["condis-noz3"] = timings(tool, True)
    return res


# ---- statistics and reports -----------------------------------------------------------------------

def corpus_ratio(files, metric, runs, num="plugin", den="baseline"):
    """Median over runs of sum(num)/sum(den) for one metric."""
    ratios = []
    for r in range(runs):
        b = sum(f.samples[den][r][metric] for f in files)
        p = sum(f.samples[num][r][metric] for f in files)
        if b > 0:
            ratios.append(p / b)
    return statistics.median(ratios) if ratios else float("nan")


def corpus_total(files, config, metric):
    return sum(statistics.median(s[metric] for s in f.samples[config]) for f in files)


def file_median(f, config, metric):
    return statistics.median(s[metric] for s in f.samples[config])


def slope(points):
    """Least-squares slope of log(y) against log(x): time grows as size^slope."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return float("nan")
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    if sxx == 0:
        return float("nan")
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1048576:.1f} GiB"
    except OSError:
        pass
    def git(*a):
        return subprocess.run(["git", "-C", ROOT, *a], capture_output=True, text=True).stdout.strip()
    commit = git("rev-parse", "HEAD") or "unknown"
    if git("status", "--porcelain", "--untracked-files=no"):
        commit += " (with uncommitted changes)"
    clang = subprocess.run(["clang-22", "--version"], capture_output=True, text=True).stdout.splitlines()
    return {"cpu": cpu, "nproc": os.cpu_count(), "memory": mem, "kernel": platform.release(),
            "clang": clang[0] if clang else "?", "commit": commit,
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "load": "%.2f %.2f %.2f" % os.getloadavg()}


def fmt(x, nd=3):
    if isinstance(x, float):
        if math.isnan(x):
            return "n/a"
        return f"{x:.{nd}f}"
    return str(x)


def pct(ratio):
    return "n/a" if math.isnan(ratio) else f"{(ratio - 1) * 100:+.1f}%"


def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(fmt(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def write_csv(path, header, rows):
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for r in rows:
            w.writerow([fmt(c, 6) if isinstance(c, float) else c for c in r])


SUMMARY_HEADER = ["corpus", "files", "functions", "runs", "baseline_user_s", "plugin_user_s",
                  "user_ratio", "wall_ratio", "baseline_peak_mib", "plugin_peak_mib", "memory_ratio",
                  "condis_callbacks_ms", "condis_share_pct", "steps_baseline", "steps_plugin",
                  "condis_warnings", "default_checkers_callbacks_ms"]
CROSSCHECK_HEADER = ["corpus", "files", "plugin_user_s", "plugin_z3_user_s", "z3_over_plugin_user",
                     "z3_over_baseline_user", "z3_over_plugin_wall", "z3_over_plugin_memory",
                     "z3_over_baseline_memory", "condis_warnings_plugin", "condis_warnings_z3",
                     "all_warnings_plugin", "all_warnings_z3"]
GROWTH_HEADER = ["role", "functions", "basis_paths", "lines", "steps_baseline", "steps_plugin",
                 "baseline_user_s", "plugin_user_s", "user_ratio", "condis_callbacks_ms",
                 "condis_share_pct"]


def report(args, files, corpora, cg, check, clangd, info, out):
    runs = args.runs
    summary = []
    checkers = {}
    for name in corpora:
        fs = [f for f in files if f.corpus == name]
        if not fs:
            continue
        cond_us = sum(sum(v["us"] for k, v in f.trace["plugin"]["checkers"].items()
                          if k.startswith("condis.")) for f in fs)
        total_us = sum(f.trace["plugin"]["total_us"] for f in fs)
        for f in fs:
            for k, v in f.trace["plugin"]["checkers"].items():
                if k.startswith("condis."):
                    c = checkers.setdefault((name, k), {"us": 0, "calls": 0})
                    c["us"] += v["us"]
                    c["calls"] += v["calls"]
        summary.append([
            name, len(fs), sum(f.meta.get("functions", 0) for f in fs), runs,
            corpus_total(fs, "baseline", "user"), corpus_total(fs, "plugin", "user"),
            corpus_ratio(fs, "user", runs), corpus_ratio(fs, "wall", runs),
            corpus_total(fs, "baseline", "rss") / 1024, corpus_total(fs, "plugin", "rss") / 1024,
            corpus_ratio(fs, "rss", runs), cond_us / 1000,
            100.0 * cond_us / total_us if total_us else float("nan"),
            sum(f.trace["baseline"]["steps"] for f in fs), sum(f.trace["plugin"]["steps"] for f in fs),
            sum(f.warnings["plugin"][1] for f in fs),
            sum(sum(v["us"] for v in f.trace["baseline"]["checkers"].values()) for f in fs) / 1000])
    growth = []
    for f in files:
        if f.corpus != "condis":
            continue
        tp = f.trace["plugin"]
        cond_us = sum(v["us"] for k, v in tp["checkers"].items() if k.startswith("condis."))
        bu, pu = file_median(f, "baseline", "user"), file_median(f, "plugin", "user")
        growth.append([f.meta["role"], f.meta["functions"], f.meta["basis_paths"], f.meta["lines"],
                       f.trace["baseline"]["steps"], tp["steps"], bu, pu,
                       statistics.median(p["user"] / b["user"] for p, b in
                                         zip(f.samples["plugin"], f.samples["baseline"]) if b["user"] > 0)
                       if bu > 0 else float("nan"),
                       cond_us / 1000, 100.0 * cond_us / tp["total_us"] if tp["total_us"] else float("nan")])
    growth.sort(key=lambda r: (r[0], r[1]))
    slopes = []
    traced = {(f.meta["role"], f.meta["functions"]): f.trace["baseline"]["total_us"]
              for f in files if f.corpus == "condis"}
    for role in sorted({r[0] for r in growth}):
        rows = [r for r in growth if r[0] == role and r[1] >= GROWTH_MIN]
        slopes.append([role, slope([(r[1], r[6]) for r in rows]), slope([(r[1], r[7]) for r in rows]),
                       slope([(r[1], traced[(role, r[1])]) for r in rows]),
                       slope([(r[1], r[9]) for r in rows]), slope([(r[5], r[9]) for r in rows])])

    # Z3 refutation, the default of condis-check and condis-clangd, beside the
    # plugin without it (their previous default and the plugin routes').
    z3 = []
    for name in corpora:
        fs = [f for f in files if f.corpus == name and len(f.samples.get("plugin-z3", [])) == runs]
        if not fs or len(fs) != len([f for f in files if f.corpus == name]):
            continue
        z3.append([name, len(fs), corpus_total(fs, "plugin", "user"), corpus_total(fs, "plugin-z3", "user"),
                   corpus_ratio(fs, "user", runs, "plugin-z3", "plugin"),
                   corpus_ratio(fs, "user", runs, "plugin-z3", "baseline"),
                   corpus_ratio(fs, "wall", runs, "plugin-z3", "plugin"),
                   corpus_ratio(fs, "rss", runs, "plugin-z3", "plugin"),
                   corpus_ratio(fs, "rss", runs, "plugin-z3", "baseline"),
                   sum(f.warnings["plugin"][1] for f in fs), sum(f.warnings["plugin-z3"][1] for f in fs),
                   sum(f.warnings["plugin"][0] for f in fs), sum(f.warnings["plugin-z3"][0] for f in fs)])

    # CSV files.
    write_csv(os.path.join(out, "summary.csv"), SUMMARY_HEADER, summary)
    if z3:
        write_csv(os.path.join(out, "crosscheck.csv"), CROSSCHECK_HEADER, z3)
    write_csv(os.path.join(out, "growth.csv"), GROWTH_HEADER, growth)
    write_csv(os.path.join(out, "checkers.csv"), ["corpus", "checker", "callback_ms", "calls"],
              [[c, k, v["us"] / 1000, v["calls"]] for (c, k), v in sorted(checkers.items())])
    raw = []
    for f in files:
        for config in CONFIGS:
            for r, s in enumerate(f.samples.get(config, [])):
                raw.append([f.corpus, f.name, config, r + 1, s["wall"], s["user"], s["sys"], s["rss"]])
    write_csv(os.path.join(out, "runs.csv"),
              ["corpus", "file", "config", "run", "wall_s", "user_s", "sys_s", "peak_rss_kib"], raw)
    tools = []
    if cg:
        tools.append(["callgrind", cg["file"], "baseline_instructions", cg["baseline"]])
        tools.append(["callgrind", cg["file"], "plugin_instructions", cg["plugin"]])
        tools.append(["callgrind", cg["file"], "plugin_self_instructions", cg["plugin_self"]])
        if "plugin-z3" in cg:
            tools.append(["callgrind", cg["file"], "plugin_z3_instructions", cg["plugin-z3"]])
        if "z3_sample" in cg:
            for k in ("plugin", "plugin-z3"):
                tools.append(["callgrind", cg["z3_sample"]["file"], k.replace("-", "_") + "_instructions",
                              cg["z3_sample"][k]])
        if "plain" in cg:
            for k in ("baseline", "plugin", "plugin_self"):
                tools.append(["callgrind", cg["plain"]["file"], k + "_instructions", cg["plain"][k]])
        for k in ("empty_baseline", "empty_plugin"):
            if k in cg:
                tools.append(["callgrind", "empty.c", k.split("_")[1] + "_instructions", cg[k]])
    for k, setting in (("j1", "-j 1"), ("j2", "-j 2"), ("j1-noz3", "-j 1 --config crosscheck-with-z3=false")):
        if k in check:
            tools.append(["condis-check", setting, "median_wall_s", statistics.median(check[k])])
    if "j1" not in check:
        tools.append(["condis-check", "", "status", check.get("status", "")])
    for k, tool, setting in (("clangd", "clangd-22", ""), ("condis", "condis-clangd", ""),
                             ("condis-noz3", "condis-clangd", "crosscheck-with-z3=false")):
        v = clangd.get(k)
        if v is None:
            continue
        if isinstance(v, list):
            tools.append([tool, f"{clangd['lines']}-line driver{', ' + setting if setting else ''}",
                          "median_open_to_diagnostics_s", statistics.median(v)])
        else:
            tools.append([tool, setting, "status", v])
    write_csv(os.path.join(out, "tools.csv"), ["tool", "setting", "metric", "value"], tools)

    # Targets.
    verdicts = []
    by = {r[0]: r for r in summary}
    for corpus, (metric, limit, text) in TARGETS.items():
        if corpus not in by:
            verdicts.append(f"- {text}: not measured (corpus absent).")
            continue
        ratio = by[corpus][6]
        ok = ratio < limit
        verdicts.append(f"- {text}: user time {pct(ratio)} — **{'met' if ok else 'missed'}**.")
    byz = {r[0]: r for r in z3}
    for corpus, (metric, limit, text) in TARGETS.items():
        if corpus in byz:
            ratio = byz[corpus][5]
            verdicts.append(f"- {text}, with Z3 refutation (the default of condis-check and condis-clangd): "
                            f"user time {pct(ratio)} — **{'met' if ratio < limit else 'missed'}**.")
    mem = [r for r in summary if not math.isnan(r[10])]
    worst = max(mem, key=lambda r: r[10]) if mem else None
    if worst:
        ok = worst[10] < MEMORY_TARGET
        verdicts.append(f"- peak memory under 5% more: worst corpus `{worst[0]}` {pct(worst[10])} — "
                        f"**{'met' if ok else 'missed'}**.")
    zmem = [r for r in z3 if not math.isnan(r[8])]
    if zmem:
        w = max(zmem, key=lambda r: r[8])
        verdicts.append(f"- peak memory under 5% more, with Z3 refutation: worst corpus `{w[0]}` {pct(w[8])} — "
                        f"**{'met' if w[8] < MEMORY_TARGET else 'missed'}**.")
    for role, sb, sp, st, sc, _ in slopes:
        if math.isnan(st) or math.isnan(sc):
            continue
        ok = sc <= st + 0.1
        verdicts.append(f"- growth no worse than the baseline's ({role}): in the traced runs the baseline's "
                        f"analysis time grows as functions^{st:.2f}, the condis callbacks' time as "
                        f"functions^{sc:.2f} (medians of the timed runs: baseline ^{sb:.2f}, plugin "
                        f"^{sp:.2f}) — **{'met' if ok else 'missed'}**.")
    where = []
    for corpus in ("condis", "plain-c", "suite", "samples"):
        ks = sorted(((v["us"], k, v["calls"]) for (c, k), v in checkers.items() if c == corpus), reverse=True)
        if ks:
            where.append(f"- `{corpus}`: " + ", ".join(f"{k} {us / 1000:.1f} ms over {calls} callbacks"
                                                        for us, k, calls in ks[:4]))
    for r in summary:
        if r[14] != r[13] and r[13]:
            where.append(f"- `{r[0]}`: the plugin made the analyzer take {r[14] - r[13]:+,} work-list steps "
                         f"({pct(r[14] / r[13])}): paths that merge without the plugin stay apart when "
                         f"condis state differs on them, or where a checker splits a path.")
    # Markdown.
    md = []
    md.append(f"Machine: {info['cpu']}, {info['nproc']} CPUs, {info['memory']} RAM, Linux {info['kernel']}; "
              f"load average at the start {info['load']}.  ")
    md.append(f"Toolchain: {info['clang']}.  ")
    md.append(f"Commit: `{info['commit']}`; run {info['date']}; {runs} runs per configuration, "
              f"baseline and plugin alternating.")
    md.append("")
    md.append("### Overhead per corpus")
    md.append("")
    md.append(md_table(["corpus", "files", "functions", "baseline user s", "plugin user s", "user time",
                        "wall time", "baseline peak MiB", "peak memory", "condis callbacks ms",
                        "condis share", "default checkers' callbacks ms",
                        "work-list steps baseline → plugin", "condis warnings"],
                       [[r[0], r[1], r[2], r[4], r[5], pct(r[6]), pct(r[7]), r[8], pct(r[10]),
                         r[11], "n/a" if math.isnan(r[12]) else f"{r[12]:.2f}%", r[16],
                         f"{r[13]} → {r[14]}", r[15]] for r in summary]))
    md.append("")
    md.append("User time, wall time and peak memory: median over runs of (sum over the corpus with the "
              "plugin) / (sum without). Peak memory is summed per file. *condis share*: time inside the "
              "condis checkers' callbacks as recorded by `-ftime-trace`, as a share of the traced "
              "compiler run; *default checkers' callbacks*: the same total for clang's own checkers in the "
              "baseline run, for scale. *Work-list steps*: exploded-graph work items the analyzer processed "
              "(`dispatchWorkItem` counts in the trace) — machine-independent; equal counts mean the "
              "plugin did not change the paths explored.")
    md.append("")
    md.append("### Targets")
    md.append("")
    md += verdicts
    md.append("")
    md.append("Where the condis time goes (callback totals from `-ftime-trace`):")
    md.append("")
    md += where
    md.append("")
    if z3:
        md.append("### Z3 refutation: the new default beside the previous one")
        md.append("")
        md.append(md_table(["corpus", "files", "plugin user s", "plugin + Z3 user s", "Z3 over plugin (user)",
                            "plugin + Z3 over baseline (user)", "Z3 over plugin (wall)",
                            "Z3 over plugin (peak memory)", "plugin + Z3 over baseline (peak memory)",
                            "condis warnings plugin → plugin + Z3", "all warnings plugin → plugin + Z3"],
                           [[r[0], r[1], r[2], r[3], pct(r[4]), pct(r[5]), pct(r[6]), pct(r[7]), pct(r[8]),
                             f"{r[9]} → {r[10]}", f"{r[11]} → {r[12]}"] for r in z3]))
        md.append("")
        md.append("*plugin*: the plugin as `clang --analyze` and scan-build run it, and what condis-check and "
                  "condis-clangd ran before; *plugin + Z3*: the same with `-analyzer-config "
                  "crosscheck-with-z3=true`, every report's path checked again by Z3 before it is shown, "
                  "what condis-check and condis-clangd run by default now. Ratios are medians over runs of "
                  "corpus sums, as above. Warnings are counted on the first run.")
        md.append("")
    md.append("### Growth with driver size (generated CoNDIS drivers)")
    md.append("")
    md.append(md_table(["role", "functions", "basis paths", "lines", "steps baseline", "steps plugin",
                        "baseline user s", "plugin user s", "user time", "condis callbacks ms",
                        "condis share"],
                       [[r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], pct(r[8]), r[9],
                         "n/a" if math.isnan(r[10]) else f"{r[10]:.2f}%"] for r in growth]))
    md.append("")
    md.append(md_table(["role", "baseline user time ∝ functions^k", "plugin user time ∝ functions^k",
                        "baseline traced time ∝ functions^k", "condis callback time ∝ functions^k",
                        "condis callback time ∝ steps^k"],
                       [[r[0], r[1], r[2], r[3], r[4], r[5]] for r in slopes]))
    md.append("")
    md.append(f"Exponents are least-squares slopes on a log-log scale over the sizes from {GROWTH_MIN} "
              "functions up (below that a run is mostly process start-up). The user-time exponents use "
              "the medians of the timed runs; the traced exponents come from the single `-ftime-trace` "
              "run of each configuration, so the condis callbacks are compared with the baseline analysis "
              "measured under the same conditions. *Basis paths*: McCabe's cyclomatic complexity summed "
              "over the file's functions. *User time* per driver: median over runs of plugin/baseline.")
    md.append("")
    md.append("### Instruction counts and tools")
    md.append("")
    if cg:
        md.append(f"callgrind on `{cg['file']}` ({cg['functions']} functions): baseline {cg['baseline']:,} "
                  f"instructions, plugin {cg['plugin']:,} ({pct(cg['plugin'] / cg['baseline'])}); "
                  f"{cg['plugin_self']:,} of them ({100.0 * cg['plugin_self'] / cg['plugin']:.2f}%) "
                  f"inside CondisChecker.so itself.")
        if "plugin-z3" in cg:
            md.append("")
            md.append(f"The same with Z3 refutation (its one planted bug is its one report): plugin + Z3 "
                      f"{cg['plugin-z3']:,} instructions, {pct(cg['plugin-z3'] / cg['plugin'])} over the "
                      f"plugin without it.")
        if "plain" in cg:
            p = cg["plain"]
            md.append("")
            md.append(f"callgrind on plain C, `{p['file']}` (csmith --max-funcs 2): baseline {p['baseline']:,}, "
                      f"plugin {p['plugin']:,} ({pct(p['plugin'] / p['baseline'])}); {p['plugin_self']:,} "
                      f"inside CondisChecker.so.")
        if "empty_baseline" in cg:
            md.append("")
            md.append(f"The same on a one-line file, i.e. the fixed cost of loading and registering the "
                      f"plugin: baseline {cg['empty_baseline']:,}, plugin {cg['empty_plugin']:,} "
                      f"(+{cg['empty_plugin'] - cg['empty_baseline']:,} instructions, "
                      f"{pct(cg['empty_plugin'] / cg['empty_baseline'])}).")
        if "z3_sample" in cg:
            z = cg["z3_sample"]
            md.append("")
            md.append(f"callgrind on `{z['file']}` ({z['reports']} condis reports): plugin {z['plugin']:,}, "
                      f"plugin + Z3 {z['plugin-z3']:,} ({pct(z['plugin-z3'] / z['plugin'])}, "
                      f"{(z['plugin-z3'] - z['plugin']) / max(z['reports'], 1):,.0f} instructions per report).")
    else:
        md.append("callgrind: not run.")
    md.append("")
    if "j1" in check and "j2" in check:
        j1, j2 = statistics.median(check["j1"]), statistics.median(check["j2"])
        md.append(f"condis-check on {check['files']} generated drivers ({check['functions']} functions): "
                  f"-j 1 {j1:.2f} s ({check['functions'] / j1:.0f} functions/s), -j 2 {j2:.2f} s "
                  f"({check['functions'] / j2:.0f} functions/s), speed-up {j1 / j2:.2f}×.")
        if "j1-noz3" in check:
            n1 = statistics.median(check["j1-noz3"])
            md.append(f"With `--config crosscheck-with-z3=false` (the previous default), -j 1 {n1:.2f} s: "
                      f"Z3 refutation {pct(j1 / n1)}.")
    else:
        md.append(f"condis-check: {check.get('status')}.")
    md.append("")
    for k, label, what in (("clangd", "clangd-22 (reference, no condis checks)", "first diagnostics"),
                           ("condis", "condis-clangd", "first condis diagnostic"),
                           ("condis-noz3", "condis-clangd with `AnalyzerConfig: crosscheck-with-z3=false` "
                            "(the previous default)", "first condis diagnostic")):
        v = clangd.get(k)
        if v is None:
            continue
        if isinstance(v, list):
            md.append(f"{label}: {what} {statistics.median(v):.2f} s after opening a "
                      f"{clangd['lines']}-line driver (median of {len(v)}).")
        else:
            md.append(f"{label}: {v}.")
    md.append("")
    return "\n".join(md) + "\n"


CORPUS_MARKERS = ("<!-- bench-corpus:begin -->", "<!-- bench-corpus:end -->")


def corpus_section(files, runs, info, command, out):
    """The realistic drivers' per-file report (bench/corpus_drivers.py):
    writes OUT/corpus.csv, returns the markdown, or "" without such files."""
    fs = [f for f in files if f.corpus == corpus_drivers.CORPUS]
    if not fs:
        return ""
    md, table = corpus_drivers.report(fs, runs)
    write_csv(os.path.join(out, "corpus.csv"), corpus_drivers.CSV_HEADER, table)
    head = [f"Command: `{command}`; run {info['date']}, commit `{info['commit']}`.  ",
            f"Machine: {info['cpu']}, {info['nproc']} CPUs, {info['memory']} RAM; load average at "
            f"the start {info['load']}" + (f", at the end {info['load_end']}" if info.get("load_end") else "")
            + ".",
            ""]
    return "\n".join(head + md) + "\n"


def save_raw(path, args, files, corpora, cg, check, clangd, info):
    data = {"runs": args.runs, "corpora": corpora, "cg": cg, "check": check, "clangd": clangd,
            "info": info, "corpus_only": args.corpus_only, "command": args.command, "files": [{"corpus": f.corpus, "path": f.path, "name": f.name,
                                     "meta": f.meta, "samples": f.samples, "trace": f.trace,
                                     "warnings": f.warnings} for f in files]}
    with open(path, "w") as fh:
        json.dump(data, fh)


def load_raw(path):
    data = json.load(open(path))
    files = []
    for d in data["files"]:
        f = File(d["corpus"], d["path"], [], d["meta"])
        f.name, f.samples, f.trace, f.warnings = d["name"], d["samples"], d["trace"], d["warnings"]
        files.append(f)
    return data, files


def write_results(out, text, corpus_text):
    """OUT/results.md: the corpora's tables, then the realistic drivers'."""
    with open(os.path.join(out, "results.md"), "w") as fh:
        fh.write("# condis-check benchmark results\n\n" + text)
        if corpus_text:
            fh.write("\n### Realistic drivers, per file\n\n" + corpus_text)


def update_docs(path, text, begin="<!-- bench:begin -->", end="<!-- bench:end -->"):
    doc = open(path).read() if os.path.exists(path) else f"# Performance\n\n{begin}\n{end}\n"
    if begin not in doc or end not in doc:
        doc += f"\n{begin}\n{end}\n"
    i, j = doc.index(begin) + len(begin), doc.index(end)
    doc = doc[:i] + "\n" + text + doc[j:]
    with open(path, "w") as fh:
        fh.write(doc)


# ---- main --------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description="Measure what the condis plugin adds to clang-22 --analyze.")
    ap.add_argument("--quick", action="store_true",
                    help="smallest run: tiny sizes, one role, one csmith program, no realistic drivers, 1 run, "
                         "no callgrind, docs untouched")
    ap.add_argument("--runs", type=int, help="runs per configuration (default 5, quick 1)")
    ap.add_argument("--sizes", help="generated driver sizes in functions (default 1,10,100,500,1000,2000,4000)")
    ap.add_argument("--roles", help="generated driver roles (default cm,mcm,client)")
    ap.add_argument("--csmith", type=int, help="number of csmith programs (default 4)")
    ap.add_argument("--csmith-funcs", type=int, default=8, help="csmith --max-funcs (default 8)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "results"))
    ap.add_argument("--docs", help="markdown page whose bench section to update "
                                   "(default docs/performance.md; not with --quick)")
    ap.add_argument("--no-docs", action="store_true")
    ap.add_argument("--callgrind", choices=("yes", "no"), help="instruction counts (default yes, quick no)")
    ap.add_argument("--crosscheck", choices=("yes", "no"), default="yes",
                    help="also time the plugin with crosscheck-with-z3=true (the default of condis-check and "
                         "condis-clangd), beside the plugin without it (default yes)")
    ap.add_argument("--callgrind-functions", type=int, default=30)
    ap.add_argument("--clang", default="clang-22")
    ap.add_argument("--plugin", default=os.path.join(ROOT, "build", "lib", "CondisChecker.so"))
    ap.add_argument("--condis-check", default=os.path.join(ROOT, "build", "bin", "condis-check"))
    ap.add_argument("--condis-clangd", default=os.path.join(ROOT, "build", "bin", "condis-clangd"))
    ap.add_argument("--report-only", action="store_true",
                    help="rewrite the reports from OUT/raw.json without measuring again")
    ap.add_argument("--keep", help="generate the corpora into this directory and keep them")
    ap.add_argument("--corpus", help="the realistic drivers of bench/corpus/, reported per file: 'all' "
                                     "(each file as is and with -DBENCH_SEEDED; default), 'clean' (as is "
                                     "only), 'none' (default with --quick), or a comma-separated list of "
                                     ".c files (compiled with -I samples/include)")
    ap.add_argument("--corpus-only", action="store_true",
                    help="measure only the realistic drivers (--corpus), with callgrind on every file "
                         "unless --callgrind no; updates the 'Realistic drivers' section of the docs page")
    args = ap.parse_args()
    args.command = "python3 bench/bench.py " + " ".join(sys.argv[1:])
    q = args.quick
    args.runs = args.runs or (1 if q else 5)
    sizes = [int(s) for s in (args.sizes or ("1,10" if q else "1,10,100,500,1000,2000,4000")).split(",")]
    roles = (args.roles or ("cm" if q else "cm,mcm,client")).split(",")
    for r in roles:
        if r not in gen_driver.ROLES:
            ap.error(f"--roles: unknown role '{r}', expected cm, mcm or client")
    ncs = args.csmith if args.csmith is not None else (1 if q else 4)
    csf = 1 if q and args.csmith_funcs == 8 else args.csmith_funcs
    do_cg = (args.callgrind or ("no" if q else "yes")) == "yes"
    which = args.corpus or ("none" if q and not args.corpus_only else "all")
    if args.corpus_only and which == "none":
        ap.error("--corpus-only needs a corpus: --corpus all, clean or a list of files")
    docs = None if (args.no_docs or (q and not args.docs)) else (
        args.docs or os.path.join(ROOT, "docs", "performance.md"))

    if args.report_only:
        data, files = load_raw(os.path.join(args.out, "raw.json"))
        args.runs = data["runs"]
        ctext = corpus_section(files, args.runs, data["info"], data.get("command", args.command), args.out)
        text = "" if data.get("corpus_only") else report(
            args, files, data["corpora"], data["cg"], data["check"], data["clangd"], data["info"], args.out)
        write_results(args.out, text, ctext)
        if docs and text:
            update_docs(docs, text)
        if docs and ctext:
            update_docs(docs, ctext, *CORPUS_MARKERS)
        print(text + ctext)
        return 0
    if not os.path.exists(args.plugin):
        log("plugin not built: running scripts/setup.sh")
        subprocess.run(["bash", os.path.join(ROOT, "scripts", "setup.sh")], check=True)
    if not shutil.which(args.clang):
        raise SystemExit(f"bench: {args.clang} not found")
    os.makedirs(args.out, exist_ok=True)
    info = machine()
    work = args.keep or tempfile.mkdtemp(prefix="condis-bench-")
    os.makedirs(work, exist_ok=True)
    analyzer = Analyzer(args.clang, args.plugin)
    try:
        t0 = time.perf_counter()
        realistic = corpus_drivers.files(which, File, count_functions)
        if args.corpus_only:
            files = list(realistic)
            corpora = [corpus_drivers.CORPUS]
        else:
            files = corpus_ours(analyzer)
            files += realistic
            files += corpus_generated(work, roles, sizes, args.seed)
            files += corpus_csmith(work, ncs, csf, args.seed)
            corpora = ["samples", "suite", corpus_drivers.CORPUS, "condis", "plain-c"]
        log(f"{len(files)} files in {len({f.corpus for f in files})} corpora; {args.runs} runs")
        configs = CONFIGS if args.crosscheck == "yes" else CONFIGS[:2]
        measure_times(analyzer, files, args.runs, configs)
        log("tracing checker callbacks")
        measure_traces(analyzer, files, work)
        if do_cg and realistic:
            log("callgrind on every realistic driver")
            corpus_drivers.measure_instructions(realistic, measure_callgrind, analyzer, work, log)
        cg = None
        if args.corpus_only:
            info["load_end"] = "%.2f %.2f %.2f" % os.getloadavg()
            save_raw(os.path.join(args.out, "raw.json"), args, files, corpora, None, {}, {}, info)
            ctext = corpus_section(files, args.runs, info, args.command, args.out)
            write_results(args.out, "", ctext)
            if docs:
                update_docs(docs, ctext, *CORPUS_MARKERS)
                log(f"updated {os.path.relpath(docs, ROOT)}")
            log(f"done in {time.perf_counter() - t0:.0f} s; results in {args.out}/results.md, corpus.csv")
            print(ctext)
            return 0
        if do_cg:
            log("callgrind")
            small = corpus_generated(os.path.join(work, "cg"), ["cm"], [args.callgrind_functions], args.seed)[0]
            cg = measure_callgrind(analyzer, small, work, configs)
            # Z3 refutation costs per report: the sample with the most
            # condis reports shows it where the generated driver has one.
            reported = [f for f in files if f.corpus == "samples" and f.warnings.get("plugin")]
            if cg and "plugin-z3" in configs and reported:
                busy = max(reported, key=lambda f: f.warnings["plugin"][1])
                zs = measure_callgrind(analyzer, busy, work, ("plugin", "plugin-z3"))
                if zs:
                    zs["reports"] = busy.warnings["plugin"][1]
                    cg["z3_sample"] = zs
            empty = os.path.join(work, "empty.c")
            with open(empty, "w") as fh:
                fh.write("/* nothing to analyse: what loading the plugin costs */\nint main(void) { return 0; }\n")
            fixed = measure_callgrind(analyzer, File("empty", empty, [], {"functions": 1}), work)
            plain = [f for f in corpus_csmith(os.path.join(work, "cg"), 1, 2, args.seed)]
            if cg and plain:
                pc = measure_callgrind(analyzer, plain[0], work)
                if pc:
                    cg["plain"] = pc
            if cg and fixed:
                cg["empty_baseline"], cg["empty_plugin"] = fixed["baseline"], fixed["plugin"]
                cg["empty_plugin_self"] = fixed["plugin_self"]
        log("condis-check and condis-clangd")
        check = measure_condis_check(args.condis_check, work, args.runs, q, args.seed)
        clangd = measure_clangd(args.condis_clangd, work, args.runs, q, args.seed)
        save_raw(os.path.join(args.out, "raw.json"), args, files, corpora, cg, check, clangd, info)
        text = report(args, files, corpora, cg, check, clangd, info, args.out)
        ctext = corpus_section(files, args.runs, info, args.command, args.out)
        write_results(args.out, text, ctext)
        if docs:
            update_docs(docs, text)
            if ctext:
                update_docs(docs, ctext, *CORPUS_MARKERS)
            log(f"updated {os.path.relpath(docs, ROOT)}")
        log(f"done in {time.perf_counter() - t0:.0f} s; results in {args.out}/results.md, "
            f"summary.csv, growth.csv, checkers.csv, tools.csv, runs.csv")
        print(text + ctext)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
