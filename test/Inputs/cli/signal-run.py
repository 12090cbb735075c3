#!/usr/bin/env python3
"""signal-run.py MODE SRC_ROOT DIR CONDIS_CHECK: writes four generated
drivers of a few seconds' analysis each and DIR/compile_commands.json, runs
`condis-check -p DIR -j 2 --format=sarif -o DIR/out.sarif` (DIR/out.sarif
holding "previous" before), sends it a signal while its workers analyse, and
prints what a test checks: condis-check's exit status or signal, how many
results DIR/out.sarif holds (or "previous"), how many worker processes are
still alive 1 s after condis-check ended, and its stderr.

MODE:
  ignored-int  condis-check starts with SIGINT ignored (a background job of
               a script); SIGINT goes to it and to its workers;
  ignored-hup  the same with SIGHUP (nohup);
  int          SIGINT to it and its workers (Ctrl-C in a terminal);
  term         SIGTERM to condis-check alone (a CI runner cancelling).
"""
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time

mode, src_root, out, tool = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3]), sys.argv[4]
spec = importlib.util.spec_from_file_location(
    "gen_project", os.path.join(os.path.dirname(__file__), "gen-project.py"))
gen_project = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen_project)
os.makedirs(out, exist_ok=True)
gen_project.write_project(src_root, 4, out, functions=400)
sarif = os.path.join(out, "out.sarif")
with open(sarif, "w") as fh:
    fh.write("previous\n")

ignore = {"ignored-int": signal.SIGINT, "ignored-hup": signal.SIGHUP}.get(mode)
send = {"ignored-int": signal.SIGINT, "ignored-hup": signal.SIGHUP,
        "int": signal.SIGINT, "term": signal.SIGTERM}[mode]


def start():
    # As an interactive shell starts a command (lit's workers ignore SIGINT,
    # and a process inherits that), then the mode's ignored signal.
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
    if ignore is not None:
        signal.signal(ignore, signal.SIG_IGN)


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(p) for p in fh.read().split()]
    except OSError:
        return []


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


# Files, not pipes: workers hold what they inherit open, and waiting for a
# pipe's end would wait for the last worker.
err_path = os.path.join(out, "stderr.txt")
with open(err_path, "w") as err_file:
    proc = subprocess.Popen([tool, "-p", out, "-j", "2", "--format=sarif", "-o", sarif],
                            stdout=subprocess.DEVNULL, stderr=err_file, preexec_fn=start)
deadline = time.monotonic() + 240
while len(children(proc.pid)) < 2 and proc.poll() is None:
    if time.monotonic() > deadline:
        proc.kill()
        sys.exit("no worker processes appeared")
    time.sleep(0.02)
time.sleep(0.5)  # the workers are inside their first files
workers = children(proc.pid)
os.kill(proc.pid, send)
if mode != "term":
    for w in workers:
        try:
            os.kill(w, send)
        except ProcessLookupError:
            pass
proc.wait(timeout=300)
time.sleep(1)  # a worker left behind would still be inside its file
rc = proc.returncode
print("exit:", rc if rc >= 0 else "signal %s" % signal.Signals(-rc).name)
try:
    with open(sarif) as fh:
        text = fh.read()
    if text == "previous\n":
        print("output: previous")
    else:
        print("output: %d results" % len(json.loads(text)["runs"][0]["results"]))
except (OSError, ValueError) as e:
    print("output: unreadable (%s)" % e)
print("workers alive:", sum(alive(w) for w in workers))
print("left in dir:", sorted(n for n in os.listdir(out) if ".tmp-" in n))
for w in workers:  # none should be left; do not leave one to the next test
    try:
        with open(f"/proc/{w}/cmdline", "rb") as fh:
            if os.path.basename(tool).encode() in fh.read() and alive(w):
                os.kill(w, signal.SIGKILL)
    except (OSError, ProcessLookupError):
        pass
with open(err_path) as fh:
    sys.stdout.write(fh.read())
