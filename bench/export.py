"""Benchmark of `netui export` (issue 16): time against a plain writer, peak memory at 100k.

    env -u PYTHONDONTWRITEBYTECODE .venv/bin/python bench/export.py [--people 30000]
        [--rss-people 100000] [--runs 5] [--json PATH] [--keep DIR]

Builds a database of --people generated people (netui.demo.generate_people, then phone,
city, LinkedIn URL and notes filled in for most of them, some with commas, semicolons and
line breaks) and one of --rss-people. Then, in this process, after one untimed warm-up run of
each case, medians over --runs:

vcard     `iter_people_vcard(store.iter_export_people())` written to a file. Floor: a plain
          string writer: the same SELECT through sqlite3, each card one f-string with
          str.replace escapes, folded only where a line is long, written once. The bench checks
          the two files are byte-identical (issue goal: <= 2x).
csv       `iter_people_csv(...)` to a file. Floor: csv.writer over the sqlite3 rows with the
          same spreadsheet-safe cells, byte-identical. (No goal on the ratio: reported.)
json      `iter_tables_json(store.iter_export_tables(), ...)` to a file. Floor: the whole-file
          way it replaced, `json.dumps(store.export_tables(), indent=1)` (same text).

peak RSS  `python -m netui --db DB export --format F -o FILE` at --rss-people, measured as
          its own VmHWM (bench/_peak.py), one child per format after an untimed one (bytecode
          cache warm). Floor: `netui --help` the same way. Goal: <= 40 MB.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import io
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from netui import exporters  # noqa: E402
from netui.db import Database  # noqa: E402
from netui.demo import generate_people  # noqa: E402
from netui.names import vcard_name  # noqa: E402
from netui.store import Store  # noqa: E402
from netui.store.exports import _EXPORT_SQL, EXPORT_FIELDS, JSON_HEADER  # noqa: E402

RSS_GOAL_MB = 40


def build(path: Path, people: int) -> None:
    db = Database.open(path)
    generate_people(db, people)
    db.close()
    rng = random.Random(5)
    conn = sqlite3.connect(path)
    notes = ["", "", "met at PyCon, talked Rust; wants intros", "one\ntwo", "x" * 90]
    cities = ["Porto", "Lisbon", "São Paulo", "Zürich", "", "New York, NY"]
    rows = [
        (f"+1 555 {i % 10000:04d}", rng.choice(cities), f"https://www.linkedin.com/in/p{i}",
         rng.choice(notes), i)
        for i in range(1, people + 1)
    ]  # fmt: skip
    conn.executemany(
        "UPDATE person SET phone = ?, city = ?, linkedin_url = ?, notes = ? WHERE id = ?", rows
    )
    conn.commit()
    conn.close()


def _esc(v: str) -> str:
    v = v.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return v.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> str:
    if len(line) < 75:
        return line + "\r\n"
    out, used = [], 0
    for ch in line:
        size = len(ch.encode())
        if used + size > 75:
            out.append("\r\n ")
            used = 1
        out.append(ch)
        used += size
    return "".join(out) + "\r\n"


def plain_vcard(db_path: Path, out: Path) -> None:
    """The floor: the same text from plain tuples, one f-string per card."""
    conn = sqlite3.connect(db_path)
    ix = {f: i for i, f in enumerate(EXPORT_FIELDS)}
    cards = []
    for r in conn.execute(_EXPORT_SQL):
        full, first = r[ix["full_name"]], r[ix["first_name"]] or ""
        given, family = vcard_name(full, first)
        card = f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:netui-person-{r[ix['id']]}\r\n"
        if r[ix["city"]]:
            card += _fold(f"ADR;TYPE=HOME:;;;{_esc(r[ix['city']])};;;")
        if r[ix["email"]]:
            card += _fold(f"EMAIL;TYPE=INTERNET:{_esc(r[ix['email']])}")
        card += _fold(f"FN:{_esc(full)}") + _fold(f"N:{_esc(family)};{_esc(given)};;;")
        for key, name in (("notes", "NOTE"), ("company", "ORG"), ("phone", "TEL;TYPE=CELL"),
                          ("title", "TITLE"), ("linkedin_url", "URL")):  # fmt: skip
            if r[ix[key]]:
                card += _fold(f"{name}:{_esc(r[ix[key]])}")
        for net in ("instagram", "snapchat"):
            if r[ix[net]]:
                card += _fold(f"X-SOCIALPROFILE;TYPE={net}:{_esc(r[ix[net]])}")
        cards.append(card + "END:VCARD\r\n")
    conn.close()
    out.write_bytes("".join(cards).encode("utf-8"))


def plain_csv(db_path: Path, out: Path) -> None:
    conn = sqlite3.connect(db_path)
    ix = [EXPORT_FIELDS.index(f) for f in (*exporters.CSV_FIELDS, "last_contact")]
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(exporters.CSV_HEADER)
    safe = exporters.safe_cell
    for r in conn.execute(_EXPORT_SQL):
        writer.writerow([safe("" if r[i] is None else str(r[i])) for i in ix])
    conn.close()
    out.write_bytes(codecs.BOM_UTF8 + buf.getvalue().encode("utf-8"))


def netui_vcard(store: Store, out: Path) -> None:
    exporters.write_private(out, exporters.iter_people_vcard(store.iter_export_people()))


def netui_csv(store: Store, out: Path) -> None:
    exporters.write_private(out, exporters.iter_people_csv(store.iter_export_people()))


def netui_json(store: Store, out: Path) -> None:
    chunks = exporters.iter_tables_json(store.iter_export_tables(), JSON_HEADER)
    exporters.write_private(out, chunks)


def whole_json(store: Store, out: Path) -> None:
    data = {**store.export_tables(), "exported_at": "2026-01-01T00:00:00Z"}
    out.write_bytes((json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def timed(fn: Callable[[], None], runs: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss(args: list[str], folder: Path) -> float:
    """MB: the peak RSS of `python -m ARGS` (its own VmHWM: bench/_peak.py), run twice (the
    first warms the bytecode cache), the second reported."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = folder / "peak.kb"
    argv = [sys.executable, str(REPO / "bench" / "_peak.py"), str(out), *args]
    for _ in range(2):
        done = subprocess.run(argv, cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed: {done.stderr.strip()[-300:]}")
    return int(out.read_text()) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--people", type=int, default=30000)
    ap.add_argument("--rss-people", type=int, default=100000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", metavar="PATH", help="write the rows for bench/all.py")
    ap.add_argument("--keep", metavar="DIR", help="keep (and reuse) the databases here")
    args = ap.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="netui-bench-export-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    try:
        small = folder / f"export-{args.people}.db"
        big = folder / f"export-{args.rss_people}.db"
        for path, n in ((small, args.people), (big, args.rss_people)):
            if not path.exists():
                build(path, n)
        store = Store(Database.open(small))
        a, b = folder / "netui.out", folder / "floor.out"
        n = f"{args.people:,}"

        def pair(case: str, ours: Callable[[Path], None], floor: Callable[[Path], None],
                 floor_name: str, goal: str, same: bool = True) -> None:  # fmt: skip
            value = timed(lambda: ours(a), args.runs)
            base = timed(lambda: floor(b), args.runs)
            if same and a.read_bytes() != b.read_bytes():
                raise SystemExit(f"{case}: the export and its floor wrote different bytes")
            rows.append({"bench": "export", "case": case, "value": value * 1000, "unit": "ms",
                         "floor_name": floor_name, "floor": base * 1000, "goal": goal})  # fmt: skip
            print(f"{case:<28} {value * 1000:8.1f} ms  {floor_name:<22} {base * 1000:8.1f} ms"
                  f"  {value / base:5.2f}x  {goal}")  # fmt: skip

        pair(f"vcard {n}", lambda o: netui_vcard(store, o), lambda o: plain_vcard(small, o),
             "plain string writer", "<= 2x")  # fmt: skip
        pair(f"csv {n}", lambda o: netui_csv(store, o), lambda o: plain_csv(small, o),
             "csv.writer on sqlite3", "")  # fmt: skip
        pair(f"json {n}", lambda o: netui_json(store, o), lambda o: whole_json(store, o),
             "json.dumps whole", "", same=False)  # fmt: skip
        store.db.close()

        floor_rss = peak_rss(["netui", "--help"], folder)
        for fmt in ("csv", "json", "vcard"):
            argv = ["netui", "--db", str(big), "export", "--format", fmt,
                    "-o", str(folder / f"big.{fmt}")]  # fmt: skip
            mb = peak_rss(argv, folder)
            case = f"{fmt} peak RSS {args.rss_people:,}"
            rows.append({"bench": "export", "case": case, "value": mb, "unit": "MB",
                         "floor_name": "netui --help", "floor": floor_rss,
                         "goal": f"<= {RSS_GOAL_MB} MB"})  # fmt: skip
            print(f"{case:<28} {mb:8.1f} MB  netui --help           {floor_rss:8.1f} MB")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
