"""The benchmark's `corpus` corpus: whole, realistic CoNDIS drivers.

Contract: lists the drivers of bench/corpus/ (bench/corpus/README.md) as
benchmark files, each built as is ("clean") and, when the file has a
`BENCH_SEEDED` switch, a second time with -DBENCH_SEEDED ("seeded"); after
bench.py has timed and traced them, adds callgrind instruction counts for
every file, both configurations; and renders the per-file report: a markdown
table and corpus.csv with instructions, user time, peak RSS and work-list
steps per file with their plugin/baseline ratios, the worst file per metric,
and the realistic-driver targets (at most 1.10x instructions and 1.05x peak
memory on every driver) with the files that miss them. It measures nothing
itself but callgrind; the timing and tracing are bench.py's.
"""
import math
import os
import statistics

CORPUS = "corpus"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIR = os.path.join(ROOT, "bench", "corpus")
SEEDED_DEFINE = "-DBENCH_SEEDED"
INSTRUCTION_TARGET = 1.10
MEMORY_TARGET = 1.05
CSV_HEADER = ["file", "variant", "functions", "lines", "condis_warnings",
              "baseline_instructions", "plugin_instructions", "instructions_ratio",
              "plugin_self_instructions", "baseline_user_s", "plugin_user_s", "user_ratio",
              "baseline_peak_mib", "plugin_peak_mib", "memory_ratio",
              "steps_baseline", "steps_plugin", "steps_ratio"]


def paths(which):
    """The driver sources for --corpus WHICH: 'all' or 'clean' (every .c in
    bench/corpus/), 'none', or a comma-separated list of .c files."""
    if which in ("none", ""):
        return []
    if which in ("all", "clean"):
        return sorted(os.path.join(DIR, n) for n in os.listdir(DIR) if n.endswith(".c"))
    return [os.path.abspath(p) for p in which.split(",")]


def files(which, make_file, count_functions):
    """Benchmark files for --corpus WHICH. make_file(corpus, path, flags,
    meta) is bench.File; seeded variants only for 'all' and explicit lists."""
    out = []
    inc = os.path.join(ROOT, "samples", "include")
    for p in paths(which):
        text = open(p, errors="replace").read()
        rel = os.path.relpath(p, ROOT) if p.startswith(ROOT) else os.path.basename(p)
        meta = {"functions": count_functions(p), "lines": text.count("\n")}
        f = make_file(CORPUS, p, ["-I", inc], dict(meta, variant="clean"))
        f.name = rel
        out.append(f)
        if which != "clean" and "BENCH_SEEDED" in text:
            s = make_file(CORPUS, p, ["-I", inc, SEEDED_DEFINE], dict(meta, variant="seeded"))
            s.name = f"{rel} {SEEDED_DEFINE}"
            out.append(s)
    return out


def measure_instructions(fs, measure_callgrind, analyzer, work, log):
    """callgrind, baseline and plugin, on every file; kept in f.meta."""
    for i, f in enumerate(fs):
        log(f"callgrind {i + 1}/{len(fs)}: {f.name}")
        res = measure_callgrind(analyzer, f, work)
        if res:
            f.meta["instructions"] = {k: res[k] for k in ("baseline", "plugin", "plugin_self")}


def _median(f, config, metric):
    return statistics.median(s[metric] for s in f.samples[config])


def _run_ratio(f, metric):
    """Median over runs of plugin/baseline for one file."""
    r = [p[metric] / b[metric] for p, b in zip(f.samples["plugin"], f.samples["baseline"])
         if b[metric] > 0]
    return statistics.median(r) if r else float("nan")


def _ratio(num, den):
    return num / den if den else float("nan")


