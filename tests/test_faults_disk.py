"""A disk that fills up under netui: a small real tmpfs (root; skipped where mounting is
forbidden) or a real file size limit (`ulimit -f`, any user). Mid-import, mid-edit, in the
CLI and in the app: DiskFull's sentence, exit 74, nothing half-written (the file's bytes as
they were), the app keeps running with the user's typed text, and saves once there is room.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from netui.db import Database
from netui.errors import DiskFullError
from netui.store import Store
from tests.faults_support import (
    fill,
    make_netui_db,
    netui,
    one_sentence,
    people_in,
    small_disk,
    state,
)

FULL = "is full; free some space and try again — nothing was saved half-way."
ROOM = 300 * 1024  # free space left on the small disk: enough to open, not to import


def _big_csv(path: Path, rows: int = 5000) -> Path:
    path.write_text(
        "Name,Company,Email,Notes\n"
        + "".join(
            f"Person {i},Company {i % 300},p{i}@example.com,{'n' * 80}\n" for i in range(rows)
        )
    )
    return path


def test_a_disk_filling_mid_import_is_disk_full_and_imports_nothing(tmp_path: Path) -> None:
    csv = _big_csv(tmp_path / "people.csv")
    with small_disk(8192) as disk:
        db = disk / "netui.db"
        make_netui_db(db)
        fill(disk, leave=ROOM)
        before = state(disk)
        result = netui("--db", str(db), "import", str(csv))
        assert result.returncode == 74, result.stderr
        line = one_sentence(result.stderr)
        assert f"The disk holding {db} {FULL}" in line
        assert "damaged" not in line and "unexpected" not in line
        assert state(disk) == before  # the same bytes; no -wal or -shm left behind
        assert people_in(db) == ["Person 0", "Person 1", "Person 2"]
        (disk / "filler").unlink()  # room again: the same import now works
        again = netui("--db", str(db), "import", str(csv))
        assert again.returncode == 0, again.stderr
        assert len(people_in(db)) == 5003


def test_a_full_disk_before_opening_is_disk_full_not_damaged() -> None:
    with small_disk(1024) as disk:
        db = disk / "netui.db"
        make_netui_db(db)
        fill(disk)
        before = state(disk)
        for command in (["add", "Never Written"], []):
            result = netui("--db", str(db), *command)
            assert result.returncode == 74, result.stderr
            assert FULL in one_sentence(result.stderr)
            assert state(disk) == before
        new = netui("--db", str(disk / "new.db"), "add", "X")
        assert new.returncode == 74 and FULL in one_sentence(new.stderr)
        assert not (disk / "new.db").exists()


def test_a_full_disk_still_reads_a_database_another_netui_has_open() -> None:
    """Its -wal and -shm exist (the app is open in another terminal): reading makes no new
    file, so a read on the full path (`candidates`, `meetings`) works; a write says full."""
    import sqlite3

    with small_disk(1024) as disk:
        db = disk / "netui.db"
        make_netui_db(db)
        holder = sqlite3.connect(db)  # the other netui: its -wal and -shm stay
        try:
            holder.execute("SELECT count(*) FROM person").fetchone()
            fill(disk)
            reads = {"candidates": "no candidates waiting", "meetings": "No meetings planned"}
            for command, said in reads.items():
                result = netui("--db", str(db), command)
                assert result.returncode == 0, result.stderr
                assert said in result.stdout + result.stderr and "Traceback" not in result.stderr
            write = netui("--db", str(db), "add", "Never Written")
            assert write.returncode == 74 and FULL in one_sentence(write.stderr)
        finally:
            holder.close()
        assert "Never Written" not in people_in(db)


def _limited(max_bytes: int) -> Any:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    return limit


def test_a_file_size_limit_mid_import_is_said_and_imports_nothing(tmp_path: Path) -> None:
    """`ulimit -f`: no root needed, so this runs on every machine."""
    place = tmp_path / "place"
    place.mkdir()
    db = place / "netui.db"
    make_netui_db(db)
    csv = _big_csv(tmp_path / "people.csv")
    before = state(place)
    result = subprocess.run(
        [sys.executable, "-m", "netui", "--db", str(db), "import", str(csv)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limited(db.stat().st_size + 64 * 1024),
    )
    assert result.returncode == 74, result.stderr
    line = one_sentence(result.stderr)
    assert f"{db} cannot grow: this session's file size limit (ulimit -f) is reached" in line
    assert state(place) == before
    assert people_in(db) == ["Person 0", "Person 1", "Person 2"]


def _store_on(disk: Path) -> Store:
    make_netui_db(disk / "netui.db")
    return Store(Database.open(disk / "netui.db"))


def test_the_orm_and_the_bulk_write_paths_say_disk_full_and_roll_back() -> None:
    with small_disk(4096) as disk:
        store = _store_on(disk)
        try:
            fill(disk, leave=0)
            with pytest.raises(DiskFullError) as orm:
                store.add_person("Big Notes", notes="x" * 400_000)
            assert FULL in str(orm.value)
            with pytest.raises(DiskFullError), store.db.write() as conn:
                conn.executemany(
                    "INSERT INTO company (name, name_key, created_at) VALUES (?, ?, '2026')",
                    [(f"Co {i} " + "y" * 300, f"co {i}") for i in range(3000)],
                )
            assert store.total_people() == 3
            with store.db.read() as conn:
                assert conn.execute("SELECT count(*) FROM company").fetchone()[0] == 1
            (disk / "filler").unlink()
            store.add_person("After Room", notes="x" * 400_000)  # the same store goes on
            assert store.total_people() == 4
        finally:
            store.db.close()


async def _settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_the_app_says_disk_full_keeps_the_form_and_saves_when_there_is_room(
    settings: Any,
) -> None:
    from netui.app import make_app
    from netui.screens.person_form import PersonFormScreen

    with small_disk(4096) as disk:
        store = _store_on(disk)
        try:
            app = make_app(store, settings)
            async with app.run_test(size=(100, 40)) as pilot:
                await _settle(pilot)
                await pilot.press("a")
                await _settle(pilot)
                form = app.screen
                assert isinstance(form, PersonFormScreen)
                form.query_one("#f-full_name", Input).value = "Dana Typed"
                notes = "met at the meetup; " * 20_000  # ~380 KB: more than the disk has
                form.query_one("#f-notes", TextArea).text = notes
                fill(disk, leave=0)
                await pilot.press("ctrl+s")
                await _settle(pilot)
                assert app.screen is form  # still open, nothing lost
                error = str(form.query_one("#form-error", Static).render())
                assert "Not saved: The disk holding" in error and "is full" in error
                assert form.query_one("#f-full_name", Input).value == "Dana Typed"
                assert form.query_one("#f-notes", TextArea).text == notes
                assert store.total_people() == 3
                (disk / "filler").unlink()
                await pilot.press("ctrl+s")
                await _settle(pilot)
                assert not isinstance(app.screen, PersonFormScreen)
                assert store.total_people() == 4
            assert app.return_code in (0, None)
        finally:
            store.db.close()


def test_nothing_is_left_of_a_new_database_that_did_not_fit(tmp_path: Path) -> None:
    """The schema of a new file could not be written (a file size limit below its size):
    the half-made file and its -wal/-shm are removed, not left for the next run."""
    place = tmp_path / "place"
    place.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "netui", "--db", str(place / "new.db"), "add", "X"],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limited(64 * 1024),
    )
    assert result.returncode == 74, result.stderr
    assert "file size limit (ulimit -f) is reached" in one_sentence(result.stderr)
    assert os.listdir(place) == []


def test_a_backup_to_a_full_disk_says_so_and_keeps_no_part(tmp_path: Path) -> None:
    db = tmp_path / "netui.db"
    make_netui_db(db, people=50)
    with small_disk(512) as disk:
        fill(disk, leave=64 * 1024)  # less than the database
        result = netui("--db", str(db), "backup", "--to", str(disk / "copy.db"))
        assert result.returncode == 74, result.stderr
        assert f"The disk holding {disk}/copy.db {FULL}" in one_sentence(result.stderr)
        assert sorted(os.listdir(disk)) == ["filler"]


async def test_the_app_import_on_a_filling_disk_says_so_and_imports_nothing(
    tmp_path: Path, settings: Any
) -> None:
    from netui.app import make_app
    from netui.screens.importer import ImportScreen

    csv = _big_csv(tmp_path / "people.csv")
    with small_disk(8192) as disk:
        store = _store_on(disk)
        try:
            app = make_app(store, settings)
            async with app.run_test(size=(100, 30)) as pilot:
                await _settle(pilot)
                screen = ImportScreen()
                await app.push_screen(screen)
                await _settle(pilot)
                screen.query_one("#import-path", Input).value = str(csv)
                await pilot.press("enter")
                await _settle(pilot)
                fill(disk, leave=ROOM)
                await pilot.press("ctrl+s")
                for _ in range(3):
                    await _settle(pilot)
                assert app.screen is screen  # the app runs on, the import screen is open
                status = str(screen.query_one("#import-status", Static).render())
                assert "The disk holding" in status and "is full" in status
                assert store.total_people() == 3  # nothing half-imported
        finally:
            store.db.close()
