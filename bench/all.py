"""Run every benchmark in bench/ and print one table with the floors and ratios (issue 16).

    env -u PYTHONDONTWRITEBYTECODE .venv/bin/python bench/all.py [--only people,import]
        [--skip channels] [--json PATH] [--markdown] [--pass people='--sizes 1000,30000']
    .venv/bin/python bench/all.py --from PATH [--markdown]   # the table of a saved run

Each bench/NAME.py (not this file, not _*.py) is run in its own process with
`--json TMP`; it writes a list of rows

    {"bench", "case", "value", "unit", "floor_name", "floor", "goal"}

where `floor` is a figure measured in the same run (same machine, same moment) that the value
is paired with, and `goal` is "<= N UNIT" (on the value), "<= Nx floor" (on the ratio), a
number (on the value, in its unit) or empty. The table shows each row with its ratio and
whether its goal is met. A bench that fails is reported with its last lines and the rest run
on. The machine may be shared: read the ratios, absolute times move with the load (printed
before and after).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
_UNITS = {"ms": 1e-3, "s": 1.0, "us": 1e-6, "µs": 1e-6, "mb": 1.0, "kb": 1e-3, "gb": 1e3}


def scripts() -> list[str]:
    return sorted(
        p.stem for p in BENCH.glob("*.py") if p.stem != "all" and not p.stem.startswith("_")
    )


def ratio(row: dict[str, Any]) -> float | None:
    floor, value = row.get("floor"), row.get("value")
    if isinstance(floor, int | float) and isinstance(value, int | float) and floor > 0:
        return float(value) / float(floor)
    return None


def verdict(row: dict[str, Any]) -> str:
    """'met', 'MISSED' or '' (no goal, or one this script cannot read)."""
    goal, value = row.get("goal"), row.get("value")
    if not isinstance(value, int | float) or goal in (None, ""):
        return ""
    if isinstance(goal, int | float):
        return "met" if value <= goal else "MISSED"
    text = str(goal).strip().lower()
    times = re.fullmatch(r"<=?\s*([\d.]+)\s*x(\s+.*)?", text)
    if times:
        r = ratio(row)
        return "" if r is None else ("met" if r <= float(times.group(1)) else "MISSED")
    plain = re.fullmatch(r"<=?\s*([\d.,_]+)\s*([a-zµ]*)", text)
    if not plain:
        return ""
    limit = float(plain.group(1).replace(",", "").replace("_", ""))
    unit, own = plain.group(2), str(row.get("unit", "")).lower()
    if unit and unit != own:
        if unit not in _UNITS or own not in _UNITS:
            return ""
        limit = limit * _UNITS[unit] / _UNITS[own]
    return "met" if value <= limit else "MISSED"


def run(name: str, extra: list[str], folder: Path) -> tuple[list[dict[str, Any]], str]:
    """The rows bench/NAME.py wrote, and an error text ('' when it ran)."""
    out = folder / f"{name}.json"
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode cache on
    argv = [sys.executable, str(BENCH / f"{name}.py"), "--json", str(out), *extra]
    print(f"== {name}: {shlex.join(argv[1:])}", flush=True)
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    log = folder / f"{name}.log"
    log.write_text(done.stdout + done.stderr, encoding="utf-8")
    if done.returncode != 0 or not out.exists():
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-6:])
        return [], f"exit {done.returncode} after {took:.0f} s:\n{tail}"
    rows = json.loads(out.read_text(encoding="utf-8"))
    print(f"   {len(rows)} rows in {took:.0f} s", flush=True)
    return rows, ""


def number(value: Any, unit: str = "") -> str:
    if not isinstance(value, int | float):
        return "" if value is None else str(value)
    if abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.3g}"
    return f"{text} {unit}".strip()


def table(rows: list[dict[str, Any]], markdown: bool) -> str:
    head = ["bench", "case", "value", "floor", "ratio", "goal", ""]
    body = []
    for row in rows:
        r = ratio(row)
        floor = ""
        if row.get("floor") is not None:
            floor = f"{number(row['floor'], row.get('unit', ''))} ({row.get('floor_name', '')})"
        body.append(
            [
                str(row.get("bench", "")),
                str(row.get("case", "")),
                number(row.get("value"), str(row.get("unit", ""))),
                floor,
                "" if r is None else f"{r:.2f}x",
                "" if row.get("goal") in (None, "") else str(row["goal"]),
                verdict(row),
            ]
        )
    if markdown:
        lines = ["| " + " | ".join([*head[:-1], "met?"]) + " |"]
        lines.append("|---|---|---:|---:|---:|---|---|")
        lines += ["| " + " | ".join(cells) + " |" for cells in body]
        return "\n".join(lines)
    widths = [max(len(c) for c in col) for col in zip(head, *body, strict=True)]
    right = {2, 4}

    def line(cells: list[str]) -> str:
        return " | ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out = [line(head), "-" * len(line(head))]
    previous = None
    for cells in body:
        if previous is not None and cells[0] != previous:
            out.append("")
        previous = cells[0]
        out.append(line(cells))
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated bench names (default: all)")
    parser.add_argument("--skip", default="", help="comma-separated bench names to leave out")
    parser.add_argument(
        "--pass",
        dest="passes",
        action="append",
        default=[],
        metavar="NAME=ARGS",
        help="extra arguments for one bench, e.g. people='--sizes 1000,30000 --runs 3'",
    )
    parser.add_argument("--json", metavar="PATH", help="write every row to PATH")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument(
        "--from", dest="saved", metavar="PATH", help="print the table of rows saved by --json"
    )
    args = parser.parse_args()
    if args.saved:
        print(table(json.loads(Path(args.saved).read_text(encoding="utf-8")), args.markdown))
        return 0
    names = args.only.split(",") if args.only else scripts()
    names = [n for n in names if n not in set(args.skip.split(","))]
    unknown = sorted(set(names) - set(scripts()))
    if unknown:
        print(f"no bench/{unknown[0]}.py (there are: {', '.join(scripts())})", file=sys.stderr)
        return 2
    extra: dict[str, list[str]] = {}
    for item in args.passes:
        name, _, rest = item.partition("=")
        extra[name] = shlex.split(rest)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load}")
    rows: list[dict[str, Any]] = []
    failed: dict[str, str] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="netui-bench-all-") as tmp:
        for name in names:
            got, error = run(name, extra.get(name, []), Path(tmp))
            rows += got
            if error:
                failed[name] = error
    print()
    print(table(rows, args.markdown))
    missed = [r for r in rows if verdict(r) == "MISSED"]
    met = [r for r in rows if verdict(r) == "met"]
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"\n{len(met)} goals met, {len(missed)} missed; {len(rows)} rows from "
        f"{len(names) - len(failed)} of {len(names)} benches in "
        f"{time.perf_counter() - started:.0f} s; load average after: {load}"
    )
    for name, error in failed.items():
        print(f"\nbench/{name}.py FAILED ({error})")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
