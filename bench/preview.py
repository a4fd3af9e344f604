"""Benchmark of the Import screen's preview and of memory at 30k (issue 16).

    env -u PYTHONDONTWRITEBYTECODE .venv/bin/python bench/preview.py [--rows 30000]
        [--sizes 0,30000,100000] [--runs 3] [--json PATH]

One generated 30,000-row LinkedIn Connections.csv (bench/import.py's generator) and one
database per size (netui.demo.generate_people). Each size runs in its own child process: the
real app, headless (Pilot, 120x40), on that database.

steady RSS     after a warm-up (the People screen painted, / and four filter keystrokes, the
               filter cleared, escape, one save: a quick add, so what a write loads is
               counted), a full gc, VmRSS of the process.
               Floor: the bare Textual app (bench/_bare_app.py) the same way. Goal <= 60 MB
               (at 30,000 people).
first rows     the Import screen opened on the file: from push_screen to the first rows of
               the preview on screen (read from the file's start while the rest is read).
               Goal <= 0.2 s (issue 16: "or streamed progressively with the first rows
               shown in <= 0.2 s").
preview        from push_screen to the preview's summary on screen (read, detect, parse,
               plan against the database, in a child process for a file this big; 200
               rows and the counts shown), median of --runs after one untimed. Floor: the
               same with an empty database. Goal <= 0.5 s at every database size.
RSS after one the first preview's screen closed, a full gc: VmRSS. Floor: the same in another
               child after one preview of a 50-row file (the code and widgets a first
               preview loads, ~5 MB, whatever the file). Goal <= 80 MB.
RSS after all  after all --runs + 1 previews closed; floor: the steady figure. Each open and
               close of a screen leaves Textual ~2 MB here (strips cached in strips: a plain
               Textual app grows ~0.3 MB a push/pop of a 200-row DataTable screen), so this
               grows with --runs whatever the file.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))


def vm_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def child(db: Path, csv_path: Path, runs: int) -> dict[str, Any]:
    from textual.widgets import DataTable, Static

    from netui.app import make_app
    from netui.db import Database
    from netui.screens.importer import ImportScreen
    from netui.settings import Settings
    from netui.store import Store

    store = Store(Database.open(db))
    app = make_app(store, Settings())
    out: dict[str, Any] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        for key in ("slash", "j", "o", "s", "e", *["backspace"] * 4, "escape"):
            await pilot.press(key)
            await pilot.pause()
        await app.workers.wait_for_complete()
        before = store.count_people()
        await pilot.press("plus", *"Bench Save @ Warmup Co", "enter")  # one save (quick add)
        for _ in range(200):
            await pilot.pause()
            if store.count_people() > before:
                break
        else:
            raise SystemExit("the warm-up's quick add did not save")
        await app.workers.wait_for_complete()
        await pilot.pause()
        gc.collect()
        out["steady"] = vm_rss_mb()
        times, firsts = [], []
        for _ in range(runs + 1):
            start = time.perf_counter()
            first = None
            app.push_screen(ImportScreen(str(csv_path)))
            while True:
                await asyncio.sleep(0.005)
                screen = app.screen
                if not isinstance(screen, ImportScreen):
                    continue
                if first is None and screen.query_one("#import-preview", DataTable).row_count:
                    first = time.perf_counter() - start
                if str(screen.query_one("#import-summary", Static).render()):
                    break
            await pilot.pause()
            times.append(time.perf_counter() - start)
            firsts.append(first if first is not None else times[-1])
            del screen  # (this frame would keep the closed screen alive)
            app.pop_screen()
            await pilot.pause()
            await app.workers.wait_for_complete()
            if len(times) == 1:  # the first preview closed
                gc.collect()
                await pilot.pause()
                out["after_one"] = vm_rss_mb()
        gc.collect()
        await pilot.pause()
        out["after"] = vm_rss_mb()
        out["preview"] = statistics.median(times[1:] or times)
        out["first"] = statistics.median(firsts[1:] or firsts)
    store.db.close()
    return out


def bare_rss() -> float:
    code = (
        "import asyncio, gc, sys\n"
        f"sys.path.insert(0, {str(BENCH)!r})\n"
        "from _bare_app import BareApp\n"
        "from preview import vm_rss_mb\n"
        "async def main():\n"
        "    app = BareApp()\n"
        "    async with app.run_test(size=(120, 40)) as pilot:\n"
        "        await pilot.pause()\n"
        "        gc.collect()\n"
        "        print(vm_rss_mb())\n"
        "asyncio.run(main())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=30000)
    ap.add_argument("--sizes", default="0,30000,100000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", metavar="PATH")
    ap.add_argument("--child", nargs=2, metavar=("DB", "CSV"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        result = asyncio.run(child(Path(args.child[0]), Path(args.child[1]), args.runs))
        print(json.dumps(result))
        return 0
    from netui.db import Database
    from netui.demo import generate_people

    generate = importlib.import_module("import").generate  # bench/import.py
    folder = Path(tempfile.mkdtemp(prefix="netui-bench-preview-"))
    results: dict[int, dict[str, Any]] = {}
    try:
        csv_path, small = folder / "Connections.csv", folder / "small.csv"
        generate(csv_path, args.rows)
        generate(small, 50)
        for n in [int(s) for s in args.sizes.split(",")]:
            db_path = folder / f"people-{n}.db"
            db = Database.open(db_path)
            if n:
                generate_people(db, n)
            db.close()
            argv = [sys.executable, str(Path(__file__)), "--child", str(db_path), str(csv_path),
                    "--runs", str(args.runs)]  # fmt: skip
            done = subprocess.run(argv, capture_output=True, text=True)
            if done.returncode != 0:
                raise SystemExit(done.stderr[-2000:])
            results[n] = json.loads(done.stdout.strip().splitlines()[-1])
            if n:  # the floor of "RSS after one preview": one preview of a 50-row file
                argv[4:] = [str(small), "--runs", "0"]
                done = subprocess.run(argv, capture_output=True, text=True)
                if done.returncode != 0:
                    raise SystemExit(done.stderr[-2000:])
                results[n]["small"] = json.loads(done.stdout.strip().splitlines()[-1])["after_one"]
        bare = bare_rss()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    rows: list[dict[str, Any]] = []
    empty = results.get(0, {}).get("preview")
    print(f"{'people':>8} | {'first rows':>10} | {'preview':>8} | {'steady RSS':>10} | "
          f"{'after one':>9} | {'(50 rows)':>9} | {'after all':>9}")  # fmt: skip
    print(f"(the bare Textual app: {bare:.1f} MB)")
    for n, r in results.items():
        small_mb = f"{r['small']:7.1f}MB" if "small" in r else " " * 9
        print(f"{n:>8,} | {r['first']:9.3f}s | {r['preview']:7.3f}s | {r['steady']:8.1f}MB | "
              f"{r['after_one']:7.1f}MB | {small_mb} | {r['after']:7.1f}MB")  # fmt: skip
        rows.append({"bench": "preview", "case": f"first rows shown, {args.rows:,} rows, "
                     f"{n:,} people in the database", "value": round(r["first"], 3),
                     "unit": "s", "floor_name": "", "floor": None,
                     "goal": "<= 0.2 s"})  # fmt: skip
        rows.append({"bench": "preview", "case": f"import preview, {args.rows:,} rows, "
                     f"{n:,} people in the database", "value": round(r["preview"], 3),
                     "unit": "s", "floor_name": "empty database", "floor": empty,
                     "goal": "<= 0.5 s"})  # fmt: skip
        if n:
            rows.append({"bench": "preview", "case": f"steady RSS after warm-up, {n:,} people",
                         "value": round(r["steady"], 1), "unit": "MB",
                         "floor_name": "bare Textual app", "floor": round(bare, 1),
                         "goal": "<= 60 MB" if n <= 30000 else ""})  # fmt: skip
            rows.append({"bench": "preview", "case": f"RSS after one preview closes, {n:,} people",
                         "value": round(r["after_one"], 1), "unit": "MB",
                         "floor_name": "the same, a 50-row file", "floor": round(r["small"], 1),
                         "goal": "<= 80 MB"})  # fmt: skip
            rows.append({"bench": "preview", "case": f"RSS after {args.runs + 1} previews closed, "
                         f"{n:,} people", "value": round(r["after"], 1), "unit": "MB",
                         "floor_name": "steady RSS", "floor": round(r["steady"], 1),
                         "goal": ""})  # fmt: skip
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
