"""Benchmark of paths into companies (issue 15): ranked paths and the targets overview.

    .venv/bin/python bench/paths.py [--runs 5] [--targets 50] [--json PATH] [--keep DIR]

Builds one database (30,000 people, 100,000 links, 300,000 interactions) by driver
executemany with every trigger on, then times in this process, after one untimed warm-up:

load            `Store.path_network()` after a write: every company, person (with contact
                counts), link and job change read and built into the in-memory Network.
                Floor: the same four statements, rows fetched into lists, nothing built.
company paths   `Store.company_paths(id)` for each of the 20 largest companies (500 people
                each), the network loaded: the walk to two hops, the best path of each
                person reached, paths built and sorted. Median over 20 companies × --runs.
                Floor: a plain BFS over the same in-memory links to the same depth.
overview        `Store.targets_overview()` with --targets target companies: 10 of the 20
                largest and the rest drawn from the others (seeded); network loaded.
                Floor: the plain BFS for each target.

The network: 20 companies of 500 people, 2,500 of 8 (30,000 in all); 5% stubs, 2% archived,
3% with a job-change note; links drawn 60% inside a company (works_with or knows) and 40%
across it (knows; 10% introduced_by); each person 0-20 interactions of every kind, a third of
them coming in. Nothing here is a test: the goals are printed beside the numbers.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netui import demo
from netui.db import Database
from netui.names import company_key
from netui.network import DEFAULT_MAX_HOPS, Network
from netui.store import Store
from netui.store.paths import _JOB_CHANGES_SQL, _LINKS_SQL, _PEOPLE_SQL
from netui.timeutil import format_utc, utcnow

PEOPLE = 30_000
LINKS = 100_000
INTERACTIONS = 300_000
BIG, BIG_SIZE = 20, 500
SMALL_SIZE = 8
GOAL_COMPANY_MS = 50.0
GOAL_OVERVIEW_MS = 200.0
ROLES = [
    ("Software Engineer", "engineer"), ("Engineering Manager", "engineering_manager"),
    ("CTO", "founder_cto"), ("Technical Recruiter", "recruiter"),
    ("Product Manager", "other_tech"), ("Account Executive", "non_tech"), ("", "unknown"),
]  # fmt: skip
KINDS = ["message", "email", "call", "coffee", "meeting", "reply", "intro", "note"]


def build(path: Path, seed: int = 15) -> list[int]:
    """Write the network; return company ids, the 20 largest first."""
    rng = random.Random(seed)
    db = Database.open(path)
    now_dt = utcnow()
    now = format_utc(now_dt)
    n_small = (PEOPLE - BIG * BIG_SIZE) // SMALL_SIZE
    with db.write() as conn:
        companies = []
        for i in range(BIG + n_small):
            name = f"{rng.choice(demo._COMPANY_WORDS)} {i}"
            cur = conn.execute(
                "INSERT INTO company (name, name_key, created_at) VALUES (?, ?, ?)",
                (name, company_key(name), now),
            )
            companies.append(int(cur.lastrowid or 0))
        members: dict[int, list[int]] = {c: [] for c in companies}
        rows = []
        for i in range(PEOPLE):
            cid = companies[i // BIG_SIZE] if i < BIG * BIG_SIZE else rng.choice(companies[BIG:])
            members[cid].append(i + 1)
            title, role = rng.choice(ROLES)
            full = f"{rng.choice(demo._FIRST)} {rng.choice(demo._LAST)}"
            rows.append(
                (i + 1, full, full.split()[0], cid, title, role,
                 rng.choice(["close", "friend", "acquaintance", "met_once"]),
                 int(rng.random() < 0.05), now if rng.random() < 0.02 else None, now, now)
            )  # fmt: skip
        conn.executemany(
            "INSERT INTO person (id, full_name, first_name, company_id, title, role, closeness,"
            " is_stub, archived_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        company_of = {r[0]: r[3] for r in rows}
        links: set[tuple[int, int, str]] = set()
        while len(links) < LINKS:
            a = rng.randint(1, PEOPLE)
            if rng.random() < 0.6:
                b = rng.choice(members[company_of[a]])
                kind = "works_with" if rng.random() < 0.5 else "knows"
            else:
                b = rng.randint(1, PEOPLE)
                kind = "introduced_by" if rng.random() < 0.1 else "knows"
            if a == b:
                continue
            if kind != "introduced_by":
                a, b = min(a, b), max(a, b)
            links.add((a, b, kind))
        conn.executemany(
            "INSERT INTO link (person_a, person_b, kind, created_at) VALUES (?, ?, ?, ?)",
            [(a, b, k, now) for a, b, k in links],
        )
        interactions = []
        for _ in range(INTERACTIONS):
            pid = rng.randint(1, PEOPLE)
            kind = rng.choice(KINDS)
            direction = "in" if rng.random() < 0.33 else "out"
            at = format_utc(now_dt - timedelta(days=rng.randint(0, 700), hours=rng.randint(0, 23)))
            interactions.append((pid, kind, direction, at, f"{kind} about the search", now))
        for pid in rng.sample(range(1, PEOPLE + 1), PEOPLE * 3 // 100):
            old = rng.choice(companies)
            note = f"Now at {rng.choice(demo._COMPANY_WORDS)} (was {demo._COMPANY_WORDS[0]} {old})"
            interactions.append((pid, "note", "none", now, note, now))
        conn.executemany(
            "INSERT INTO interaction (person_id, kind, direction, at, summary, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            interactions,
        )
    db.close()
    return companies


def raw_fetch(conn: sqlite3.Connection) -> int:
    """The load's floor: the loader's statements, rows fetched into lists, nothing built."""
    fetched = len(conn.execute("SELECT id, name, name_key, aliases FROM company").fetchall())
    fetched += len(conn.execute(_PEOPLE_SQL, (2461000.5,)).fetchall())
    fetched += len(conn.execute(_LINKS_SQL).fetchall())
    fetched += len(conn.execute(_JOB_CHANGES_SQL).fetchall())
    return fetched


def bfs(network: Network, company_id: int, hops: int) -> int:
    """The walk's floor: visit every link end within `hops` of the company once, in memory,
    with no scoring, no best-of and no paths built."""
    seen = set(network.inside(company_id))
    frontier = list(seen)
    links = network.links
    for _ in range(hops):
        grown = []
        for pid in frontier:
            for other, _, _ in links.get(pid, ()):
                if other not in seen:
                    seen.add(other)
                    grown.append(other)
        frontier = grown
    return len(seen)


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--targets", type=int, default=50)
    parser.add_argument("--json", metavar="PATH")
    parser.add_argument("--keep", metavar="DIR", help="keep the database in DIR (reused next time)")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="netui-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "paths.db"
    try:
        if path.exists():  # --keep DIR from an earlier run: the same seeded network
            with sqlite3.connect(path) as conn:
                companies = [r[0] for r in conn.execute("SELECT id FROM company ORDER BY id")]
            print(f"reusing {path}")
        else:
            start = time.perf_counter()
            companies = build(path)
            print(f"built {PEOPLE:,} people, {LINKS:,} links, {INTERACTIONS:,} interactions "
                  f"in {time.perf_counter() - start:.1f} s")  # fmt: skip
        db = Database.open(path)
        store = Store(db)
        hops = DEFAULT_MAX_HOPS
        big = companies[:BIG]
        rng = random.Random(5)
        targets = rng.sample(big, 10) + rng.sample(companies[BIG:], args.targets - 10)
        with db.write() as conn:
            conn.executemany(
                "UPDATE company SET is_target = 1 WHERE id = ?", [(t,) for t in targets]
            )
        # warm-up: every statement prepared, the pages in the OS cache
        network = store.path_network()
        for cid in big:
            store.company_paths(cid, hops)
        store.targets_overview(hops)

        def cold() -> None:
            store._network = None  # as after any write
            store.path_network()

        load_ms = median_ms(cold, args.runs)
        with db.read() as conn:
            load_floor = median_ms(lambda: raw_fetch(conn), args.runs)
        store.path_network()
        per_company, per_floor, sizes = [], [], []
        for cid in big:
            per_company.append(median_ms(lambda c=cid: store.company_paths(c, hops), args.runs))
            per_floor.append(median_ms(lambda c=cid: bfs(network, c, hops), args.runs))
            sizes.append(len(store.company_paths(cid, hops).paths))
        overview_ms = median_ms(lambda: store.targets_overview(hops), args.runs)
        overview_floor = median_ms(lambda: [bfs(network, t, hops) for t in targets], args.runs)
        db.close()
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)

    company_ms = statistics.median(per_company)
    company_floor = statistics.median(per_floor)
    rows = [
        ("load the network (after any write)", load_ms, load_floor, "raw SQL fetch", None),
        ("company paths (500 people, 2 hops), median of 20", company_ms, company_floor,
         "BFS in memory", GOAL_COMPANY_MS),
        (f"targets overview ({args.targets} targets)", overview_ms, overview_floor,
         "BFS in memory", GOAL_OVERVIEW_MS),
    ]  # fmt: skip
    print(f"paths per big company: median {statistics.median(sizes):,.0f} people can get you in")
    print(f"{'case':<52} {'ms':>8} {'floor':>14} {'ms':>7} {'ratio':>6} {'goal ms':>8}")
    for case, value, floor_ms, floor_name, goal in rows:
        shown = f"{goal:8.0f}" if goal else "       -"
        print(f"{case:<52} {value:8.1f} {floor_name:>14} {floor_ms:7.1f} "
              f"{value / floor_ms:6.2f} {shown}")  # fmt: skip
    if args.json:
        out = [
            {"bench": "paths", "case": case, "value": round(value, 2), "unit": "ms",
             "floor_name": floor_name, "floor": round(floor_ms, 2), "goal": goal}
            for case, value, floor_ms, floor_name, goal in rows
        ]  # fmt: skip
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
