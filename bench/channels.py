"""Benchmark of reading archives (issue 11): a 100,000-message mbox and a 30,000-conversation
LinkedIn messages.csv.

    .venv/bin/python bench/channels.py [--messages 100000] [--conversations 30000]
        [--runs 3] [--big-mb 0] [--json PATH]

mbox scan     `read_archive(mbox)` in a fresh child process: detect, stream the headers of
              every message (bodies skipped), fold them into contacts and evidence. Google
              Takeout's shape: CRLF, X-Gmail-Labels and Gmail's ~2.5 KB of trace headers
              (ARC, DKIM, Received), multipart text + base64 HTML bodies of 2-20 KB with
              ">From " lines, 25% bulk mail, 30% sent by you, ~3,000 correspondents.
              `--light` writes 1-2 KB messages instead (a few headers, a short text body:
              per-message work, not bytes, is then what the scan spends).
  floor       a plain Python binary line scan of the same file in a child process of its
              own (`for line in file: line.startswith(b"From ")`). Goal: scan <= 3x floor.
  peak RSS    the child's ru_maxrss after the scan, and the same at a quarter of the
              messages: goal <= 150 MB and flat with the file's size. `--big-mb 1000` also
              scans a ~1 GB file once (time and peak RSS).
messages      `Store.ingest_channel(result)` of a read messages.csv into a fresh database:
ingest        every correspondent becomes a candidate (nobody is in it yet), one evidence
              row per conversation day, one write transaction.
  floor       the exact rows the import wrote (candidate, candidate_key, channel_evidence:
              read back, prebuilt tuples) inserted by raw sqlite3 `executemany` in one
              transaction into a fresh database with the same schema and netui's PRAGMAs
              (foreign keys checked, synchronous=FULL). Goal: <= 2x floor.
  read        `read_archive(messages.csv)` beside `csv.reader` of the file (printed with the
              total against csv.reader + executemany; no goal).
  re-import   the same file again into that database: everything known, nothing written.

Medians over --runs runs; a first untimed run warms the process. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from netui import demo  # noqa: E402
from netui.channels.read import read_archive  # noqa: E402
from netui.db import PRAGMAS, Database  # noqa: E402
from netui.store import Store  # noqa: E402

ME = "alex.morgan@gmail.com"
ME_URL = "https://www.linkedin.com/in/alex-morgan-0a1b2c"
FIRST, LAST = demo._FIRST, demo._LAST
WORDS = ("lunch", "intro", "coffee", "offer", "referral", "team", "question", "catch", "up")
DOMAINS = ("gmail.com", "fb.com", "stripe.com", "acme.io", "cs.stanford.edu", "outlook.com")
BULK = (
    "List-Unsubscribe: <mailto:u@shop.example>",
    "List-Id: <dev.lists.example>",
    "Precedence: bulk",
)
SCAN_GOAL, RSS_GOAL, IMPORT_GOAL = 3.0, 150.0, 2.0
TABLES = ("candidate", "candidate_key", "channel_evidence")


# ---- the mbox ----------------------------------------------------------------------------


def _b64_lines(rng: random.Random, size: int) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    line = "".join(rng.choice(alphabet) for _ in range(76))
    return "\r\n".join(line[k:] + line[:k] for k in (rng.randrange(76) for _ in range(size // 78)))


def _bodies(rng: random.Random) -> list[str]:
    """Multipart bodies as Gmail stores them: a text part, an HTML part in base64, 2-20 KB."""
    text = [f"line {i} of a body that nobody reads, with some words in it" for i in range(60)]
    bodies = []
    for k in range(64):
        plain = "\r\n".join(rng.sample(text, rng.randint(5, 40)))
        bodies.append(
            f'--b{k}\r\nContent-Type: text/plain; charset="UTF-8"\r\n\r\n{plain}\r\n'
            ">From the archive, an escaped line\r\n\r\n"
            f'--b{k}\r\nContent-Type: text/html; charset="UTF-8"\r\n'
            "Content-Transfer-Encoding: base64\r\n\r\n"
            f"{_b64_lines(rng, rng.randint(1_000, 16_000))}\r\n--b{k}--\r\n"
        )
    return bodies


def _trace(rng: random.Random) -> list[str]:
    """The Received/ARC/DKIM lines every Gmail message carries (~2 KB)."""
    sig = _b64_lines(rng, 700).replace("\r\n", "\r\n        ")
    return [
        "ARC-Seal: i=1; a=rsa-sha256; t=1700000000; cv=none; d=google.com; s=arc-20160816;\r\n"
        f"        b={sig[:400]}",
        "ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=google.com;\r\n"
        f"        h=to:subject:message-id:date:from:mime-version; bh=x; b={sig[400:700]}",
        "Received: from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41])\r\n"
        "        by mx.google.com with SMTPS id x; Mon, 01 Jan 2024 00:00:00 -0800 (PST)",
        "Received-SPF: pass (google.com: domain of x designates 209.85.220.41 as permitted)",
        "Authentication-Results: mx.google.com; dkim=pass header.i=@x; spf=pass; dmarc=pass",
        f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=x; s=20230601;\r\n"
        f"        h=to:subject:message-id:date:from:mime-version; bh=y; b={sig[700:]}",
        "MIME-Version: 1.0",
    ]


def write_mbox(path: Path, messages: int, seed: int = 5, *, light: bool = False) -> None:
    """A Takeout-style mbox: Gmail's header set (~2.5 KB) and multipart bodies (2-20 KB);
    `light`: one Received line and a short text body (1-2 KB a message)."""
    rng = random.Random(seed)
    people = [
        (f"{rng.choice(FIRST)} {rng.choice(LAST)}", i, rng.choice(DOMAINS)) for i in range(3000)
    ]
    bodies, trace = _bodies(rng), "\r\n".join(_trace(rng))
    if light:
        trace = _trace(rng)[2]
        bodies = [b[: b.index("--b", 4)] + b[-8:] for b in bodies]
    with path.open("wb", buffering=1 << 20) as out:
        for n in range(messages):
            name, i, domain = rng.choice(people)
            them = f"{name} <{name.split()[0].lower()}.{i}@{domain}>"
            mine = rng.random() < 0.3
            sender, to = (f"Alex Morgan <{ME}>", them) if mine else (them, ME)
            extra = ""
            if not mine and rng.random() < 0.25:
                shop = f"shop{n % 300}.example"
                sender = f"Deals {n % 300} <{'noreply' if n % 2 else 'deals'}@{shop}>"
                extra = rng.choice(BULK) + "\r\n"
            day = 1 + n % 28
            subject = f"{rng.choice(WORDS)} {rng.choice(WORDS)} #{rng.randrange(20000)}"
            k = rng.randrange(len(bodies))
            message = (
                f"From 17{n:016d}@xxx Mon Jan 01 00:00:00 +0000 2024\r\n"
                f"X-GM-THRID: {rng.randrange(1 << 60)}\r\n"
                f"X-Gmail-Labels: {'Sent' if mine else 'Inbox,Category Updates'}\r\n"
                f"Delivered-To: {ME}\r\n{trace}\r\n"
                f"From: {sender}\r\nTo: {to}\r\n"
                f"Date: Tue, {day} Feb 2023 {n % 24:02d}:{n % 60:02d}:00 +0000\r\n"
                f"Message-ID: <{n}.{i}@mail.gmail.com>\r\n"
                f"Subject: {'Re: ' if n % 3 else ''}{subject}\r\n{extra}"
                f'Content-Type: multipart/alternative; boundary="b{k}"\r\n\r\n'
                f"{bodies[k]}\r\n"
            )
            out.write(message.encode())


_CHILD_SCAN = """
import resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from netui.channels.read import read_archive
start = time.perf_counter()
result = read_archive(Path(sys.argv[1]), my_emails=[sys.argv[3]])
took = time.perf_counter() - start
print(took, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(result.contacts),
      len(result.evidence), result.items)
