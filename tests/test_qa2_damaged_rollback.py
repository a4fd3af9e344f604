"""A damaged file in rollback-journal mode (a copy made by another tool, the sqlite3 shell,
a restore): the app's start-up must not switch it to WAL (a write) before the health check
has run. RELIABILITY 5: a damaged file is reported and not written to."""

from __future__ import annotations

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
