"""Benchmark of importing a 30,000-row LinkedIn Connections.csv (issue 7).

    .venv/bin/python bench/import.py [--rows 30000] [--runs 5] [--keep]

Writes one generated LinkedIn export (current header, the preamble, ~1,500 companies, quoted
commas, 1% hidden profiles, 5% with an email) to a temp folder, then for each run opens a
fresh database and times, in this process:

parse         `parse_file(path)`: read bytes, detect encoding/separator/header, make records.
import        `Store.import_records(result)`: one transaction — preload keys, match, insert
              companies and people by driver executemany (FTS triggers included).
parse+import  the two together: what `netui import FILE` spends after start-up.
re-import     parse + import of the same file again into that database: every row matches,
              nothing is written (all "unchanged").
floor         from the file to committed rows, plainly: `csv.reader` (the preamble skipped), the
              same company and person rows built as tuples (first name, role once per title,
              company key derived the same way; no cyclic gc, as the importer), inserted
              with `executemany` in one BEGIN IMMEDIATE transaction into a fresh database
              with the same schema and triggers. No detection, no checks, no matching.
              Goal: parse+import <= 1.3x this (issue 16).
              (Before issue 16 the floor was the executemany alone, on prebuilt tuples.)

JSON restore  a netui JSON export of a 30,000-person network (netui.demo.generate_people:
              ~1,200 companies, ~45,000 interactions) read and restored as `netui import
              FILE.json` does: `open_source(path)` (read, decode, json.loads, shape check) +
              `Store.restore_json` (every value checked against its column's rule, then
              executemany per table, last_contact put back) into a fresh database.
restore floor the same file by `json.load`, then raw sqlite3 `executemany` of every table's
              rows as the file lists them, and the same last_contact UPDATE (the
              interaction triggers move it), in one BEGIN IMMEDIATE transaction into a
              fresh database with the same schema, triggers and PRAGMAs; no checks, no gc
              (as the restore reads). Goal: JSON restore <= 1.2x this (issue 16).

Each run is paired with one floor run at the same moment (alternating which goes first),
so a shared machine's load moves both; the ratio given is the median of the runs' own
ratios (value / its floor), beside the medians of the values. CPU time (process_time) is
printed too: it moves much less with the load than wall time. A first untimed run warms
the process (it imports the importers and the store's modules, once per process); its
parse+import time is printed separately. Nothing here is a test: the goals are printed
beside the numbers for a person to read.
"""

from __future__ import annotations

import argparse
import csv
import gc
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netui import demo
from netui.db import Database
from netui.importers import RestoreSource, open_source, parse_file
from netui.names import company_key, first_name_of
from netui.roles import infer_role
from netui.store import Store
from netui.store.exports import TABLES
from netui.timeutil import format_utc, utcnow

GOAL_SECONDS = 3.0
GOAL_RATIO = 1.3  # the import over csv + executemany of the same rows (issue 16)
RESTORE_GOAL = 1.2  # JSON restore over json.load + executemany of the same rows (issue 16)
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will ONLY see email addresses for connected members who have allowed "
    'their connections to see or download it."\n\n'
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
# The synthetic network's name lists: one copy, in netui.demo.
FIRST, LAST, WORDS = demo._FIRST, demo._LAST, demo._COMPANY_WORDS
SUFFIX = ["Labs", "Systems", "AI", "Inc.", "Technologies", "Software", "Works", "Group"]
TITLES = [
    "Software Engineer",
    "Senior Software Engineer",
    "Staff Engineer",
    "Engineering Manager",
    "CTO",
    "Technical Recruiter",
    "Product Manager",
    "Data Scientist",
    "Account Executive",
    "Designer",
    "",
]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _quote(value: str) -> str:
    return f'"{value}"' if "," in value or '"' in value else value


