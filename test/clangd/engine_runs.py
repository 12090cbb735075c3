#!/usr/bin/env python3
"""Reads condis-clangd's log (CONDIS_CLANGD_STATS=1) and checks that no two
analyser engines ran at the same time: every "engine +A..+B ms" interval is
disjoint from the others. Prints "N files analysed, engine runs disjoint"
or a line starting "FAIL:" (exit status 1)."""

import re
import sys

RUN = re.compile(r"condis-analyzer: (\S+): .*; engine \+(\d+)\.\.\+(\d+) ms")


def main():
    runs = []
    with open(sys.argv[1]) as log:
        for line in log:
            m = RUN.search(line)
            if m:
                runs.append((int(m.group(2)), int(m.group(3)), m.group(1)))
    runs.sort()
    for (s1, e1, f1), (s2, e2, f2) in zip(runs, runs[1:]):
        if s2 < e1:
            print("FAIL: %s (+%d..+%d ms) and %s (+%d..+%d ms) overlap"
                  % (f1, s1, e1, f2, s2, e2))
            return 1
    files = len({f for _, _, f in runs})
    print("%d files analysed, engine runs disjoint" % files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
