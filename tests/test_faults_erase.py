"""Erase for good while another program reads the file: netui never says "Erased" while a
copy of the person is still in the database or its WAL. A real second process holds a read
transaction (tests/faults_reader.py); the marker's bytes are looked for in the real files.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from netui.db_probe import readers_of
from netui.screens.erase import ERASED, held
from netui.settings import Settings
from netui.store import PeopleQuery, Store

READER = Path(__file__).with_name("faults_reader.py")
MARKER = b"secret-marker-5521"


class Reader:
    """The second process: reading until `let_go()`."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process

    def let_go(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "done"


@contextmanager
def reading(db_path: Path) -> Iterator[Reader]:
    process = subprocess.Popen(
        [sys.executable, str(READER), str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().startswith("reading ")
        yield Reader(process)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def _name(reader: Reader) -> str:
    return Path(f"/proc/{reader.process.pid}/comm").read_text().strip()


def copies_left(db_path: Path) -> list[str]:
    """Which of the database's files still hold the marker."""
    found = []
    for suffix in ("", "-wal"):
        path = Path(f"{db_path}{suffix}")
        if path.exists() and MARKER in path.read_bytes():
            found.append(path.name)
    return found


def _archived_marker(store: Store) -> int:
    store.add_person("Keep Me")
    gone = store.add_person("Zora Marker", notes=MARKER.decode())
    store.archive_person(gone)
    assert store.db.scrub()  # everything in the file itself before the reader starts
    return gone


def test_erase_with_a_reader_is_not_called_done_until_the_scrub_succeeds(
    store: Store, db_path: Path
) -> None:
    gone = _archived_marker(store)
    with reading(db_path) as reader:
        assert store.purge_person(gone) is False  # the reader's snapshot needs the old pages
        assert readers_of(db_path) == [f"{_name(reader)}, pid {reader.process.pid}"]
        assert copies_left(db_path)  # honest: the file still holds them
        assert store.count_people(PeopleQuery(archived=True)) == 0  # gone from netui
        assert store.db.scrub() is False
        reader.let_go()
        assert store.db.scrub() is True
    assert copies_left(db_path) == []
    wal = Path(f"{db_path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # truncated: no old frames either


def test_scrub_waits_for_the_reader_to_let_go(store: Store, db_path: Path) -> None:
    gone = _archived_marker(store)
    with reading(db_path) as reader:
        assert store.purge_person(gone) is False
        done: list[bool] = []
        waiting = threading.Thread(target=lambda: done.append(store.db.scrub(wait=60)))
        waiting.start()
        reader.let_go()  # while scrub is waiting
        waiting.join(timeout=90)
        assert done == [True]
    assert copies_left(db_path) == []


def test_erase_without_a_reader_is_scrubbed_at_once(store: Store, db_path: Path) -> None:
    gone = _archived_marker(store)
    assert store.purge_person(gone) is True
    assert copies_left(db_path) == []


async def _settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def _said(app: Any) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_the_app_says_erased_only_after_the_other_reader_lets_go(
    store: Store, db_path: Path, settings: Settings
) -> None:
    from netui.app import make_app

    _archived_marker(store)
    app = make_app(store, settings)
    with reading(db_path) as reader:
        async with app.run_test(size=(100, 30)) as pilot:
            await _settle(pilot)
            await pilot.press("x")  # the archived list
            await _settle(pilot)
            await pilot.press("P")
            await _settle(pilot)
            await pilot.press("y")
            await pilot.pause()
            await pilot.pause()
            said = _said(app)
            notice = held("Zora Marker", db_path)
            assert f"another program ({_name(reader)}, pid {reader.process.pid}) holds" in notice
            assert notice in said
            assert not any(message.startswith("Erased") for message in said)
            assert copies_left(db_path)
            reader.let_go()
            await _settle(pilot)  # the scrub worker finishes once the reader is gone
            assert ERASED.format(name="Zora Marker") in _said(app)
            assert copies_left(db_path) == []
            assert store.count_people(PeopleQuery(archived=True)) == 0


def test_a_held_up_scrub_is_remembered_and_tried_again_at_close(db_path: Path) -> None:
    from netui.db import Database

    store = Store(Database.open(db_path))
    gone = _archived_marker(store)
    with reading(db_path) as reader:
        assert store.purge_person(gone) is False
        assert store.db.scrub_pending
        reader.let_go()
    store.db.close()  # nobody called scrub again: close tries once more
    assert copies_left(db_path) == []
