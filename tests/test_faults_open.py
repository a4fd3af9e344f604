"""`--db` on a file netui must not write: another program's file, a read-only file, folder
or disk, an immutable file, a missing folder, a loop of links, a damaged file. Real files,
real processes (as the user nobody for a read-only folder); each refusal is one sentence
with its own exit status, and the folder is left exactly as it was: the same bytes, the
same modes, no -wal or -shm beside the file, nothing created."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.faults_support import (
    AS_NOBODY,
    make_netui_db,
    need_nobody,
    need_root,
    netui,
    nobody_env,
    nobody_folder,
    one_sentence,
    small_disk,
    state,
)

NOT_NETUI = "is not a netui database"
READ_ONLY = "is read-only (the file, its folder or its disk); netui changed nothing"


def _foreign(path: Path, *, wal: bool, table: str) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, full_name TEXT)")
    conn.execute(f"INSERT INTO {table} (full_name) VALUES ('Someone Else')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("command", [["add", "New Person"], ["list"], []])
def test_a_file_that_is_not_sqlite_is_refused_and_untouched(
    tmp_path: Path, command: list[str]
) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("my notes, not a database\n" * 50)
    before = state(tmp_path)
    result = netui("--db", str(notes), *command)
    assert result.returncode == 65
    line = one_sentence(result.stderr)
    assert f"{NOT_NETUI} (not an SQLite database); it was left as it was" in line
    assert state(tmp_path) == before


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
@pytest.mark.parametrize("table", ["songs", "person"])
@pytest.mark.parametrize("command", [["add", "New Person"], ["list"]])
def test_another_programs_sqlite_file_is_refused_and_untouched(
    tmp_path: Path, wal: bool, table: str, command: list[str]
) -> None:
    """With or without a `person` table, in either journal mode: no schema added, no switch
    to WAL (header bytes), no -wal/-shm left beside it."""
    other = tmp_path / "music.db"
    _foreign(other, wal=wal, table=table)
    before = state(tmp_path)
    result = netui("--db", str(other), *command)
    assert result.returncode == 65, result.stderr
    line = one_sentence(result.stderr)
    assert NOT_NETUI in line and "another program's SQLite database" in line
    if table == "songs":
        assert "with tables songs" in line
    assert state(tmp_path) == before  # bytes, modes, and no new file (-wal, -shm)


def test_a_read_only_netui_file_is_refused_and_keeps_its_mode(tmp_path: Path) -> None:
    db = tmp_path / "netui.db"
    make_netui_db(db)
    os.chmod(db, 0o444)
    before = state(tmp_path)
    result = netui("--db", str(db), "add", "Never Written")
    assert result.returncode == 73
    assert READ_ONLY in one_sentence(result.stderr)
    assert state(tmp_path) == before  # still 0444, same bytes, no -wal/-shm
    # reading it is fine, and leaves nothing beside it either
    listed = netui("--db", str(db), "list")
    assert listed.returncode == 0 and "Person 0" in listed.stdout
    assert state(tmp_path) == before


def test_a_database_in_a_read_only_folder_is_refused_for_an_ordinary_user() -> None:
    need_nobody()
    with nobody_folder() as home:
        folder = home / "shelf"
        env = nobody_env(home)
        subprocess.run([*AS_NOBODY, "mkdir", str(folder)], check=True)
        made = netui("--db", str(folder / "netui.db"), "add", "Kept", env=env, user="nobody")
        assert made.returncode == 0, made.stderr
        os.chmod(folder, 0o555)
        before = state(folder)
        for command in (["add", "Never Written"], []):
            result = netui("--db", str(folder / "netui.db"), *command, env=env, user="nobody")
            assert result.returncode == 73, result.stderr
            assert READ_ONLY in one_sentence(result.stderr)
            assert state(folder) == before
        fresh = netui("--db", str(folder / "new.db"), "add", "X", env=env, user="nobody")
        assert fresh.returncode == 73 and READ_ONLY in one_sentence(fresh.stderr)
        listed = netui("--db", str(folder / "netui.db"), "list", env=env, user="nobody")
        assert listed.returncode == 0 and "Kept" in listed.stdout  # reading still works
        assert state(folder) == before


def test_a_folder_of_another_user_is_permission_denied() -> None:
    need_nobody()
    with nobody_folder() as home:
        folder = home / "roots"
        folder.mkdir(mode=0o755)  # root's: nobody may look, not write
        result = netui("--db", str(folder / "netui.db"), "add", "X", env=nobody_env(home),
                       user="nobody")  # fmt: skip
        assert result.returncode == 77
        assert "permission denied" in one_sentence(result.stderr)
        assert list(folder.iterdir()) == []


def test_an_immutable_file_is_refused_and_untouched(tmp_path: Path) -> None:
    need_root("set the immutable attribute (chattr +i)")
    db = tmp_path / "netui.db"
    make_netui_db(db)
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
        pytest.skip("this file system has no immutable attribute (chattr +i failed)")
    try:
        before = state(tmp_path)
        result = netui("--db", str(db), "add", "Never Written")
        assert result.returncode == 73
        assert READ_ONLY in one_sentence(result.stderr)
        assert state(tmp_path) == before
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)


def test_a_database_on_a_read_only_disk_is_refused() -> None:
    with small_disk(2048) as disk:
        db = disk / "netui.db"
        make_netui_db(db)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        before = state(disk)
        result = netui("--db", str(db), "add", "Never Written")
        assert result.returncode == 73
        assert READ_ONLY in one_sentence(result.stderr)
        assert state(disk) == before
        listed = netui("--db", str(db), "list")
        assert listed.returncode == 0 and "Person 2" in listed.stdout


def test_a_missing_folder_a_file_as_folder_and_a_loop_of_links_create_nothing(
    tmp_path: Path,
) -> None:
    tmp_path = tmp_path / "place"  # (netui's config folder is made beside it)
    tmp_path.mkdir()
    (tmp_path / "notes.txt").write_text("notes")
    os.symlink(tmp_path / "loop-b", tmp_path / "loop-a")
    os.symlink(tmp_path / "loop-a", tmp_path / "loop-b")
    before = sorted(p.name for p in tmp_path.iterdir())
    cases = {
        "missing/deeper/netui.db": "The folder {tmp}/missing/deeper does not exist; create it",
        "notes.txt/netui.db": "{tmp}/notes.txt is a file, not a folder",
        "loop-a/netui.db": "{tmp}/loop-a is a loop of symbolic links",
        "loop-a": "{tmp}/loop-a is a loop of symbolic links",
    }
    for name, said in cases.items():
        for command in (["add", "X"], ["list"]):
            result = netui("--db", str(tmp_path / name), *command)
            assert result.returncode == 66, (name, result.stderr)
            assert said.format(tmp=tmp_path) in one_sentence(result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_backup_to_a_missing_folder_names_it_and_keeps_nothing(tmp_path: Path) -> None:
    db = tmp_path / "netui.db"
    make_netui_db(db)
    result = netui("--db", str(db), "backup", "--to", str(tmp_path / "nowhere" / "x.db"))
    assert result.returncode == 66
    line = one_sentence(result.stderr)
    assert f"The folder {tmp_path}/nowhere does not exist; create it or choose another" in line
    assert not (tmp_path / "nowhere").exists()


def _trash_pages(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO company (name, name_key, created_at) VALUES (?, ?, '2026-01-01')",
        [(f"Company {i} " + "x" * 200, f"company {i}") for i in range(400)],
    )
    conn.commit()
    conn.close()
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xa5" * (4096 * 3)
    path.write_bytes(bytes(data))


def test_a_damaged_file_is_one_short_sentence_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "netui.db"
    make_netui_db(db)
    _trash_pages(db)
    before = state(tmp_path)
    result = netui("--db", str(db), "add", "Never Written")
    assert result.returncode == 3
    line = one_sentence(result.stderr)
    assert "is damaged (" in line
    assert "restore a backup from its backups/ folder" in line
    assert len(line) < 200 + len(str(db))
    assert state(tmp_path) == before


def test_an_intact_file_is_never_called_damaged_when_the_disk_is_full() -> None:
    """The issue's first finding: a full disk was 'damaged; restore a backup'."""
    from tests.faults_support import fill

    with small_disk(1024) as disk:
        db = disk / "netui.db"
        make_netui_db(db)
        fill(disk)
        before = state(disk)
        result = netui("--db", str(db), "add", "Never Written " * 200)
        line = one_sentence(result.stderr)
        assert "damaged" not in line
        assert result.returncode == 74, line
        assert "is full; free some space and try again" in line
        assert state(disk) == before