def rows(fs):
    """One row per file, in CSV_HEADER order."""
    out = []
    for f in fs:
        ins = f.meta.get("instructions") or {}
        bi, pi = ins.get("baseline"), ins.get("plugin")
        sb, sp = f.trace["baseline"]["steps"], f.trace["plugin"]["steps"]
        out.append([f.name, f.meta.get("variant", ""), f.meta.get("functions", ""),
                    f.meta.get("lines", ""), f.warnings.get("plugin", (0, 0))[1],
                    bi if bi is not None else "", pi if pi is not None else "",
                    _ratio(pi, bi) if bi and pi else float("nan"), ins.get("plugin_self", ""),
                    _median(f, "baseline", "user"), _median(f, "plugin", "user"), _run_ratio(f, "user"),
                    _median(f, "baseline", "rss") / 1024, _median(f, "plugin", "rss") / 1024,
                    _run_ratio(f, "rss"), sb, sp, _ratio(sp, sb)])
    return out


METRICS = (("instructions", 7), ("user time", 11), ("peak memory", 14), ("work-list steps", 17))


def _pct(r):
    return "n/a" if isinstance(r, str) or math.isnan(r) else f"{(r - 1) * 100:+.1f}%"


def _num(x, nd=2):
    if isinstance(x, float):
        return "n/a" if math.isnan(x) else f"{x:.{nd}f}"
    if isinstance(x, int):
        return f"{x:,}"
    return str(x) if x != "" else "n/a"


def worst(table):
    """(metric, row) of the file with the highest ratio per metric."""
    out = []
    for name, col in METRICS:
        ok = [r for r in table if not (isinstance(r[col], float) and math.isnan(r[col]))]
        out.append((name, max(ok, key=lambda r: r[col]) if ok else None))
    return out


def verdicts(table):
    """The issue's realistic-driver targets, judged on every file."""
    out = []
    for name, col, limit in (("instructions", 7, INSTRUCTION_TARGET),
                             ("peak memory", 14, MEMORY_TARGET)):
        measured = [r for r in table if not (isinstance(r[col], float) and math.isnan(r[col]))]
        if not measured:
            out.append(f"- at most {limit:.2f}x {name} on every realistic driver: not measured.")
            continue
        miss = [r for r in measured if r[col] > limit]
        text = (f"- at most {limit:.2f}x {name} on every realistic driver: "
                f"**{'met' if not miss else 'missed'}**")
        if miss:
            text += " by " + ", ".join(f"`{r[0]}` ({r[col]:.3f}x)" for r in miss)
        out.append(text + ".")
    return out


def report(fs, runs):
    """(markdown lines, CSV rows) for the per-file report."""
    table = rows(fs)
    md = ["| file | functions | lines | condis warnings | instructions baseline → plugin | "
          "instructions | user s baseline → plugin | user time | peak MiB baseline → plugin | "
          "peak memory | steps baseline → plugin | steps |",
          "|" + "---|" * 12]
    for r in table:
        md.append(f"| `{r[0]}` | {r[2]} | {r[3]} | {r[4]} | {_num(r[5])} → {_num(r[6])} | {_pct(r[7])} | "
                  f"{_num(r[9])} → {_num(r[10])} | {_pct(r[11])} | {_num(r[12], 1)} → {_num(r[13], 1)} | "
                  f"{_pct(r[14])} | {_num(r[15])} → {_num(r[16])} | {_pct(r[17])} |")
    md.append("")
    md.append(f"Instructions: `valgrind --tool=callgrind`, one run per configuration. User time and "
              f"peak RSS (`wait4()`): medians over {runs} runs, the ratio the median of the per-run "
              f"ratios. Steps: the analyzer's work-list steps (`dispatchWorkItem` in `-ftime-trace`). "
              f"Condis warnings: the plugin run's.")
    md.append("")
    md.append("Worst file per metric (plugin over baseline):")
    md.append("")
    for name, r in worst(table):
        col = dict(METRICS)[name]
        md.append(f"- {name}: " + (f"`{r[0]}` {_pct(r[col])}" if r else "not measured"))
    md.append("")
    md.append("Targets (issue 17):")
    md.append("")
    md += verdicts(table)
    return md, table
