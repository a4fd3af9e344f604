"""A program holding a database's write lock until told to let go (for the busy tests).

Run as `python tests/busy_holder.py DB`: it takes the write lock (BEGIN IMMEDIATE), adds
one person, prints "held", and commits when a line arrives on stdin, then prints "done".
"""

from __future__ import annotations

import sqlite3
import sys


def main(path: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=10000")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO person (full_name, created_at, updated_at) "
        "VALUES ('Held Holder', '2026-11-26 15:00:00', '2026-11-26 15:00:00')"
    )
    print("held", flush=True)
    sys.stdin.readline()
    conn.execute("COMMIT")
    conn.close()
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