def test_backup_to_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "netui.db"
    make_netui_db(db)
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    os.chmod(shelf, 0o555)
    try:
        result = netui("--db", str(db), "backup", "--to", str(shelf / "copy.db"))
        assert result.returncode == 73
        assert f"{shelf}/copy.db {READ_ONLY}" in one_sentence(result.stderr)
        assert list(shelf.iterdir()) == []
    finally:
        os.chmod(shelf, 0o755)


def test_what_quick_check_finds_is_counted_in_one_sentence(tmp_path: Path) -> None:
    """quick_check's report (a multi-line dump) becomes a count in a short sentence."""
    db = tmp_path / "netui.db"
    make_netui_db(db)
    data = bytearray(db.read_bytes())
    data[36:40] = (7).to_bytes(4, "big")  # the header's free-page count: wrong
    db.write_bytes(bytes(data))
    before = state(tmp_path)
    result = netui("--db", str(db), "add", "Never Written")
    assert result.returncode == 3
    line = one_sentence(result.stderr)
    assert f"{db} is damaged (SQLite's check found 1 problem); it was not changed" in line
    assert state(tmp_path) == before


def test_a_database_another_user_owns_is_permission_denied_and_untouched() -> None:
    need_nobody()
    with nobody_folder() as home:
        db = home / "roots.db"
        make_netui_db(db)  # root's, 0600: nobody may neither read nor write it
        before = state(home)
        for command in (["add", "X"], ["list"]):
            result = netui("--db", str(db), *command, env=nobody_env(home), user="nobody")
            assert result.returncode == 77, result.stderr
            assert f"netui may not open {db} (permission denied)" in one_sentence(result.stderr)
            assert state(home) == before
