"""Benchmark of a person's timeline at 2,000 and 20,000 entries (issue 16).

    env -u PYTHONDONTWRITEBYTECODE .venv/bin/python bench/timeline.py [--sizes 2000,20000]
        [--runs 30] [--json PATH]

One database, one person per size (entries by driver executemany, one every 7 hours). The real
app runs headless (Pilot, 120x40) with the Person screen open; then, medians over --runs:

open   `TimelineList.reload()` (what the screen does on open and after every change: the month
       layout, the cursor's place) plus drawing every visible line (`render_line`, which reads
       the window of entries it needs).
End    the End key's work: the cursor to the oldest entry, the scroll, every visible line drawn
       from a cold window (the cache is emptied first, as when the end was never shown).
PgDn   one page down from the top, drawn the same way.

Floor: the same figure for a person with 20 entries, in the same run. Goal: within one frame
(<= 16.7 ms) at every size. The previous screen (an OptionList) showed the newest 500 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netui.app import make_app
from netui.db import Database
from netui.settings import Settings
from netui.store import Store
from netui.timeutil import format_utc
from netui.widgets.timeline_list import TimelineList

FLOOR_SIZE = 20
FRAME_MS = 16.7


def fill(path: Path, person_id: int, count: int) -> None:
    newest = datetime(2026, 11, 25, 12, tzinfo=UTC)
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO interaction (person_id, kind, direction, at, summary, created_at) "
        "VALUES (?, 'message', 'out', ?, ?, ?)",
        [(person_id, format_utc(newest - timedelta(hours=7 * i)), f"note number {i}",
          format_utc(newest)) for i in range(count)],
    )  # fmt: skip
    conn.commit()
    conn.close()


def median_ms(fn: Callable[[], None], runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


async def measure(store: Store, people: dict[int, int], runs: int) -> dict[int, dict[str, float]]:
    app = make_app(store, Settings())
    out: dict[int, dict[str, float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for size, pid in people.items():
            app.open_person(pid)
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            tl = app.screen.query_one("#timeline", TimelineList)
            height = tl.scrollable_content_region.height

            def draw(tl: TimelineList = tl, height: int = height) -> None:
                for y in range(height):
                    tl.render_line(y)

            def top(tl: TimelineList = tl) -> None:
                tl.cursor = 0
                tl.scroll_to(y=0, animate=False, immediate=True)

            def opened(tl: TimelineList = tl) -> None:
                tl.reload()
                draw()

            def end(tl: TimelineList = tl) -> None:
                top()
                tl._rows.clear()
                start = time.perf_counter()
                tl.action_move(1_000_000_000)
                tl.scroll_to(y=tl.max_scroll_y, animate=False, immediate=True)
                draw()
                end.took += time.perf_counter() - start  # type: ignore[attr-defined]

            def pgdn(tl: TimelineList = tl) -> None:
                top()
                tl._rows.clear()
                start = time.perf_counter()
                tl.action_page(1)
                draw()
                pgdn.took += time.perf_counter() - start  # type: ignore[attr-defined]

            row = {"open": median_ms(opened, runs)}
            for name, fn in (("End", end), ("PgDn", pgdn)):
                samples = []
                for _ in range(runs + 1):
                    fn.took = 0.0  # type: ignore[attr-defined]
                    fn()
                    samples.append(fn.took * 1000)  # type: ignore[attr-defined]
                row[name] = statistics.median(samples[1:])
            assert tl.count == size, (tl.count, size)
            out[size] = row
            app.pop_screen()
            await pilot.pause()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="2000,20000")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--json", metavar="PATH", help="write the rows for bench/all.py")
    args = ap.parse_args()
    sizes = [FLOOR_SIZE, *[int(s) for s in args.sizes.split(",")]]
    folder = Path(tempfile.mkdtemp(prefix="netui-bench-timeline-"))
    try:
        path = folder / "timeline.db"
        store = Store(Database.open(path))
        people = {n: store.add_person(f"Person With {n} Entries") for n in sizes}
        for n, pid in people.items():
            fill(path, pid, n)
        results = asyncio.run(measure(store, people, args.runs))
        store.db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    rows: list[dict[str, Any]] = []
    print(f"{'entries':>8} | {'open':>8} | {'End':>8} | {'PgDn':>8}   (ms, medians of {args.runs})")
    for n in sizes:
        r = results[n]
        print(f"{n:>8,} | {r['open']:8.2f} | {r['End']:8.2f} | {r['PgDn']:8.2f}")
        if n == FLOOR_SIZE:
            continue
        for case in ("open", "End", "PgDn"):
            rows.append({"bench": "timeline", "case": f"{case} at {n:,} entries",
                         "value": r[case], "unit": "ms",
                         "floor_name": f"{FLOOR_SIZE} entries", "floor": results[FLOOR_SIZE][case],
                         "goal": f"<= {FRAME_MS} ms"})  # fmt: skip
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
