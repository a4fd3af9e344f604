"""Typeahead: keys typed in one burst (a fast typist, a paste of keys, typing while a big
file opens) reach the widgets in the order typed: quick add saves the whole name."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App

from netui.app import make_app
from netui.settings import Settings
from netui.store import PeopleQuery, Store
from tests.conftest import TODAY

NAMES = {"+": "plus", " ": "space", "@": "at", "\r": "enter", "/": "slash"}


def burst(app: App[Any], text: str) -> None:
    """Keys as a terminal delivers a burst: all in the app's queue before the first is read."""
    for ch in text:
        app.post_message(events.Key(NAMES.get(ch, ch), None if ch == "\r" else ch))


async def test_a_burst_typed_into_quick_add_is_saved_whole(
    store: Store, settings: Settings
) -> None:
    for attempt in range(3):
        app = make_app(store, settings, today=lambda: TODAY)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            burst(app, f"+Tess Damage{attempt} @ Nowhere\r")
            for _ in range(6):
                await pilot.pause()
            await app.workers.wait_for_complete()
    window = store.people_window(PeopleQuery(), 0, 50)
    assert window is not None
    names = sorted(p.full_name for p in window.rows)
    assert names == [f"Tess Damage{i}" for i in range(3)], names


async def test_a_burst_after_find_filters_by_every_letter(store: Store, settings: Settings) -> None:
    store.quick_add("Connor Walsh @ Stripe")
    store.quick_add("Conrad Lee @ Figma")
    store.quick_add("Dana Ruiz @ Stripe")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        burst(app, "/conn")
        for _ in range(6):
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#filter").value == "conn"  # type: ignore[attr-defined]


async def test_enter_typed_before_raw_mode_still_saves(store: Store, settings: Settings) -> None:
    """Typed before netui has the terminal in raw mode, Enter reaches it as a line feed
    (the tty's ICRNL): ctrl+j. Quick add must take it as Enter and save the person."""
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        burst(app, "+Lina Feed @ Early Co")
        app.post_message(events.Key("ctrl+j", "\n"))
        for _ in range(6):
            await pilot.pause()
        await app.workers.wait_for_complete()
    window = store.people_window(PeopleQuery(), 0, 50)
    assert window is not None
    assert [p.full_name for p in window.rows] == ["Lina Feed"]