def generate(path: Path, rows: int, seed: int = 11) -> list[tuple[str, ...]]:
    """Write the CSV; return the visible rows (first, last, url, email, company, title, day)."""
    rng = random.Random(seed)
    companies = []
    for i in range(max(20, rows // 20)):
        name = f"{rng.choice(WORDS)}{rng.choice(WORDS).lower()} {rng.choice(SUFFIX)} {i}"
        if rng.random() < 0.1:
            name = name.replace(" Inc.", ", Inc.")
        companies.append(name)
    out: list[str] = [PREAMBLE + HEADER]
    kept: list[tuple[str, ...]] = []
    for i in range(rows):
        day = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2010, 2025)}"
        if rng.random() < 0.01:
            out.append(f",,,,,,{day}")
            continue
        first, last = rng.choice(FIRST), rng.choice(LAST)
        url = f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{i:06d}"
        email = f"{first.lower()}.{i}@example.com" if rng.random() < 0.05 else ""
        company = rng.choice(companies) if rng.random() < 0.95 else ""
        title = rng.choice(TITLES)
        row = (first, last, url, email, company, title, day)
        kept.append(row)
        out.append(",".join(_quote(v) for v in row))
    path.write_text("\r\n".join(out) + "\r\n", encoding="utf-8")
    return kept


def timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, the value)."""
    start, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return time.perf_counter() - start, time.process_time() - cpu, value


def floor(db_path: Path, csv_path: Path) -> tuple[float, float]:
    """From the file to committed rows, plainly: csv.reader, tuples, raw sqlite3 executemany
    of the same companies and people (same derived first name, role and company key)."""
    db = Database.open(db_path)
    gc.disable()  # as the importer plans and writes (netui.gcpause.paused_gc)
    wall, cpu, _ = timed(lambda: _floor_write(db, csv_path))
    gc.enable()
    db.close()
    return wall, cpu


def _floor_write(db: Database, csv_path: Path) -> None:
    conn = db.reader
    now = format_utc(utcnow())
    with csv_path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        for row in reader:
            if row and row[0] == "First Name":
                break
        rows = [r for r in reader if r and (r[0] or r[1])]
    names: dict[str, str] = {}
    for r in rows:
        if r[4]:
            names.setdefault(company_key(r[4]), r[4])
    ids = {k: i + 1 for i, k in enumerate(names)}
    company_rows = [(ids[k], name, k, now) for k, name in names.items()]
    roles: dict[str, str] = {}  # one inference per distinct title, as the importer does
    for r in rows:
        if r[5] not in roles:
            roles[r[5]] = infer_role(r[5]).value
    people = [
        (f"{r[0]} {r[1]}", first_name_of(r[0]), ids.get(company_key(r[4])) if r[4] else None,
         r[5], roles[r[5]], r[2], r[3], r[6], now, now)
        for r in rows
    ]  # fmt: skip
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO company (id, name, name_key, created_at) VALUES (?, ?, ?, ?)", company_rows
    )
    conn.executemany(
        "INSERT INTO person (full_name, first_name, company_id, title, role, linkedin_url, "
        "email, connected_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        people,
    )
    conn.execute("COMMIT")


def one_run(folder: Path, csv_path: Path, n: int) -> dict[str, float]:
    db = Database.open(folder / f"run{n}.db")
    store = Store(db)
    t_parse, c_parse, result = timed(lambda: parse_file(csv_path))
    t_import, c_import, report = timed(lambda: store.import_records(result))  # type: ignore[arg-type]
    t_again_parse, _c, again_result = timed(lambda: parse_file(csv_path))
    t_again, _c, again = timed(lambda: store.import_records(again_result))  # type: ignore[arg-type]
    assert report.new > 0 and again.unchanged == report.new and again.new == 0  # type: ignore[attr-defined]
    db.close()
    return {
        "parse": t_parse,
        "import": t_import,
        "parse+import": t_parse + t_import,
        "parse+import CPU": c_parse + c_import,
        "re-import": t_again_parse + t_again,
        "new": float(report.new),  # type: ignore[attr-defined]
    }


# ---- JSON restore ------------------------------------------------------------------------


def make_export(folder: Path, people: int) -> Path:
    """A netui JSON export of a generated network, written by `netui export` itself."""
    db_path, out = folder / "export-source.db", folder / "network.json"
    db = Database.open(db_path)
    demo.generate_people(db, people)
    db.close()
    argv = [sys.executable, "-m", "netui", "--db", str(db_path), "export", "--format", "json",
            "-o", str(out)]  # fmt: skip
    subprocess.run(argv, check=True, capture_output=True)
    return out


def restore_run(db_path: Path, json_path: Path) -> tuple[float, float, int]:
    """`netui import FILE.json`'s work: read + restore into a fresh database."""
    store = Store(Database.open(db_path))

    def restore() -> dict[str, int]:
        source = open_source(json_path)
        assert isinstance(source, RestoreSource)
        return store.restore_json(source.data, json_path.name)

    wall, cpu, counts = timed(restore)
    store.db.close()
    return wall, cpu, counts["person"]  # type: ignore[index]


