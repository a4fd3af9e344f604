"""Run `python -m MODULE ARGS...` and write its peak RSS (VmHWM, kB) to OUT at exit.

    python bench/_peak.py OUT MODULE [ARGS...]

VmHWM belongs to this process's own memory map, so unlike `ru_maxrss` from wait4 it does not
include what the parent held when it forked.
"""

from __future__ import annotations

import atexit
import runpy
import sys
from pathlib import Path


def _report(out: Path) -> None:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            out.write_text(line.split()[1])


if __name__ == "__main__":
    target = Path(sys.argv[1])
    atexit.register(_report, target)
    sys.argv = sys.argv[2:]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
