#!/usr/bin/env python3
"""How condis-check's cost scales with the project: the pre-pass, the
facts cache and the facts file (docs/condis-check.md, "Project facts
between runs"). Measured here, never asserted in a test.

On a generated project (N drivers from gen_driver.py, FUNCTIONS functions
each, and a compile_commands.json; test/Inputs/cli/gen-project.py) it times,
median wall time over --runs runs (user+system CPU beside it):

  one file     condis-check -p DB FILE            (pre-pass over all N)
               condis-check -p DB FILE --facts F  (no pre-pass)
               condis-check FILE -- FLAGS         (the file alone)
  cache        --write-facts (the pre-pass alone) and the one-file run,
               with an empty --facts-cache (cold) and a full one (warm)
  jobs         the whole project at -j1 and -j2
  shards       --write-facts once, then K shards (--shard k/K --facts F,
               -j1, one after the other): the slowest shard and the sum,
               beside K shards without --facts (each pre-pass reads all N)

and, with valgrind, counts the instructions (callgrind) of the one-file
runs and of the pre-pass on a project of --callgrind files (default 10),
which the machine's load does not change. It prints a Markdown report (also
to --markdown FILE) with the machine's cores and load average before and
after.

Usage: python3 bench/scaling.py [--files 50] [--functions 30] [--runs 3]
           [--shards 1,2,4] [--callgrind 10] [--parts onefile,cache,jobs,shards]
           [--condis-check build/bin/condis-check]
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "test", "Inputs", "cli"))
import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "gen_project", os.path.join(ROOT, "test", "Inputs", "cli", "gen-project.py"))
gen_project = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen_project)


def run_once(argv, cwd, ok=(0, 1)):
    """Wall seconds and CPU seconds (user+system of the children) of argv."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in ok:
        sys.exit("scaling.py: %s exited %d:\n%s" % (" ".join(argv), proc.returncode,
                                                    proc.stderr[-2000:]))
    return wall, cpu, proc


def timed(argv, cwd, runs, before_each=None):
    return compare([(argv, before_each)], cwd, runs)[0]


