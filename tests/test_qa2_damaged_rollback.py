"""A damaged file in rollback-journal mode (a copy made by another tool, the sqlite3 shell,
a restore): the app's start-up must not switch it to WAL (a write) before the health check
has run. RELIABILITY 5: a damaged file is reported and not written to."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from netui.db import Database
from netui.errors import DamagedDatabaseError
from tests.test_db import _digest, _trash_middle_pages


def _rollback_mode(path: Path) -> None:
    """What `PRAGMA journal_mode=DELETE` leaves in the header of a closed file: bytes 18
    and 19 (file format write/read version) are 1, not WAL's 2."""
    data = bytearray(path.read_bytes())
    data[18:20] = b"\x01\x01"
    path.write_bytes(bytes(data))


def test_a_damaged_file_out_of_wal_mode_is_refused_untouched_at_app_start(db_path: Path) -> None:
    _trash_middle_pages(db_path)
    _rollback_mode(db_path)
    before = _digest(db_path)
    with pytest.raises(DamagedDatabaseError) as caught:
        Database.open(db_path, check_in_background=True)  # the app's start-up path
    assert "was not changed" in str(caught.value)
    assert _digest(db_path) == before  # its header still says rollback journal: not touched
    assert not (db_path.parent / "backups").exists()


def test_a_healthy_file_out_of_wal_mode_still_opens_and_is_put_in_wal(db_path: Path) -> None:
    Database.open(db_path).close()
    _rollback_mode(db_path)
    db = Database.open(db_path, check_in_background=True)
    try:
        assert db.health_error is None
        with db.read() as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        db.close()


def _leave_wal_frames(path: Path) -> None:
    """Another program committed to the file and ended without a checkpoint (a crash, a
    kill): its -wal holds frames the next last-to-close connection folds into the file."""
    script = (
        "import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None);"
        "c.execute('PRAGMA wal_autocheckpoint=0'); c.execute('CREATE TABLE scratch (x)');"
        "c.execute('INSERT INTO scratch VALUES (1)'); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=True, timeout=60)
    assert Path(f"{path}-wal").stat().st_size > 0


def test_a_damaged_file_with_wal_frames_is_refused_untouched_at_app_start(db_path: Path) -> None:
    _trash_middle_pages(db_path)
    damaged = db_path.read_bytes()
    _leave_wal_frames(db_path)  # frames for a new table: page 1 and pages at the end
    assert db_path.read_bytes() == damaged  # the main file still holds the damage
    before = _digest(db_path)
    with pytest.raises(DamagedDatabaseError):
        db = Database.open(db_path, check_in_background=True)  # the app's start-up path
        try:
            db.require_healthy()  # the app's check after its first paint
        finally:
            db.close()  # the last connection to close folds the -wal into the file
    assert _digest(db_path) == before


@pytest.mark.parametrize("command", ["today", "stats"])
def test_a_read_only_command_leaves_another_programs_wal_alone(
    db_path: Path, tmp_path: Path, command: str
) -> None:
    """`netui today` / `stats` read on the fast path (no check, no migration): none of its
    connections may be a read-write one, whose close folds a -wal into a damaged file."""
    _trash_middle_pages(db_path)
    _leave_wal_frames(db_path)
    before = _digest(db_path)
    env = {**os.environ, "NETUI_CONFIG_DIR": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    subprocess.run(
        [sys.executable, "-m", "netui", "--db", str(db_path), command],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert _digest(db_path) == before
