"""A program reading a database in one long read transaction until told to let go (for the
erase tests): another netui, a backup tool or an SQLite browser looking at the file.

Run as `python tests/faults_reader.py DB`: it begins a read transaction, reads every
person (its snapshot now needs those pages), prints "reading N", and ends the transaction
and closes when a line arrives on stdin, then prints "done".
"""

from __future__ import annotations

import sqlite3
import sys


def main(path: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    people = conn.execute("SELECT full_name, notes FROM person").fetchall()
    print(f"reading {len(people)}", flush=True)
    sys.stdin.readline()
    conn.execute("COMMIT")
    conn.close()
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
