"""Kill -9 in the middle of a bulk write: the file is never corrupt, never half-written."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from netui.db import Database

WRITER = """
import sys
from pathlib import Path
from netui.db import Database
from netui.demo import generate_people
db = Database.open(Path(sys.argv[1]))
print("ready", flush=True)
generate_people(db, 10_000, seed=int(sys.argv[2]))
print("done", flush=True)
"""


def test_kill_9_mid_write_leaves_all_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    Database.open(path).close()
    rng = random.Random(2026)
    before = 0
    interrupted = 0
    for attempt in range(20):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(attempt)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))  # somewhere inside the 10,000-row transaction
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = conn.execute("SELECT count(*) FROM person").fetchone()[0]
        fts = conn.execute("SELECT count(*) FROM person_fts").fetchone()[0]
        conn.close()
        assert count % 10_000 == 0, f"attempt {attempt}: {count} people, a partial write"
        assert fts == count
        interrupted += count == before
        before = count
    # The kills really landed inside the transaction most of the time (rolled back).
    assert interrupted >= 10, interrupted
    # Reopening through netui still passes its own health check.
    Database.open(path).close()
