"""Benchmark of Today and Progress (issue 14): the sections and the numbers at scale.

    .venv/bin/python bench/today.py [--people 30000] [--interactions 300000]
                                    [--meetings 3000] [--runs 15] [--json PATH]

Builds one database in a temp folder (deleted at the end unless --keep): `netui demo`'s
synthetic people, then timeline entries up to --interactions (kinds and directions mixed,
spread over three years), --meetings meetings (past, upcoming, owing a follow-up), drafts
(two thirds sent), promised intros, job changes seen by an import, target companies,
snoozes and per-person cadences. Dates are relative to the real today, as `netui today` is.

compute      In process, after warm-up, median of --runs: `store.today_facts` + `build_today`
             (every Today section and the week's count) and `store.progress_facts` +
             `build_progress` (12 weeks, funnel, response rates, targets). Goal ≤ 50 ms each.
             The breakdown times each section's query alone on the read connection.
floor        Reading the columns Today looks at for every person once (the naive approach:
             look at everyone in Python) — the ratio says how far below it the indexes are.
CLI          Whole processes: `python -m netui --db PATH today` against `python -m netui
             --version` (interpreter + argparse + netui's import), alternated, each run once
             first (not timed) so the bytecode cache is warm; medians. Goal ≤ 2x.

Nothing here is a test: goals are printed beside the numbers for a person to read.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from netui.agenda import build_progress, build_today  # noqa: E402
from netui.db import Database  # noqa: E402
from netui.demo import generate_people  # noqa: E402
from netui.settings import Settings  # noqa: E402
from netui.store import Store  # noqa: E402
from netui.store.agenda import note_job_change  # noqa: E402
from netui.timeutil import format_utc, utcnow  # noqa: E402

GOAL_COMPUTE_MS = 50.0
GOAL_CLI_RATIO = 2.0
KINDS = (
    [("message", "out")] * 30 + [("message", "in")] * 15 + [("email", "out")] * 15
    + [("email", "in")] * 8 + [("reply", "in")] * 10 + [("call", "none")] * 5
    + [("coffee", "none")] * 4 + [("meeting", "none")] * 3 + [("note", "none")] * 10
)  # fmt: skip


def build(path: Path, people: int, interactions: int, meetings: int, seed: int = 14) -> None:
    rng = random.Random(seed)
    db = Database.open(path)
    generate_people(db, people, seed=seed)
    now = utcnow()
    stamp = format_utc(now)
    with db.write() as conn:
        have = int(conn.execute("SELECT count(*) FROM interaction").fetchone()[0])
        ids = [r[0] for r in conn.execute("SELECT id FROM person")]
        rows = []
        for _ in range(max(0, interactions - have)):
            kind, direction = rng.choice(KINDS)
            at = now - timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))
            rows.append((rng.choice(ids), kind, direction, format_utc(at), "bench", stamp))
        conn.executemany(
            "INSERT INTO interaction (person_id, kind, direction, at, summary, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
        mrows = []
        for k in range(meetings):
            start = now + timedelta(hours=rng.randint(-24 * 120, 24 * 30))
            past = start < now
            status = "done" if past and k % 3 else "planned"
            owed = int(status == "done" and k % 10 == 0)
            mrows.append((rng.choice(ids), format_utc(start), "Cafe", status, owed, stamp, stamp))
        conn.executemany(
            "INSERT INTO meeting (person_id, starts_at, place, status, follow_up_owed, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            mrows,
        )
        drows = []
        for k in range(meetings):
            sent = k % 3 != 0
            at = format_utc(now - timedelta(days=rng.randint(0, 365)))
            drows.append(
                (
                    rng.choice(ids),
                    rng.choice(["reconnect", "meet", "intro", "pitch"]),
                    "warm",
                    rng.choice(["email", "linkedin_message", "dm"]),
                    "Hi",
                    "Hello",
                    "sent" if sent else "draft",
                    at,
                    at,
                    at if sent else None,
                )
            )
        conn.executemany(
            "INSERT INTO draft (person_id, intent, tone, channel, subject, body, status, "
            "created_at, updated_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            drows,
        )  # fmt: skip
        for k in range(600):
            pid = rng.choice(ids)
            at = format_utc(now - timedelta(days=rng.randint(0, 90)))
            kind, summary, direction = (
                ("promise", "an intro", "in" if k % 2 else "out") if k < 300
                else ("note", "Now Staff Engineer at Plaid (was Engineer at Acme)", "none")
            )  # fmt: skip
            cur = conn.execute(
                "INSERT INTO interaction (person_id, kind, direction, at, summary, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (pid, kind, direction, at, summary, stamp),
            )
            if kind == "note":
                note_job_change(conn, int(cur.lastrowid or 0), pid)
        conn.execute("UPDATE company SET is_target = 1 WHERE id % 60 = 0")
        soon = (date.today() + timedelta(days=10)).isoformat()
        conn.execute(f"UPDATE person SET snooze_until = '{soon}' WHERE id % 97 = 0")
        conn.execute("UPDATE person SET cadence_days = 30 WHERE id % 89 = 0")
    db.close()


def median_ms(fn: Callable[[], object], runs: int, warm: int = 3) -> float:
    for _ in range(warm):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def compute(path: Path, runs: int) -> dict[str, Any]:
    db = Database.open(path)
    store = Store(db)
    settings = Settings()
    today, now = store.today(), store.now()
    out: dict[str, Any] = {}
    out["today"] = median_ms(
        lambda: build_today(store.today_facts(settings, today, now), today, 5), runs
    )
    out["progress"] = median_ms(lambda: build_progress(store.progress_facts(today), today, 5), runs)
    breakdown: dict[str, float] = {}
    from netui.agenda import TodayFacts, progress_since, week_start
    from netui.store import agenda as q

    parts: dict[str, Callable[[Any, TodayFacts], object]] = {
        "follow-ups": lambda c, f: q._follow_ups(c, f, today),
        "meetings": lambda c, f: q._meetings(c, f, today, now),
        "intros": lambda c, f: q._promises(c, f),
        "replies": lambda c, f: q._replies(c, f, today),
        "job changes": lambda c, f: q._job_changes(c, f),
        "going cold": lambda c, f: q._going_cold(c, f, today, settings),
        "drafts": lambda c, f: q._drafts(c, f),
        "week": lambda c, f: q._day_parts(c, week_start(today), today),
        "12 weeks": lambda c, f: q._day_parts(c, progress_since(today), today),
    }
    with db.read() as conn:
        for name, fn in parts.items():
            breakdown[name] = median_ms(lambda fn=fn: fn(conn, TodayFacts()), runs)
        facts = TodayFacts()
        for fn in parts.values():
            fn(conn, facts)

        def naive() -> None:
            conn.execute(
                "SELECT closeness, last_contact, snooze_until, cadence_days, follow_up_on "
                "FROM person"
            ).fetchall()

        out["floor"] = median_ms(naive, runs)
    out["breakdown"] = breakdown
    out["counts"] = {s.value: n for s, n in facts.totals.items()}
    db.close()
    return out


def cli(path: Path, runs: int) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cmds = {
        "version": [sys.executable, "-m", "netui", "--version"],
        "today": [sys.executable, "-m", "netui", "--db", str(path), "today"],
    }
    for cmd in cmds.values():
        subprocess.run(cmd, env=env, capture_output=True, check=True, cwd=REPO)
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            t0 = time.perf_counter()
            subprocess.run(cmd, env=env, capture_output=True, check=True, cwd=REPO)
            times[name].append((time.perf_counter() - t0) * 1000)
    return {k: statistics.median(v) for k, v in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=30_000)
    parser.add_argument("--interactions", type=int, default=300_000)
    parser.add_argument("--meetings", type=int, default=3_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--cli-runs", type=int, default=7)
    parser.add_argument("--json", metavar="PATH", help="write the rows for bench/all.py")
    parser.add_argument("--keep", action="store_true", help="keep the temp database")
    parser.add_argument("--db", metavar="PATH", help="reuse a database a --keep run built")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="netui-bench-today-"))
    path = Path(args.db) if args.db else folder / "today.db"
    try:
        t0 = time.perf_counter()
        if not args.db:
            build(path, args.people, args.interactions, args.meetings)
        Database.open(path).close()  # migrated (and checked) before anything is timed
        built = time.perf_counter() - t0
        result = compute(path, args.runs)
        times = cli(path, args.cli_runs)
    finally:
        if args.keep:
            print(f"kept {path}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(
        f"netui Today/Progress at {args.people:,} people, {args.interactions:,} interactions, "
        f"{args.meetings:,} meetings (built in {built:.1f} s; {datetime.now(UTC):%Y-%m-%d})"
    )
    print()
    floor = result["floor"]
    print(f"{'case':<24}{'ms':>9}  {'floor ms':>9}  {'ratio':>6}  goal")
    rows = []
    for case in ("today", "progress"):
        value = result[case]
        print(f"{'compute ' + case:<24}{value:>9.1f}  {floor:>9.1f}  {value / floor:>6.2f}  "
              f"≤ {GOAL_COMPUTE_MS:.0f} ms")  # fmt: skip
        rows.append({"bench": "today", "case": f"compute {case}", "value": round(value, 2),
                     "unit": "ms", "floor_name": "read every person's Today columns",
                     "floor": round(floor, 2), "goal": f"<= {GOAL_COMPUTE_MS:.0f} ms"})  # fmt: skip
    ratio = times["today"] / times["version"]
    print(f"{'netui today (process)':<24}{times['today']:>9.1f}  {times['version']:>9.1f}  "
          f"{ratio:>6.2f}  ≤ {GOAL_CLI_RATIO:.0f}x netui --version")  # fmt: skip
    rows.append({"bench": "today", "case": "netui today", "value": round(times["today"], 1),
                 "unit": "ms", "floor_name": "netui --version", "floor": round(times["version"], 1),
                 "goal": f"<= {GOAL_CLI_RATIO:.0f}x floor"})  # fmt: skip
    print()
    print("breakdown (each query alone, ms): " + ", ".join(
        f"{name} {ms:.1f}" for name, ms in result["breakdown"].items()))  # fmt: skip
    print("rows found: " + ", ".join(f"{k} {v:,}" for k, v in result["counts"].items()))
    for name, ms in result["breakdown"].items():
        rows.append({"bench": "today", "case": f"query {name}", "value": round(ms, 2),
                     "unit": "ms", "floor_name": "", "floor": None, "goal": ""})  # fmt: skip
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