def compare(cases, cwd, runs):
    """Median (wall, CPU) of each (argv, before_each) case, the cases run in
    turn within each run, the first one rotating from run to run, so that
    drift in the machine's load hits them alike."""
    walls = [[] for _ in cases]
    cpus = [[] for _ in cases]
    for r in range(runs):
        for k in range(len(cases)):
            i = (k + r) % len(cases)
            argv, before_each = cases[i]
            if before_each:
                before_each()
            wall, cpu, _ = run_once(argv, cwd)
            walls[i].append(wall)
            cpus[i].append(cpu)
    return [(statistics.median(w), statistics.median(c))
            for w, c in zip(walls, cpus)]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=50)
    ap.add_argument("--functions", type=int, default=30)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shards", default="1,2,4")
    ap.add_argument("--condis-check",
                    default=os.path.join(ROOT, "build", "bin", "condis-check"))
    ap.add_argument("--callgrind", type=int, default=10, metavar="N",
                    help="also count instructions (valgrind --tool=callgrind) "
                    "of the one-file runs on a project of N files (0: skip)")
    ap.add_argument("--parts", default="onefile,cache,jobs,shards",
                    help="which measurements to make (default all: "
                    "onefile,cache,jobs,shards); e.g. --parts jobs on a quiet "
                    "machine")
    ap.add_argument("--markdown", help="also write the report here")
    ap.add_argument("--keep", help="generate the project here and keep it")
    args = ap.parse_args(argv)
    args.parts = set(args.parts.split(","))
    unknown = args.parts - {"onefile", "cache", "jobs", "shards"}
    if unknown:
        ap.error("--parts: unknown %s (known: onefile, cache, jobs, shards)"
                 % ", ".join(sorted(unknown)))
    tool = os.path.abspath(args.condis_check)
    if not os.path.exists(tool):
        sys.exit("scaling.py: %s is not built" % tool)

    work = args.keep or tempfile.mkdtemp(prefix="condis-scaling-")
    os.makedirs(work, exist_ok=True)
    load_before = os.getloadavg()
    try:
        lines = measure(args, tool, work)
        if args.callgrind and shutil.which("valgrind"):
            lines += instructions(args, tool, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    load_after = os.getloadavg()
    head = ["condis-check scaling: %d generated drivers of %d functions, "
            "median of %d runs, on %d cores (load average %.2f before, %.2f "
            "after)." % (args.files, args.functions, args.runs,
                         os.cpu_count(), load_before[0], load_after[0]), ""]
    text = "\n".join(head + lines) + "\n"
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as fh:
            fh.write(text)


def measure(args, tool, work):
    proj = os.path.join(work, "project")
    os.makedirs(proj, exist_ok=True)
    files = gen_project.write_project(ROOT, args.files, proj, args.functions)
    one = files[len(files) // 2]
    facts = os.path.join(work, "project.facts")
    cache = os.path.join(work, "cache")
    base = [tool, "-p", proj, "--quiet", "-j1"]
    runs = args.runs
    rows = []

    def row(what, wall_cpu):
        rows.append((what, wall_cpu[0], wall_cpu[1]))

    def clear_cache():
        shutil.rmtree(cache, ignore_errors=True)

    # The facts file every --facts run below uses.
    run_once(base + ["--write-facts=" + facts], proj)

    summary = []
    if "onefile" in args.parts:
        full, with_facts, alone = compare([
            (base + [one], None),
            (base + [one, "--facts=" + facts], None),
            ([tool, "--quiet", "-j1", one, "--",
              "-I" + os.path.join(ROOT, "test", "Inputs")], None)], proj, runs)
        row("one file, full database (pre-pass over all)", full)
        row("one file, --facts", with_facts)
        row("one file alone (FILE -- FLAGS)", alone)
        summary.append("One file with the full database costs %.2fx the file "
                       "alone; with --facts %.2fx." % (
                           full[0] / alone[0], with_facts[0] / alone[0]))

    if "cache" in args.parts:
        prepass = base + ["--write-facts=" + os.path.join(work, "w.facts"),
                          "--facts-cache=" + cache]
        cold = timed(prepass, proj, runs, clear_cache)
        row("pre-pass alone (--write-facts), cold --facts-cache", cold)
        run_once(prepass, proj)
        warm = timed(prepass, proj, runs)
        row("pre-pass alone (--write-facts), warm --facts-cache", warm)
        one_cold = timed(base + [one, "--facts-cache=" + cache], proj, runs,
                         clear_cache)
        row("one file, cold --facts-cache", one_cold)
        run_once(base + [one, "--facts-cache=" + cache], proj)
        one_warm = timed(base + [one, "--facts-cache=" + cache], proj, runs)
        row("one file, warm --facts-cache", one_warm)
        summary.append("A warm cache makes the pre-pass %.1fx faster than a "
                       "cold one (%.2f s against %.2f s)." % (
                           cold[0] / warm[0], warm[0], cold[0]))

    if "jobs" in args.parts:
        j1, j2 = compare([([tool, "-p", proj, "--quiet", "-j1"], None),
                          ([tool, "-p", proj, "--quiet", "-j2"], None)],
                         proj, runs)
        row("whole project, -j1", j1)
        row("whole project, -j2", j2)
        summary.append("-j2 takes %.0f%% of -j1's wall time (speed-up "
                       "%.2fx)." % (100 * j2[0] / j1[0], j1[0] / j2[0]))

    lines = []
    if rows:
        lines = ["| run | wall (s) | CPU (s) |", "| --- | ---: | ---: |"]
        lines += ["| %s | %.2f | %.2f |" % r for r in rows]
        lines += ["", " ".join(summary), ""]
    if "shards" not in args.parts:
        return lines

    # Shards, each -j1, run one after the other (as K runners would, each
    # on its own machine): the slowest shard is the wall time of the CI
    # stage, the sum its machine time.
    lines += ["| shards K | --write-facts (s) | slowest shard with --facts (s) "
              "| sum of shards with --facts (s) | slowest shard without (s) "
              "| sum without (s) |",
              "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    write = timed(base + ["--write-facts=" + facts], proj, runs)
    for k in [int(x) for x in args.shards.split(",")]:
        with_f, without = [], []
        for i in range(1, k + 1):
            shard = base + ["--shard=%d/%d" % (i, k)]
            a, b = compare([(shard + ["--facts=" + facts], None),
                            (shard, None)], proj, runs)
            with_f.append(a[0])
            without.append(b[0])
        lines.append("| %d | %.2f | %.2f | %.2f | %.2f | %.2f |" % (
            k, write[0], max(with_f), sum(with_f), max(without), sum(without)))
    return lines


def callgrind(argv, cwd, out):
    """The instructions valgrind's callgrind counts for argv."""
    run_once(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out]
             + argv, cwd)
    with open(out) as fh:
        for line in fh:
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    sys.exit("scaling.py: no totals in " + out)


def instructions(args, tool, work):
    """Instruction counts of one file's run (-j1) in a project of
    --callgrind files: machine-independent, unlike the times above."""
    n = args.callgrind
    proj = os.path.join(work, "cg-project")
    os.makedirs(proj, exist_ok=True)
    files = gen_project.write_project(ROOT, n, proj, args.functions)
    one = files[0]
    facts = os.path.join(work, "cg.facts")
    cache = os.path.join(work, "cg-cache")
    base = [tool, "-p", proj, "--quiet", "-j1"]
    run_once(base + ["--write-facts=" + facts], proj)
    run_once(base + ["--write-facts=" + facts + ".2", "--facts-cache=" + cache],
             proj)
    out = os.path.join(work, "callgrind.out")
    alone = callgrind([tool, "--quiet", "-j1", one, "--",
                       "-I" + os.path.join(ROOT, "test", "Inputs")], proj, out)
    counts = [
        ("one file alone (FILE -- FLAGS)", alone),
        ("one file, full database", callgrind(base + [one], proj, out)),
        ("one file, --facts", callgrind(base + [one, "--facts=" + facts],
                                        proj, out)),
        ("one file, warm --facts-cache",
         callgrind(base + [one, "--facts-cache=" + cache], proj, out)),
        ("pre-pass alone (--write-facts), no cache",
         callgrind(base + ["--write-facts=" + facts + ".3"], proj, out)),
        ("pre-pass alone (--write-facts), warm --facts-cache",
         callgrind(base + ["--write-facts=" + facts + ".4",
                           "--facts-cache=" + cache], proj, out)),
    ]
    lines = ["", "Instructions (callgrind), one file of a %d-file project of "
             "%d-function drivers:" % (n, args.functions), "",
             "| run | instructions | / file alone |", "| --- | ---: | ---: |"]
    lines += ["| %s | %s | %.2fx |" % (what, format(c, ","), c / alone)
              for what, c in counts]
    return lines


if __name__ == "__main__":
    main()
