#!/usr/bin/env python3
"""gen-project.py SRC_ROOT N DIR [FUNCTIONS]: writes N drivers from the
benchmark's generator (bench/gen_driver.py: roles in turn, FUNCTIONS
functions each (default 3), one planted bug each, seeds 0..N-1) and
DIR/compile_commands.json for them."""
import json
import os
import sys


def write_project(src_root, n, out, functions=3):
    """Writes the drivers and the compilation database; returns the paths."""
    out = os.path.abspath(out)
    sys.path.insert(0, os.path.join(src_root, "bench"))
    import gen_driver  # noqa: E402

    entries = []
    for k in range(n):
        role = gen_driver.ROLES[k % len(gen_driver.ROLES)]
        path = os.path.join(out, f"d{k:02}-{role}.c")
        gen_driver.main(["--role", role, "--functions", str(functions),
                         "--seed", str(k), "--bugs", "1", "-o", path])
        entries.append({"directory": out, "file": path,
                        "arguments": ["clang-22", "-c", "-I",
                                      os.path.join(src_root, "test", "Inputs"),
                                      path]})
    with open(os.path.join(out, "compile_commands.json"), "w") as fh:
        json.dump(entries, fh, indent=1)
    return [e["file"] for e in entries]


if __name__ == "__main__":
    write_project(sys.argv[1], int(sys.argv[2]), sys.argv[3],
                  int(sys.argv[4]) if len(sys.argv) > 4 else 3)
