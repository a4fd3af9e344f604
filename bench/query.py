"""Benchmark of `netui query` (a mail client's address lookup) and `netui sync --vdir`.

    .venv/bin/python bench/query.py [--sizes 1000,10000,30000,100000] [--runs 15]
                                    [--sync-size 30000] [--khard-max 10000] [--json PATH]

The same synthetic people (netui.demo, seed 7) in three address books: netui's database,
an abook data file (`abook --mutt-query`, written here from the same rows) and a vdir of
vCards (written by `netui sync --vdir`, read by `khard email --parsable`). Every lookup is a
fresh process, as a mail client runs it, for the same word (a surname prefix). Runs are
paired: each round runs abook and netui back to back (the order alternating), after one
untimed warm-up of each; medians are reported, with netui / abook as the ratio.

Start-up variants (Python's start-up is most of the cost):
  script   the installed `netui` console script (what users run)
  -m       `python -m netui`
  shim     the launcher `netui fast-launcher PATH` writes: `python -IS`, netui.fast
           imported directly (no site, no .pth files, no `re` import from pip's wrapper)
Floors printed beside them: `python -c pass`, `python -I -S -c pass`, and abook.

Sync: `netui sync --vdir` of --sync-size people into an empty folder (floor: the same
number of files written, renamed and synced by plain Python), then again with nothing
changed (floor: listing and stat-ing the folder).

Goals (issue 17): query <= 1.5x abook at 30k, faster than abook at 100k, 100k within 1.2x
of netui's own 1k time, peak memory <= 30 MB; sync of 30,000: first <= 10 s, unchanged
<= 1 s. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netui.db import Database  # noqa: E402
from netui.demo import generate_people  # noqa: E402

PY = sys.executable
BIN = Path(PY).parent
WORD = "abara"  # a surname in netui.demo's list: ~1% of people


def run(cmd: list[str]) -> float:
    """Seconds one process takes, start to exit."""
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def peak_mb(cmd: list[str]) -> float | None:
    """Peak RSS of one process, measured by GNU time (forked from a small process, so the
    benchmark's own memory is not counted); None without /usr/bin/time."""
    if not Path("/usr/bin/time").exists():
        return None
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as out:
        timed = ["/usr/bin/time", "-o", out.name, "-f", "%M", *cmd]
        subprocess.run(timed, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        return int(out.read().strip().splitlines()[-1]) / 1024


def paired(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median seconds per command; each round runs them all, the order alternating."""
    for cmd in commands.values():
        run(cmd)  # warm-up: page cache, .pyc files
    times: dict[str, list[float]] = {k: [] for k in commands}
    names = list(commands)
    for i in range(runs):
        for name in names if i % 2 == 0 else reversed(names):
            times[name].append(run(commands[name]))
    return {k: statistics.median(v) for k, v in times.items()}


def build(folder: Path, size: int) -> tuple[Path, Path]:
    db_path = folder / f"netui-{size}.db"
    db = Database.open(db_path)
    generate_people(db, size, seed=7)
    db.close()
    book = folder / f"abook-{size}"
    conn = sqlite3.connect(db_path)
    rows = conn.execute(
        "SELECT p.full_name, p.email, coalesce(c.name, '') FROM person p "
        "LEFT JOIN company c ON c.id = p.company_id WHERE p.archived_at IS NULL ORDER BY p.id"
    ).fetchall()
    conn.close()
    with book.open("w", encoding="utf-8") as out:
        out.write("# abook addressbook file\n\n[format]\nprogram=abook\nversion=0.6.1\n\n")
        for i, (name, email, company) in enumerate(rows):
            out.write(f"[{i}]\nname={name}\nemail={email}\n")
            out.write(f"custom1={company}\n\n" if company else "\n")
    return db_path, book


def shim(folder: Path) -> Path:
    """The fast launcher `netui fast-launcher` writes (python -IS, netui.fast directly)."""
    from netui.fast import write_launcher

    path = folder / "netui-fast"
    write_launcher(str(path))
    return path


def khard_config(folder: Path, vdir: Path) -> Path:
    conf = folder / "khard.conf"
    conf.write_text(f"[addressbooks]\n[[netui]]\npath = {vdir}\n", encoding="utf-8")
    return conf


def sync_bench(folder: Path, db_path: Path, size: int, runs: int) -> list[dict[str, object]]:
    vdir = folder / f"vdir-{size}"
    netui = [str(BIN / "netui"), "--db", str(db_path), "sync", "--vdir", str(vdir)]
    first = run(netui)
    floor_write = [PY, "-c", (
        "import os, sys\nd = sys.argv[1]\nos.makedirs(d, exist_ok=True)\n"
        "card = 'BEGIN:VCARD\\r\\nVERSION:3.0\\r\\nFN:x\\r\\n' + 'NOTE:' + 'x' * 250 + "
        "'\\r\\nEND:VCARD\\r\\n'\n"
        "for i in range(int(sys.argv[2])):\n"
        "    t = os.path.join(d, f'.{i}.part')\n"
        "    with open(t, 'w') as f: f.write(card)\n"
        "    os.replace(t, os.path.join(d, f'{i}.vcf'))\n"
        "os.sync()\n"
    ), str(folder / "floor-vdir"), str(size)]  # fmt: skip
    floor_first = run(floor_write)
    floor_scan = [PY, "-c", (
        "import os, sys\n"
        "n = sum(1 for e in os.scandir(sys.argv[1]) if e.name.endswith('.vcf') and e.stat())\n"
    ), str(vdir)]  # fmt: skip
    timed = paired({"unchanged": netui, "scan": floor_scan}, runs=max(3, runs // 3))
    again, floor_again = timed["unchanged"], timed["scan"]
    print(f"\nsync --vdir of {size:,} people")
    print(f"  first sync      {first:8.2f} s   floor (write+rename+sync) {floor_first:6.2f} s"
          f"   {first / floor_first:5.1f}x   goal <= 10 s")  # fmt: skip
    print(f"  nothing changed {again:8.2f} s   floor (scandir+stat)      {floor_again:6.2f} s"
          f"   {again / floor_again:5.1f}x   goal <= 1 s")  # fmt: skip
    return [
        _row(f"sync first {size}", first, "s", "write+rename+sync files", floor_first, "<= 10 s"),
        _row(f"sync unchanged {size}", again, "s", "scandir+stat", floor_again, "<= 1 s"),
    ]


def _row(case: str, value: float, unit: str, floor_name: str, floor: float, goal: str
         ) -> dict[str, object]:  # fmt: skip
    return {"bench": "query", "case": case, "value": round(value, 4), "unit": unit,
            "floor_name": floor_name, "floor": round(floor, 4), "goal": goal}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,30000,100000")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sync-size", type=int, default=30000)
    parser.add_argument("--khard-max", type=int, default=10000)
    parser.add_argument("--json", metavar="PATH")
    args = parser.parse_args()
    if shutil.which("abook") is None:
        sys.exit("abook is not installed: apt-get install -y abook")
    sizes = [int(s) for s in args.sizes.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="netui-bench-query-"))
    rows: list[dict[str, object]] = []
    try:
        launcher = shim(folder)
        floors = paired({"python": [PY, "-c", "pass"], "python -I -S": [PY, "-I", "-S", "-c",
                         "pass"]}, args.runs)  # fmt: skip
        print(
            f"python -c pass: {floors['python'] * 1000:.1f} ms   "
            f"python -I -S -c pass: {floors['python -I -S'] * 1000:.1f} ms"
        )
        print(f"\nnetui query '{WORD}' vs abook --mutt-query (medians of {args.runs} paired runs)")
        print(f"{'people':>8} {'abook':>8} {'script':>8} {'-m':>8} {'shim':>8} {'khard':>9}"
              f" {'script/abook':>13} {'shim/abook':>11} {'RSS':>7}")  # fmt: skip
        netui_1k: float | None = None
        for size in sizes:
            db_path, book = build(folder, size)
            q = ["query", WORD]
            commands = {
                "abook": ["abook", "--datafile", str(book), "--mutt-query", WORD],
                "script": [str(BIN / "netui"), "--db", str(db_path), *q],
                "-m": [PY, "-m", "netui", "--db", str(db_path), *q],
                "shim": [str(launcher), "--db", str(db_path), *q],
            }
            timed = paired(commands, args.runs)
            khard_text = "-"
            if size <= args.khard_max:
                vdir = folder / f"vdir-{size}"
                subprocess.run([str(BIN / "netui"), "--db", str(db_path), "sync", "--vdir",
                                str(vdir)], check=True, capture_output=True)  # fmt: skip
                conf = khard_config(folder, vdir)
                khard = [str(BIN / "khard"), "-c", str(conf), "email", "--parsable", WORD]
                khard_s = statistics.median(run(khard) for _ in range(3))
                khard_text = f"{khard_s * 1000:7.0f}ms"
                rows.append(_row(f"khard email {size}", khard_s * 1000, "ms", "abook",
                                 timed["abook"] * 1000, "reference"))  # fmt: skip
            abook, script, minus_m, shim_t = (timed[k] for k in ("abook", "script", "-m", "shim"))
            rss = peak_mb(commands["script"]) or 0.0
            if netui_1k is None:
                netui_1k = script
            print(f"{size:>8,} {abook * 1000:6.1f}ms {script * 1000:6.1f}ms "
                  f"{minus_m * 1000:6.1f}ms {shim_t * 1000:6.1f}ms {khard_text:>9} "
                  f"{script / abook:12.2f}x {shim_t / abook:10.2f}x {rss:5.1f}MB")  # fmt: skip
            goal = {30000: "<= 1.5x abook", 100000: "< 1.0x abook"}.get(size, "")
            rows += [
                _row(f"netui query {size}", script * 1000, "ms", "abook --mutt-query",
                     abook * 1000, goal),
                _row(f"netui query shim {size}", shim_t * 1000, "ms", "abook --mutt-query",
                     abook * 1000, goal),
                _row(f"netui query -m {size}", minus_m * 1000, "ms", "abook --mutt-query",
                     abook * 1000, ""),
                _row(f"netui query rss {size}", rss, "MB", "", 0.0, "<= 30 MB"),
            ]  # fmt: skip
            if size == sizes[-1] and netui_1k is not None and size != sizes[0]:
                print(
                    f"netui at {size:,} / netui at {sizes[0]:,}: {script / netui_1k:.2f}x "
                    "(goal <= 1.2x)"
                )
                case = f"netui query {size} vs {sizes[0]}"
                floor_name = f"netui query {sizes[0]}"
                rows.append(_row(case, script * 1000, "ms", floor_name, netui_1k * 1000, "<= 1.2x"))
        if args.sync_size:
            db_path = folder / f"netui-{args.sync_size}.db"
            if not db_path.exists():
                db_path, _book = build(folder, args.sync_size)
            shutil.rmtree(folder / f"vdir-{args.sync_size}", ignore_errors=True)
            rows += sync_bench(folder, db_path, args.sync_size, args.runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
