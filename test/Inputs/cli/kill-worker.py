#!/usr/bin/env python3
"""kill-worker.py SRC_ROOT DIR CONDIS_CHECK: writes two large generated
drivers and DIR/compile_commands.json, runs `condis-check -p DIR -j 2`,
kills one of its worker processes with SIGKILL while it analyses a file,
and prints condis-check's exit status and its stderr, so a test can check
that the other file is still analysed and the killed worker's file is
reported, not lost or hung on."""
import importlib.util
import os
import signal
import subprocess
import sys
import time

src_root, out, tool = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
spec = importlib.util.spec_from_file_location(
    "gen_project", os.path.join(os.path.dirname(__file__), "gen-project.py"))
gen_project = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen_project)
os.makedirs(out, exist_ok=True)
# Seconds of analysis each: the kill lands in the middle of a file.
gen_project.write_project(src_root, 2, out, functions=1500)


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(p) for p in fh.read().split()]
    except OSError:
        return []


proc = subprocess.Popen([tool, "-p", out, "-j", "2"], stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE, text=True)
deadline = time.monotonic() + 240
while not children(proc.pid) and proc.poll() is None:
    if time.monotonic() > deadline:
        proc.kill()
        sys.exit("no worker process appeared")
    time.sleep(0.02)
time.sleep(0.5)  # the workers have taken their files
workers = children(proc.pid)
if workers:
    os.kill(workers[0], signal.SIGKILL)
stdout, stderr = proc.communicate(timeout=240)
print("exit:", proc.returncode)
print("warnings:", stdout.count("warning:"))
sys.stdout.write(stderr)
