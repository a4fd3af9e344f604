"""Benchmark of likely duplicates (`M` on People, issue 16).

    .venv/bin/python bench/duplicates.py [--people 30000] [--runs 5] [--json PATH] [--keep DIR]

Builds a demo database of --people people (`netui demo --people N`, ~25 people a company) and
two copies where 4,000 and 8,000 of them work at one company, then prints medians over --runs
runs after one untimed warm-up run each:

search       `Store.likely_duplicates()`: read the rows, group exact keys, compare similar
             names inside each company, read the 500 pairs' details.
floor        the read alone: the same rows fetched with sqlite3 (the least any search that
             looks at every person pays), in the same process, interleaved with the search.
pairs shown  headless Pilot (120x40): from pushing the Duplicates screen until the first
             frame composed with the pairs in the table (the search runs in a worker); the
             bench waits on that frame, it does not poll (a 2 ms poll slowed the search).
company only the search over the big company's people alone (4,000 vs 8,000): the part that
             used to be quadratic; the 8,000 figure over the 4,000 one (2.0 is linear, 4.0
             quadratic), both sizes run in turn, the GC paused as in the app. The pairs
             found are printed beside them: the demo's names repeat, so 8,000 people at
             one company share names ~4x as often and hold ~4x the pairs; the search must
             stay near 2x anyway (only the pairs themselves cost a step each, in C).
stops after  the Duplicates screen is closed (esc) while its search runs: time from the key
             until the search's thread has stopped (the old search ran to the end).

Nothing here is a test: goals are printed beside the numbers for a person to read.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from netui.db import Database  # noqa: E402
from netui.duplicates import find_duplicates  # noqa: E402
from netui.gcpause import paused_gc  # noqa: E402
from netui.store import Store  # noqa: E402
from netui.store.duplicates import _FIND_SQL  # noqa: E402

GOAL_SHOWN_MS = 300
GOAL_LINEAR = 2.2  # 8,000 at one company over 4,000 (2.0 = linear; some noise allowed)
BIG = (4000, 8000)


def build(folder: Path, people: int) -> dict[str, Path]:
    base = folder / f"people-{people}.db"
    for old in folder.glob(f"people-{people}*.db*"):
        old.unlink()
    subprocess.run(
        [sys.executable, "-m", "netui", "--db", str(base), "demo", "--people", str(people)],
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    paths = {f"{people:,} people": base}
    for n in BIG:
        path = folder / f"people-{people}-{n}.db"
        shutil.copy(base, path)
        conn = sqlite3.connect(path)
        first = conn.execute("SELECT min(id) FROM company").fetchone()[0]
        conn.execute(
            "UPDATE person SET company_id = ? WHERE id IN "
            "(SELECT id FROM person ORDER BY id LIMIT ?)",
            (first, n),
        )
        conn.commit()
        conn.close()
        paths[f"{people:,}, {n:,} at one company"] = path
    return paths


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def read_floor(store: Store) -> None:
    with store.db.read() as conn:
        conn.execute("SELECT id, name FROM company").fetchall()
        conn.execute(_FIND_SQL).fetchall()


def company_rows(store: Store) -> tuple[list[Any], dict[int, str]]:
    """The big company's people alone, as the search reads them, and the company names."""
    with store.db.read() as conn:
        first = conn.execute("SELECT min(id) FROM company").fetchone()[0]
        rows = [r for r in conn.execute(_FIND_SQL).fetchall() if r[2] == first]
        names = dict(conn.execute("SELECT id, name FROM company").fetchall())
    return rows, names


def company_only(cases: dict[int, tuple[list[Any], dict[int, str]]], runs: int) -> dict[int, float]:
    """Median seconds of the search over each big company's people, the sizes interleaved
    run by run (so a slow spell of the machine hits both) and the GC paused as the store
    pauses it (a collection walks every object: it would time the heap, not the search)."""
    times: dict[int, list[float]] = {n: [] for n in cases}
    with paused_gc():
        for run in range(runs + 1):
            for n, (rows, names) in cases.items():
                took = timed(partial(find_duplicates, rows, names))
                if run:
                    times[n].append(took)
    return {n: statistics.median(ts) for n, ts in times.items()}


