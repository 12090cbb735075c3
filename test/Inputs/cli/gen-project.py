#!/usr/bin/env python3
"""gen-project.py SRC_ROOT N DIR: writes N small drivers from the benchmark's
generator (bench/gen_driver.py: roles in turn, 3 functions, one planted bug
each, seeds 0..N-1) and DIR/compile_commands.json for them."""
import json
import os
import sys

src_root, n, out = sys.argv[1], int(sys.argv[2]), os.path.abspath(sys.argv[3])
sys.path.insert(0, os.path.join(src_root, "bench"))
import gen_driver  # noqa: E402

entries = []
for k in range(n):
    role = gen_driver.ROLES[k % len(gen_driver.ROLES)]
    path = os.path.join(out, f"d{k:02}-{role}.c")
    gen_driver.main(["--role", role, "--functions", "3", "--seed", str(k),
                     "--bugs", "1", "-o", path])
    entries.append({"directory": out, "file": path,
                    "arguments": ["clang-22", "-c", "-I",
                                  os.path.join(src_root, "test", "Inputs"),
                                  path]})
with open(os.path.join(out, "compile_commands.json"), "w") as fh:
    json.dump(entries, fh, indent=1)