"""
_CHILD_FLOOR = """
import resource, sys, time
start = time.perf_counter()
n = 0
with open(sys.argv[1], "rb") as fh:
    for line in fh:
        if line.startswith(b"From "):
            n += 1
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, n)
"""
_CHILD_BASE = """
import resource, sys
sys.path.insert(0, sys.argv[1])
import netui.channels.read
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def child(code: str, *args: str) -> list[float]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    ).stdout
    return [float(x) for x in out.split()]


def scan(path: Path) -> list[float]:
    """(seconds, peak RSS MB, contacts, evidence, messages) of a scan in a fresh process."""
    return child(_CHILD_SCAN, str(path), str(REPO), ME)


def line_floor(path: Path) -> float:
    return child(_CHILD_FLOOR, str(path))[0]


# ---- LinkedIn messages.csv ---------------------------------------------------------------


def write_messages(path: Path, conversations: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    header = (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT"
    )
    people = [(f"{rng.choice(FIRST)} {rng.choice(LAST)}", i) for i in range(conversations * 2 // 3)]
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        fh.write(header + "\n")
        for c in range(conversations):
            name, i = people[c % len(people)] if c % 3 else rng.choice(people)
            url = f"https://www.linkedin.com/in/{name.replace(' ', '-').lower()}-{i:06d}"
            for m in range(rng.randint(1, 4)):
                mine = m % 2 == 1
                who, whose, to, tos = (
                    ("Alex Morgan", ME_URL, name, url)
                    if mine
                    else (name, url, "Alex Morgan", ME_URL)
                )
                day = 1 + (c + m // 2) % 28
                when = f"2023-{1 + c % 12:02d}-{day:02d} {m + 8:02d}:{c % 60:02d}:00 UTC"
                text = f"Hi, {rng.choice(WORDS)} about the {rng.choice(WORDS)}, thanks! #{c}"
                writer.writerow([f"conv-{c}", "", who, whose, to, tos, when, "", text, "INBOX",
                                 "", "No"])  # fmt: skip
                rows += 1
    return rows


def ingest_run(db_path: Path, csv_path: Path) -> tuple[float, float, float, int]:
    """(read s, ingest s, re-import s, candidates) into a fresh database."""
    db = Database.open(db_path)
    store = Store(db)
    start = time.perf_counter()
    result = read_archive(csv_path)
    read = time.perf_counter() - start
    summary = store.ingest_channel(result)
    ingest = time.perf_counter() - start - read
    start = time.perf_counter()
    again = store.ingest_channel(read_archive(csv_path))
    again_took = time.perf_counter() - start
    assert summary.new_candidates > 0 and again.new_candidates == 0 and again.new_entries == 0
    db.close()
    return read, ingest, again_took, summary.new_candidates


def executemany_floor(written: Path, fresh: Path, csv_path: Path) -> tuple[float, float]:
    """(csv.reader of the file, executemany of the rows the import wrote) in a fresh file."""
    source = sqlite3.connect(written)
    rows = {t: source.execute(f"SELECT * FROM {t}").fetchall() for t in TABLES}
    source.close()
    Database.open(fresh).close()  # the same schema, triggers and indexes
    conn = sqlite3.connect(fresh, isolation_level=None)
    for pragma in PRAGMAS:  # netui's own: WAL, foreign keys checked, synchronous=FULL
        conn.execute(pragma)
    start = time.perf_counter()
    with csv_path.open(encoding="utf-8", newline="") as fh:
        parsed = list(csv.reader(fh))
    read = time.perf_counter() - start
    conn.execute("BEGIN IMMEDIATE")
    for table, values in rows.items():
        if values:
            marks = ", ".join("?" * len(values[0]))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
    conn.execute("COMMIT")
    write = time.perf_counter() - start - read
    conn.close()
    assert parsed
    return read, write


# ---- main --------------------------------------------------------------------------------


def row(case: str, value: float, unit: str, floor_name: str, floor: float | None,
        goal: str) -> dict[str, object]:  # fmt: skip
    return {"bench": "channels", "case": case, "value": round(value, 4), "unit": unit,
            "floor_name": floor_name, "floor": None if floor is None else round(floor, 4),
            "goal": goal}  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--conversations", type=int, default=30_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--big-mb", type=int, default=0, help="also scan a file of about this size")
    ap.add_argument("--light", action="store_true", help="small messages (see above)")
    ap.add_argument("--json", metavar="PATH", help="write the rows for bench/all.py")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="netui-bench-channels-"))
    out: list[dict[str, object]] = []
    try:
        mbox, small = folder / "All mail Including Spam and Trash.mbox", folder / "quarter.mbox"
        write_mbox(mbox, args.messages, light=args.light)
        write_mbox(small, args.messages // 4, light=args.light)
        size = mbox.stat().st_size / 1e6
        base = child(_CHILD_BASE, str(REPO))[0]
        print(f"{mbox.name}: {args.messages:,} messages, {size:.0f} MB "
              f"(a child that only imports the readers: {base:.0f} MB RSS)")  # fmt: skip
        scan(mbox), line_floor(mbox)  # warm the page cache
        scans = [scan(mbox) for _ in range(args.runs)]
        floors = [line_floor(mbox) for _ in range(args.runs)]
        quarter = scan(small)
        t_scan, t_floor = statistics.median(s[0] for s in scans), statistics.median(floors)
        rss = max(s[1] for s in scans)
        print(f"  scan {t_scan:.2f} s · floor (binary line scan) {t_floor:.2f} s · "
              f"{t_scan / t_floor:.2f}x (goal <= {SCAN_GOAL}x)")  # fmt: skip
        print(f"  peak RSS {rss:.0f} MB at {args.messages:,} messages, {quarter[1]:.0f} MB at "
              f"{args.messages // 4:,} (goal <= {RSS_GOAL:.0f} MB, flat)")  # fmt: skip
        print(f"  {int(scans[0][2]):,} contacts, {int(scans[0][3]):,} conversation days")
        out += [
            row(f"mbox scan, {args.messages:,} messages", t_scan, "s", "binary line scan",
                t_floor, f"<= {SCAN_GOAL}x floor"),
            row(f"mbox scan peak RSS, {args.messages:,} messages", rss, "MB",
                f"peak RSS at {args.messages // 4:,} messages", quarter[1],
                f"<= {RSS_GOAL:.0f} MB"),
        ]  # fmt: skip
        if args.big_mb:
            big = folder / "big.mbox"
            write_mbox(big, int(args.messages * args.big_mb / size), light=args.light)
            b_scan, b_floor = scan(big), line_floor(big)
            print(f"  {big.stat().st_size / 1e6:.0f} MB file: scan {b_scan[0]:.1f} s, floor "
                  f"{b_floor:.1f} s, peak RSS {b_scan[1]:.0f} MB")  # fmt: skip
            out.append(row(f"mbox scan peak RSS, {args.big_mb:,} MB file", b_scan[1], "MB",
                           "", None, f"<= {RSS_GOAL:.0f} MB"))  # fmt: skip
            big.unlink()
        mbox.unlink()
        small.unlink()

        csv_path = folder / "messages.csv"
        rows = write_messages(csv_path, args.conversations)
        print(f"messages.csv: {args.conversations:,} conversations, {rows:,} rows, "
              f"{csv_path.stat().st_size / 1e6:.1f} MB")  # fmt: skip
        ingest_run(folder / "warm.db", csv_path)
        executemany_floor(folder / "warm.db", folder / "floor-warm.db", csv_path)
        runs, floors = [], []
        for n in range(args.runs):  # each run beside its floor, so both see the same load
            runs.append(ingest_run(folder / f"run{n}.db", csv_path))
            floors.append(executemany_floor(folder / f"run{n}.db", folder / f"f{n}.db", csv_path))
        t_read, t_ingest = (statistics.median(r[k] for r in runs) for k in (0, 1))
        t_again = statistics.median(r[2] for r in runs)
        f_read, f_write = (statistics.median(f[k] for f in floors) for k in (0, 1))
        print(f"  ingest {t_ingest:.2f} s · floor (executemany of the same rows) "
              f"{f_write:.2f} s · {t_ingest / f_write:.2f}x (goal <= {IMPORT_GOAL}x)")  # fmt: skip
        print(f"  read {t_read:.2f} s · csv.reader {f_read:.2f} s · read + ingest "
              f"{t_read + t_ingest:.2f} s, {(t_read + t_ingest) / (f_read + f_write):.2f}x "
              "csv.reader + executemany")  # fmt: skip
        print(f"  re-import (nothing new) {t_again:.2f} s · {runs[0][3]:,} candidates")
        case = f"{args.conversations:,} conversations"
        out += [
            row(f"messages.csv ingest, {case}", t_ingest, "s", "executemany of the same rows",
                f_write, f"<= {IMPORT_GOAL}x floor"),
            row(f"messages.csv read + ingest, {case}", t_read + t_ingest, "s",
                "csv.reader + executemany", f_read + f_write, ""),
            row(f"messages.csv re-import, {case}", t_again, "s", "csv.reader + executemany",
                f_read + f_write, ""),
        ]  # fmt: skip
        if args.json:
            Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