def restore_floor(db_path: Path, json_path: Path) -> tuple[float, float]:
    """json.load + executemany of every table as the file lists it, in one transaction."""
    db = Database.open(db_path)
    gc.disable()  # as the restore reads (netui.gcpause.paused_gc)
    wall, cpu, _ = timed(lambda: _restore_floor_write(db, json_path))
    gc.enable()
    db.close()
    return wall, cpu


def _restore_floor_write(db: Database, json_path: Path) -> None:
    conn = db.reader
    with json_path.open(encoding="utf-8") as fh:
        tables = json.load(fh)["tables"]
    conn.execute("BEGIN IMMEDIATE")
    for table in TABLES:
        block = tables.get(table)
        if block and block["rows"]:
            columns = block["columns"]
            conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                             f"({', '.join('?' * len(columns))})", block["rows"])  # fmt: skip
    person = tables["person"]
    at, pid = person["columns"].index("last_contact"), person["columns"].index("id")
    conn.executemany("UPDATE person SET last_contact = ? WHERE id = ?",
                     [(r[at], r[pid]) for r in person["rows"]])  # fmt: skip
    conn.execute("COMMIT")


# ---- the run ------------------------------------------------------------------------------


def paired(
    n: int, value: Callable[[], tuple[float, float]], floor_fn: Callable[[], tuple[float, float]]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """One value and its floor at the same moment; odd runs measure the floor first."""
    if n % 2:
        f = floor_fn()
        return value(), f
    v = value()
    return v, floor_fn()


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=30_000)
    ap.add_argument("--people", type=int, default=30_000, help="in the JSON export")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--skip-restore", action="store_true")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--json", metavar="PATH", help="write the rows for bench/all.py")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="netui-bench-import-"))
    print(f"load average before: {load()}")
    try:
        csv_path = folder / "Connections.csv"
        rows = generate(csv_path, args.rows)
        size = csv_path.stat().st_size
        print(f"{csv_path.name}: {args.rows:,} rows ({len(rows):,} visible), {size / 1e6:.1f} MB")
        json_path = None if args.skip_restore else make_export(folder, args.people)
        warm = one_run(folder, csv_path, 0)
        print(f"warm-up run (imports netui's modules): parse+import {warm['parse+import']:.2f} s")
        floor(folder / "floor-warm.db", csv_path)
        if json_path is not None:
            restore_run(folder / "restore-warm.db", json_path)
            restore_floor(folder / "restore-floor-warm.db", json_path)
        runs: list[dict[str, float]] = []
        floors: list[tuple[float, float]] = []
        restores: list[tuple[float, float]] = []
        restore_floors: list[tuple[float, float]] = []
        for n in range(1, args.runs + 1):
            out: dict[str, dict[str, float]] = {}

            def import_value(
                n: int = n, out: dict[str, dict[str, float]] = out
            ) -> tuple[float, float]:
                out["run"] = one_run(folder, csv_path, n)
                return out["run"]["parse+import"], out["run"]["parse+import CPU"]

            _v, f = paired(n, import_value, lambda n=n: floor(folder / f"floor{n}.db", csv_path))
            runs.append(out["run"])
            floors.append(f)
            if json_path is not None:
                r, rf = paired(
                    n,
                    lambda n=n, p=json_path: restore_run(folder / f"restore{n}.db", p)[:2],
                    lambda n=n, p=json_path: restore_floor(folder / f"restore-floor{n}.db", p),
                )
                restores.append(r)
                restore_floors.append(rf)
        table = {k: [r[k] for r in runs] for k in ("parse", "import", "parse+import", "re-import")}
        table["floor (csv + executemany)"] = [f[0] for f in floors]
        if restores:
            table["JSON restore"] = [r[0] for r in restores]
            table["restore floor (json.load + executemany)"] = [f[0] for f in restore_floors]
        print(f"\n{'step':<42}{'median':>9}{'min':>9}{'max':>9}   goal")
        for name, values in table.items():
            goal = f"<= {GOAL_SECONDS:.0f} s" if name in ("parse+import", "re-import") else ""
            print(
                f"{name:<42}{statistics.median(values):>8.3f}s{min(values):>8.3f}s"
                f"{max(values):>8.3f}s   {goal}"
            )
        ratio = statistics.median(
            r["parse+import"] / f[0] for r, f in zip(runs, floors, strict=True)
        )
        cpu = statistics.median(
            r["parse+import CPU"] / f[1] for r, f in zip(runs, floors, strict=True)
        )
        people = int(runs[0]["new"])
        print(f"\nparse+import / floor: {ratio:.2f}x (median of the runs' ratios; CPU time "
              f"{cpu:.2f}x; goal <= {GOAL_RATIO}x)   (people per run: {people:,})")  # fmt: skip
        if restores:
            r_ratio = statistics.median(
                r[0] / f[0] for r, f in zip(restores, restore_floors, strict=True)
            )
            r_cpu = statistics.median(
                r[1] / f[1] for r, f in zip(restores, restore_floors, strict=True)
            )
            print(f"JSON restore / floor: {r_ratio:.2f}x (CPU time {r_cpu:.2f}x; goal <= "
                  f"{RESTORE_GOAL}x)   ({args.people:,} people)")  # fmt: skip
        print(f"load average after: {load()}")
        if args.json:
            floor_s = statistics.median(f[0] for f in floors)
            rows_out = [
                _row(f"{name}, {args.rows:,} rows", statistics.median(table[name]), "s",
                     "csv + executemany", floor_s, goal)
                for name, goal in (("parse+import", f"<= {GOAL_RATIO}x floor"), ("import", ""),
                                   ("re-import", ""))
            ]  # fmt: skip
            cpu_floor = statistics.median(f[1] for f in floors)
            rows_out.append(_row(f"parse+import CPU time, {args.rows:,} rows",
                                 statistics.median(r["parse+import CPU"] for r in runs), "s",
                                 "csv + executemany, CPU time", cpu_floor, ""))  # fmt: skip
            if restores:
                rows_out.append(_row(f"JSON restore, {args.people:,} people",
                                     statistics.median(table["JSON restore"]), "s",
                                     "json.load + executemany",
                                     statistics.median(f[0] for f in restore_floors),
                                     f"<= {RESTORE_GOAL}x floor"))  # fmt: skip
            Path(args.json).write_text(json.dumps(rows_out, indent=2) + "\n", encoding="utf-8")
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder)
    return 0


def _row(
    case: str, value: float, unit: str, floor_name: str, floor: float | None, goal: str
) -> dict[str, object]:
    """One row for bench/all.py: the value, the floor measured in the same run, the goal."""
    return {"bench": "import", "case": case, "value": round(value, 4), "unit": unit,
            "floor_name": floor_name, "floor": None if floor is None else round(floor, 4),
            "goal": goal}  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
