"""One key never loses typed data: escape on a filled form asks first."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from netui.app import make_app
from netui.screens.dialogs import ConfirmScreen
from netui.screens.meeting import MeetingScreen
from netui.screens.meeting_form import MeetingFormScreen
from netui.settings import Settings
from netui.store import Store
from tests.conftest import TODAY


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_meeting_form_asks_before_discarding(store: Store, settings: Settings) -> None:
    sam = store.quick_add("Sam Rivera @ Stripe, recruiter")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await app.push_screen(MeetingScreen(sam))
        await settle(pilot)
        assert isinstance(app.screen, MeetingFormScreen)
        await pilot.press(*"fri")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, MeetingFormScreen)
        assert app.screen.query_one("#mf-date", Input).value == "fri"
        app.screen.query_one("#mf-date", Input).value = ""
        await pilot.press("escape")  # nothing typed any more: leaves at once
        await settle(pilot)
        assert not isinstance(app.screen, (MeetingFormScreen, ConfirmScreen))
