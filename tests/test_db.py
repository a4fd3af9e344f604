"""Storage safety: PRAGMAs, foreign keys, versions, damage, migrations, backups, file modes."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from netui.db import Database
from netui.db_files import migrate
from netui.errors import DamagedDatabaseError, NetuiError, NewerDatabaseError, NotNetuiFileError
from netui.schema import MIGRATIONS
from netui.store import Store


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_pragmas_hold_on_every_connection(db_path: Path) -> None:
    db = Database.open(db_path)
    store = Store(db)
    store.add_person("Ada Lovelace")  # a write, on the main connection
    names = ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
    expected = {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000, "synchronous": 2}
    with db.write() as writer:
        assert {n: writer.execute(f"PRAGMA {n}").fetchone()[0] for n in names} == expected
    with db.read() as reader:
        assert {n: reader.execute(f"PRAGMA {n}").fetchone()[0] for n in names} == expected
    db.close()


def test_foreign_key_violation_raises(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError), store.db.write() as conn:
        conn.execute(
            "INSERT INTO interaction (person_id, kind, at, created_at) "
            "VALUES (999, 'note', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
    assert store.db.reader.execute("SELECT count(*) FROM interaction").fetchone()[0] == 0


def test_failed_store_write_rolls_back_everything(store: Store) -> None:
    """A write that fails half-way leaves nothing behind (no new company either)."""
    from netui.errors import InputError

    with pytest.raises(InputError):
        store.add_person("Bea", company="Brand New Co", email="not-an-email")
    assert store.total_people() == 0
    assert store.companies() == []


def test_newer_database_is_refused_and_untouched(db_path: Path) -> None:
    Database.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version={len(MIGRATIONS) + 1}")
    conn.close()
    before = _digest(db_path)
    with pytest.raises(NewerDatabaseError) as caught:
        Database.open(db_path)
    assert caught.value.exit_code == 2
    assert "newer netui" in str(caught.value)
    assert _digest(db_path) == before


def test_damaged_database_is_refused_and_untouched(db_path: Path) -> None:
    _trash_middle_pages(db_path)
    before = _digest(db_path)
    with pytest.raises(DamagedDatabaseError) as caught:
        Database.open(db_path)
    assert "damaged" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert _digest(db_path) == before


def test_not_a_database_is_refused(db_path: Path) -> None:
    db_path.write_text("these are my notes, not a database\n" * 100)
    before = _digest(db_path)
    with pytest.raises(NotNetuiFileError) as caught:
        Database.open(db_path)
    assert "not a netui database" in str(caught.value)
    assert caught.value.exit_code == 65
    assert _digest(db_path) == before


def test_migration_takes_a_backup_first_and_keeps_data(db_path: Path) -> None:
    step_two = "ALTER TABLE person ADD COLUMN pronouns TEXT NOT NULL DEFAULT '';"
    db = Database.open(db_path)
    Store(db).add_person("Kept Person", company="Stripe")
    db.close()
    db = Database.open(db_path, steps=[*MIGRATIONS, step_two])
    backups = list((db_path.parent / "backups").glob("*.db"))
    assert len(backups) == 1 and f"-v{len(MIGRATIONS)}-" in backups[0].name
    assert _mode(backups[0]) == 0o600
    with db.read() as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1
        assert conn.execute("SELECT full_name, pronouns FROM person").fetchall() == [
            ("Kept Person", "")
        ]
    db.close()
    backup = sqlite3.connect(backups[0])
    assert backup.execute("SELECT full_name FROM person").fetchall() == [("Kept Person",)]
    assert backup.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_failed_migration_step_leaves_version_and_schema_as_they_were(db_path: Path) -> None:
    Database.open(db_path).close()
    broken = [
        *MIGRATIONS,
        "CREATE TABLE extra (id INTEGER PRIMARY KEY);",
        "ALTER TABLE no_such_table ADD COLUMN x TEXT;",
    ]
    with pytest.raises(NetuiError) as caught:
        Database.open(db_path, steps=broken)
    assert "left as it was" in str(caught.value)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "extra" not in tables
    assert list((db_path.parent / "backups").glob("*.db"))


def test_migrate_runs_ddl_inside_the_transaction(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, ["CREATE TABLE a (x); CREATE TABLE a (y);"])
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def test_files_are_private_after_first_run_and_backup(tmp_path: Path) -> None:
    from netui.paths import ensure_private_dir

    folder = ensure_private_dir(tmp_path / "private")  # what data_dir() does (--db: yours)
    path = folder / "netui.db"
    db = Database.open(path)
    Store(db).add_person("Private Person")
    made = db.backup()
    for candidate in [path, Path(f"{path}-wal"), Path(f"{path}-shm"), made]:
        if candidate.exists():
            assert _mode(candidate) & 0o077 == 0, candidate
    assert _mode(folder) == 0o700
    assert _mode(made.parent) == 0o700
    db.close()


def test_backup_keeps_the_last_n(db_path: Path) -> None:
    db = Database.open(db_path)
    for _ in range(4):
        db.backup(keep=2)
    assert len(list((db_path.parent / "backups").glob("netui-*.db"))) == 2
    db.close()


def test_two_processes_writing_at_once_lose_nothing(db_path: Path) -> None:
    import subprocess
    import sys

    Database.open(db_path).close()
    script = (
        "import sys; from pathlib import Path; from netui.db import Database; "
        "from netui.store import Store; s = Store(Database.open(Path(sys.argv[1]))); "
        "[s.add_person(f'{sys.argv[2]} {i}') for i in range(150)]"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(db_path), tag])
        for tag in ("left", "right")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    db = Database.open(db_path)
    assert Store(db).total_people() == 300
    db.close()


def test_env_var_and_default_locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from netui.paths import database_path

    monkeypatch.setenv("NETUI_DB", str(tmp_path / "env.db"))
    assert database_path(None) == tmp_path / "env.db"
    assert database_path(str(tmp_path / "cli.db")) == tmp_path / "cli.db"
    monkeypatch.delenv("NETUI_DB")
    default = database_path(None)
    assert default.name == "netui.db"
    assert _mode(default.parent) == 0o700
    assert os.fspath(tmp_path) in os.fspath(default)


def _trash_middle_pages(path: Path) -> None:
    db = Database.open(path)
    with db.write() as conn:
        conn.executemany(
            "INSERT INTO company (name, name_key, created_at) VALUES (?, ?, '2026-01-01')",
            [(f"Company {i} " + "x" * 200, f"company {i}") for i in range(400)],
        )
    with db.read() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, 4096 * 6):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def test_background_check_blocks_every_write_to_a_damaged_file(db_path: Path) -> None:
    _trash_middle_pages(db_path)
    before = _digest(db_path)
    db = Database.open(db_path, check_in_background=True)  # the app's start-up path
    store = Store(db)
    with pytest.raises(DamagedDatabaseError):
        store.add_person("Never Written")
    with pytest.raises(DamagedDatabaseError), db.write():
        pass
    db.close()
    assert _digest(db_path) == before


def test_app_on_a_damaged_file_exits_with_one_sentence(db_path: Path) -> None:
    import subprocess
    import sys

    _trash_middle_pages(db_path)
    before = _digest(db_path)
    script = (
        "import sys; from pathlib import Path; from netui.cli import open_store;"
        "from netui.settings import Settings; from netui.app import make_app;"
        "app = make_app(open_store(Path(sys.argv[1]), Settings(), for_app=True));"
        "app.run(headless=True); sys.exit(app.return_code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(db_path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 3
    assert "is damaged" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert _digest(db_path) == before