async def pilot_times(path: Path, runs: int) -> tuple[list[float], list[float]]:
    """(pairs shown, search stopped after esc) in ms, each over `runs` runs."""
    from netui.app import make_app
    from netui.screens.duplicates import DuplicatesScreen
    from netui.settings import Settings

    store = Store(Database.open(path))
    started = threading.Event()
    ended: list[float] = []
    search = store.likely_duplicates

    def watched(limit: int = 500, should_stop: Any = None) -> Any:
        started.set()
        try:
            return search(limit, should_stop)
        finally:
            ended.append(time.perf_counter())

    store.likely_duplicates = watched  # type: ignore[method-assign]
    shown, stopped = [], []
    app = make_app(store, Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        frames: list[tuple[float, int]] = []
        painted = asyncio.Event()
        real_display = app._display

        def display(screen: Any, renderable: Any) -> None:
            real_display(screen, renderable)
            if renderable is not None and hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)
            rows = 0
            if isinstance(screen, DuplicatesScreen):
                rows = screen.pair_list.count
            frames.append((time.perf_counter(), rows))
            if rows:
                painted.set()

        app._display = display  # type: ignore[method-assign]
        await pilot.pause()
        await app.workers.wait_for_complete()
        for run in range(runs + 1):
            del frames[:]
            # woken by the frame itself: polling every 2 ms took the worker's GIL 500
            # times a second and made the search it measures ~1.5x slower
            painted = asyncio.Event()
            t0 = time.perf_counter()
            await app.push_screen(DuplicatesScreen())
            await asyncio.wait_for(painted.wait(), 60)
            if run:
                shown.append((next(t for t, rows in frames if rows) - t0) * 1000)
            await pilot.press("escape")
            await app.workers.wait_for_complete()
            await pilot.pause()
            # close while the search runs: how long until its thread is done
            started.clear()
            del ended[:]
            await app.push_screen(DuplicatesScreen())
            await asyncio.to_thread(started.wait, 10)
            await asyncio.sleep(0.02)  # well inside the search
            t0 = time.perf_counter()
            await pilot.press("escape")
            while not ended:
                await asyncio.sleep(0.001)
            if run:
                stopped.append((ended[0] - t0) * 1000)
            await app.workers.wait_for_complete()
            await pilot.pause()
    store.db.close()
    return shown, stopped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", metavar="PATH", help="write the rows for bench/all.py")
    parser.add_argument("--keep", metavar="DIR", help="build in DIR and keep the databases")
    parser.add_argument("--pilot", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pilot:
        print(json.dumps(asyncio.run(pilot_times(Path(args.pilot), args.runs))))
        return 0
    folder = Path(args.keep or tempfile.mkdtemp(prefix="netui-bench-dups-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    try:
        paths = build(folder, args.people)
        print(f"{'case':<34}{'search':>9}{'floor':>9}{'ratio':>7}{'shown':>9}{'stops':>8}")
        big: dict[int, tuple[list[Any], dict[int, str]]] = {}
        for case, path in paths.items():
            store = Store(Database.open(path))
            store.likely_duplicates()  # warm-up
            read_floor(store)
            searches, floors = [], []
            for _ in range(args.runs):
                floors.append(timed(lambda store=store: read_floor(store)))  # type: ignore[misc]
                searches.append(timed(store.likely_duplicates))
            for n in BIG:
                if case.endswith(f"{n:,} at one company"):
                    big[n] = company_rows(store)
            store.db.close()
            done = subprocess.run(
                [sys.executable, __file__, "--pilot", str(path), "--runs", str(args.runs)],
                cwd=REPO,
                check=True,
                capture_output=True,
                text=True,
            )
            shown, stopped = json.loads(done.stdout.strip().splitlines()[-1])
            search, floor = statistics.median(searches) * 1000, statistics.median(floors) * 1000
            show, stop = statistics.median(shown), statistics.median(stopped)
            print(
                f"{case:<34}{search:>7.0f}ms{floor:>7.0f}ms{search / floor:>6.1f}x"
                f"{show:>7.0f}ms{stop:>6.0f}ms"
            )
            rows += [
                row(f"search, {case}", search, "ms", "sqlite3 read of the rows", floor, ""),
                row(f"pairs shown, {case}", show, "ms", "", None, f"<= {GOAL_SHOWN_MS} ms"),
                row(f"search stops after esc, {case}", stop, "ms", "", None, ""),
            ]
        company = company_only(big, max(15, 3 * args.runs))
        found = {n: find_duplicates(*big[n])[1] for n in BIG}
        ratio = company[BIG[1]] / company[BIG[0]]
        print(
            f"\none company's people alone: {BIG[0]:,} {company[BIG[0]] * 1000:.0f} ms "
            f"({found[BIG[0]]:,} pairs), {BIG[1]:,} {company[BIG[1]] * 1000:.0f} ms "
            f"({found[BIG[1]]:,} pairs): {ratio:.2f}x (2.0 linear, 4.0 quadratic; "
            f"goal <= {GOAL_LINEAR})"
        )
        rows.append(
            row(f"search of {BIG[1]:,} at one company", company[BIG[1]] * 1000, "ms",
                f"{BIG[0]:,} at one company", company[BIG[0]] * 1000, f"<= {GOAL_LINEAR}x floor")
        )  # fmt: skip
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


def row(
    case: str, value: float, unit: str, floor_name: str, floor: float | None, goal: str
) -> dict[str, Any]:
    return {
        "bench": "duplicates",
        "case": case,
        "value": round(value, 2),
        "unit": unit,
        "floor_name": floor_name,
        "floor": None if floor is None else round(floor, 2),
        "goal": goal,
    }


if __name__ == "__main__":
    raise SystemExit(main())
