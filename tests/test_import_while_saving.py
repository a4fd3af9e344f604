"""An import running in a worker thread while the user saves on the UI thread.

Both write on the store's one main connection (`Database.write()`): the import holds it for
its whole transaction, and the UI thread waits only UI_BUSY_TIMEOUT for it. The import is
held mid-transaction by its own progress callback (an Event, released by the test: no
sleeps, nothing timed), so the save always meets it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from netui.db import Database
from netui.errors import BusyError
from netui.importers import ParseResult, Record
from netui.store import PeopleQuery, Store
from tests.conftest import NOW, TODAY


def _contacts(n: int) -> ParseResult:
    records = [Record(i + 2, full_name=f"Imported Person{i}", company="Acme") for i in range(n)]
    return ParseResult(source="test.csv", format="csv", records=records, rows=n)


class HeldImport:
    """`store.import_records` in a thread of its own, stopped at its first progress call
    (its people are written, the transaction is still open) until `release()`."""

    def __init__(self, store: Store, result: ParseResult) -> None:
        self.inside = threading.Event()
        self.go = threading.Event()
        self.summary = ""
        self.error: BaseException | None = None

        def progress(done: int, total: int, phase: str) -> None:
            self.inside.set()
            assert self.go.wait(60), "the test never released the import"

        def run() -> None:
            try:
                self.summary = store.import_records(result, "", progress).summary()
            except BaseException as exc:  # handed to the test, which asserts on it
                self.error = exc

        self.thread = threading.Thread(target=run, name="held-import")
        self.thread.start()
        assert self.inside.wait(60), "the import never reached its writing"

    def release(self) -> None:
        self.go.set()
        self.thread.join(60)
        assert not self.thread.is_alive()


def test_a_ui_save_during_an_import_is_busy_then_goes_in_and_the_import_is_whole(
    store: Store,
) -> None:
    sam = store.add_person("Sam Zwolinski")
    store.db.ui_thread = threading.get_ident()  # this thread is the UI's
    held = HeldImport(store, _contacts(50))
    try:
        with pytest.raises(BusyError):
            store.log_interaction(sam, "note", summary="saved during the import")
        assert store.timeline(sam) == []  # nothing written by the refused save
        assert store.count_people(PeopleQuery()) == 1  # reads go on, see the last commit
    finally:
        held.release()
    assert held.error is None
    assert held.summary.startswith("new 50 ·")
    store.log_interaction(sam, "note", summary="saved during the import")  # the retry
    assert [e.summary for e in store.timeline(sam)] == ["saved during the import"]
    assert store.count_people(PeopleQuery()) == 51


async def test_the_app_saves_a_log_line_held_up_by_an_import_once_it_commits(
    db_path: Path,
) -> None:
    """The real app: a log line typed while an import (in another thread) holds the write
    says netui is waiting, the screen stays up, and the line is saved once, after the
    import commits; the import's rows all go in."""
    from textual.pilot import Pilot

    from netui.app import make_app
    from netui.screens.base import RETRY_SECONDS, WAITING
    from netui.screens.person import PersonScreen
    from netui.settings import Settings

    db = Database.open(db_path)
    store = Store(db, today=lambda: TODAY, now=lambda: NOW)
    sam = store.add_person("Sam Zwolinski")
    app = make_app(store, Settings(), today=lambda: TODAY)

    async def settle(pilot: Pilot[None]) -> None:
        for _ in range(2):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    async def until(pilot: Pilot[None], done: Callable[[], bool]) -> None:
        for _ in range(200):  # the retry runs on its timer once the write is free
            if done():
                return
            await pilot.pause(RETRY_SECONDS)

    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("slash", *"zwolinski", "enter")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, PersonScreen)
            held = HeldImport(store, _contacts(50))
            try:
                await pilot.press("l", *"note: saved during the import", "enter")
                await settle(pilot)
                assert WAITING in [n.message for n in app._notifications]
                assert store.timeline(sam) == []  # not yet: the import holds the write
                assert isinstance(app.screen, PersonScreen)  # still up, still waiting
            finally:
                held.release()
            await until(pilot, lambda: bool(store.timeline(sam)))
            assert [e.summary for e in store.timeline(sam)] == ["saved during the import"]
            await settle(pilot)
            assert held.error is None and held.summary.startswith("new 50 ·")
        assert app.return_code is None  # never ended by an error
        assert store.count_people(PeopleQuery()) == 51
        assert len(store.timeline(sam)) == 1  # saved once, not once per retry
    finally:
        db.close()
