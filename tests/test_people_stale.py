"""A filter read made stale by the next keystroke is cut off, not finished and dropped."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from netui.app import make_app
from netui.settings import Settings
from netui.store import PeopleQuery, Store
from netui.widgets.people_table import PeopleTable
from tests.conftest import TODAY


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def seed(store: Store) -> None:
    for name in ("José Núñez", "Joanna Park", "Mei Chen", "Sam Rivera"):
        store.add_person(name)


def test_a_read_told_to_stop_gives_no_window(store: Store) -> None:
    seed(store)
    query = PeopleQuery(text="j")
    assert store.people_window(query, 0, 120, should_stop=lambda: True) is None
    window = store.people_window(query, 0, 120, should_stop=lambda: False)
    assert window is not None and window.count == 2


async def test_the_next_key_cuts_off_the_read_of_the_last_one(
    store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every read goes to a worker (as at 100,000 people on a busy machine); the read for
    'j' is held until 'o' has been typed: it stops instead of running, and the list and
    its count show 'jo'."""
    seed(store)
    real = store.people_window
    outcomes: list[tuple[str, bool]] = []
    reading, release = threading.Event(), threading.Event()

    def slow(query: PeopleQuery, offset: int, limit: int, **kwargs: Any) -> Any:
        if kwargs.get("budget") is not None:
            return None  # over the UI thread's budget: a worker reads it
        if query.text == "j":
            reading.set()
            release.wait(10)  # the user types the next letter meanwhile
        window = real(query, offset, limit, **kwargs)
        outcomes.append((query.text, window is not None))
        return window

    monkeypatch.setattr(store, "people_window", slow)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "j")
        await asyncio.to_thread(reading.wait, 10)
        await pilot.press("o")
        await pilot.pause()
        release.set()
        await settle(pilot)
        table = app.screen.query_one(PeopleTable)
        assert table.people_query.text == "jo"
        names = [table.store.people_page(table.people_query, i, 1)[0].full_name for i in (0, 1)]
        assert sorted(names) == ["Joanna Park", "José Núñez"]
        assert str(app.screen.query_one("#people-count", Static).render()) == "2 of 4"
    assert ("j", False) in outcomes  # cut off: it never read the list
    assert ("jo", True) in outcomes
