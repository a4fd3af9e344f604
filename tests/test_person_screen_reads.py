"""The Person screen reads off the UI thread: its reload runs in a worker through read
connections, shows everything after each edit, drops a read that a newer one overtook, and
keeps working while another program holds the write lock."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from netui.app import NetuiApp, make_app
from netui.db import Database
from netui.screens.person import PersonScreen
from netui.screens.person_form import PersonFormScreen
from netui.settings import Settings
from netui.store import Store
from tests.conftest import NOW, TODAY
from tests.test_busy import holding
from tests.test_person_screen import prompts, settle, text_of

READS = ("get_person", "company_name", "timeline", "unreadable_values", "links_for",
         "drafts_for", "meetings_for", "timeline_months")  # fmt: skip


class ThreadNotingStore(Store):
    """The real store, noting which thread each of the screen's reads ran on."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.read_threads: dict[str, set[int]] = {name: set() for name in READS}

    def __getattribute__(self, name: str) -> Any:
        value = super().__getattribute__(name)
        if name in READS:
            threads = super().__getattribute__("read_threads")[name]

            def noted(*args: Any, **kwargs: Any) -> Any:
                threads.add(threading.get_ident())
                return value(*args, **kwargs)

            return noted
        return value


@pytest.fixture
def noting(db_path: Path) -> Any:
    db = Database.open(db_path)
    yield ThreadNotingStore(db, today=lambda: TODAY, now=lambda: NOW)
    db.close()


def _seed(store: Store) -> int:
    sam = store.add_person(
        "Sam Rivera", company="Stripe", title="Account Executive", role="other_tech",
        closeness="friend", email="sam@example.com",
    )  # fmt: skip
    bea = store.add_person("Bea Ee", company="Figma")
    store.add_link(sam, bea, "knows")
    store.log_interaction(sam, "email", direction="out", at=NOW - timedelta(days=3),
                          summary="asked about the payments team")  # fmt: skip
    store.save_draft(sam, intent="follow_up", tone="warm", channel="email",
                     subject="Thanks for the intro", body="Hi Sam")  # fmt: skip
    store.plan_meeting(sam, NOW + timedelta(days=2), place="Blue Bottle")
    return sam


async def _open(pilot: Pilot[Any], person_id: int) -> PersonScreen:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, NetuiApp)
    app.open_person(person_id)
    await settle(pilot)
    assert isinstance(app.screen, PersonScreen)
    return app.screen


def _shows_everything(app: NetuiApp, title: str) -> None:
    card = text_of(app, "#person-card")
    assert "Sam Rivera" in card and f"{title} @ Stripe" in card
    assert "Stage" in text_of(app, "#person-plan")
    assert any("Bea Ee" in p for p in prompts(app, "#links"))
    assert "Thanks for the intro" in text_of(app, "#person-drafts")
    assert "Blue Bottle" in text_of(app, "#person-meetings")
    assert any("asked about the payments team" in line for line in prompts(app, "#timeline"))


async def test_the_reads_run_off_the_ui_thread_and_show_everything_after_edits(
    noting: ThreadNotingStore, settings: Settings
) -> None:
    sam = _seed(noting)
    app = make_app(noting, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        ui = threading.get_ident()
        for threads in noting.read_threads.values():
            threads.clear()
        screen = await _open(pilot, sam)
        _shows_everything(app, "Account Executive")
        for name, threads in noting.read_threads.items():
            assert threads and ui not in threads, f"{name} ran on the UI thread"

        await pilot.press("l", *"coffee yesterday: talked about on-call", "enter")
        await settle(pilot)
        assert any("talked about on-call" in line for line in prompts(app, "#timeline"))
        _shows_everything(app, "Account Executive")

        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, PersonFormScreen)
        app.screen.query_one("#f-title", Input).value = "Staff Engineer"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        _shows_everything(app, "Staff Engineer")

        screen.query_one("#links").focus()
        await pilot.press("d")
        await settle(pilot)
        assert prompts(app, "#links") == ["No links: k links someone they know."]
        assert "Staff Engineer @ Stripe" in text_of(app, "#person-card")


async def test_a_read_overtaken_by_a_newer_one_is_dropped(store: Store, settings: Settings) -> None:
    sam = _seed(store)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await _open(pilot, sam)
        timeline = screen.query_one("#timeline")
        older, stale = screen._generation, screen._view(timeline, None)  # type: ignore[arg-type]
        store.update_person(sam, title="Staff Engineer")
        screen.reload()
        await settle(pilot)
        assert "Staff Engineer @ Stripe" in text_of(app, "#person-card")
        screen._show(older, stale)  # the older read arriving last changes nothing
        await pilot.pause()
        assert "Staff Engineer @ Stripe" in text_of(app, "#person-card")


async def test_the_person_screen_reads_while_another_program_holds_the_write_lock(
    db_path: Path, settings: Settings
) -> None:
    db = Database.open(db_path, busy_timeout=0.2)
    store = Store(db, today=lambda: TODAY, now=lambda: NOW)
    try:
        sam = _seed(store)
        app = make_app(store, settings, today=lambda: TODAY)
        async with app.run_test(size=(100, 34)) as pilot:
            await settle(pilot)
            with holding(db_path):
                screen = await _open(pilot, sam)
                _shows_everything(app, "Account Executive")
                await pilot.press("e")  # another screen, then back: the screen reads again
                await settle(pilot)
                await pilot.press("escape")
                await settle(pilot)
                assert app.screen is screen
                screen.reload()
                await settle(pilot)
                _shows_everything(app, "Account Executive")
                await pilot.press("tab")
                assert app.focused is not None and app.focused.id == "links"
            await pilot.press("e")  # once the other program is done, edits save again
            await settle(pilot)
            app.screen.query_one("#f-title", Input).value = "Staff Engineer"
            await pilot.press("ctrl+s")
            await settle(pilot)
            _shows_everything(app, "Staff Engineer")
        assert app.return_code is None
    finally:
        db.close()
