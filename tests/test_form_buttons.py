"""A form's buttons do what its keys do: Save saves, Cancel leaves (asking first when
something was typed), Apply and Clear all filter."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Button, Input

from netui.app import make_app
from netui.enums import Direction, InteractionKind
from netui.logparse import LogEntry
from netui.screens.dialogs import ConfirmScreen
from netui.screens.filters import FiltersScreen
from netui.screens.logform import LogFormScreen
from netui.screens.meeting_dialogs import DoneNotes, DoneNotesScreen
from netui.screens.meeting_form import MeetingFormScreen
from netui.screens.person_form import PersonFormScreen
from netui.screens.settings import SettingsScreen
from netui.settings import Settings
from netui.store import PeopleQuery, Store
from tests.conftest import TODAY


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def click(pilot: Pilot[Any], button: str) -> None:
    pilot.app.screen.query_one(button, Button).press()
    await settle(pilot)


async def test_form_buttons_save_and_cancel(store: Store, settings: Settings) -> None:
    sam = store.quick_add("Sam Rivera @ Stripe, recruiter")
    app = make_app(store, settings, today=lambda: TODAY)
    got: list[Any] = []
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await app.push_screen(PersonFormScreen(), got.append)
        await settle(pilot)
        await pilot.press(*"Ada Lovelace")
        await click(pilot, "#save")
        assert store.get_person(got[-1]).full_name == "Ada Lovelace"

        await app.push_screen(PersonFormScreen(sam), got.append)
        await settle(pilot)
        await pilot.press("x")
        await click(pilot, "#cancel")
        assert isinstance(app.screen, ConfirmScreen)  # something was typed: asks first
        await pilot.press("y")
        await settle(pilot)
        assert got[-1] is None
        assert store.get_person(sam).full_name == "Sam Rivera"

        await app.push_screen(MeetingFormScreen(sam), got.append)
        await settle(pilot)
        app.screen.query_one("#mf-date", Input).value = "2026-12-20"
        app.screen.query_one("#mf-time", Input).value = "10:00"
        await click(pilot, "#save")
        assert [m.id for m in store.meetings_for(sam)] == [got[-1]]
        await app.push_screen(MeetingFormScreen(sam), got.append)
        await settle(pilot)
        await click(pilot, "#cancel")  # nothing typed: leaves at once
        assert got[-1] is None

        entry = LogEntry(InteractionKind.note, Direction.none, TODAY, "met at the meetup")
        await app.push_screen(LogFormScreen(entry), got.append)
        await settle(pilot)
        await click(pilot, "#lf-save")
        assert got[-1] == entry
        await app.push_screen(LogFormScreen(entry), got.append)
        await settle(pilot)
        await click(pilot, "#lf-cancel")
        assert got[-1] is None

        await app.push_screen(DoneNotesScreen("Sam"), got.append)
        await settle(pilot)
        await click(pilot, "#save")
        assert got[-1] == DoneNotes("", "")
        await app.push_screen(DoneNotesScreen("Sam"), got.append)
        await settle(pilot)
        await click(pilot, "#cancel")
        assert got[-1] is None

        await app.push_screen(SettingsScreen(), got.append)
        await settle(pilot)
        app.screen.query_one("#s-my_name", Input).value = "Alex Morgan"
        await click(pilot, "#save")
        assert got[-1] is True
        assert app.settings.my_name == "Alex Morgan"


async def test_filter_buttons_apply_and_clear(store: Store, settings: Settings) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    got: list[Any] = []
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await app.push_screen(FiltersScreen(PeopleQuery(role="recruiter")), got.append)
        await settle(pilot)
        await click(pilot, "#apply")
        assert got[-1].role == "recruiter"
        await app.push_screen(FiltersScreen(PeopleQuery(role="recruiter")), got.append)
        await settle(pilot)
        await click(pilot, "#reset")
        assert got[-1].role is None


async def test_every_form_says_what_esc_does_in_the_same_words(
    store: Store, settings: Settings
) -> None:
    from textual.widgets import Label

    sam = store.quick_add("Sam Rivera @ Stripe, recruiter")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        for screen in (
            PersonFormScreen(),
            PersonFormScreen(sam),
            MeetingFormScreen(sam),
            FiltersScreen(PeopleQuery()),
            SettingsScreen(),
        ):
            await app.push_screen(screen)
            await settle(pilot)
            title = str(screen.query(Label).first().render())
            assert title.endswith("esc cancels"), title
            assert title.count("esc") == 1, title
            app.pop_screen()
            await settle(pilot)
