"""Settings from the People screen: saved to the config folder, used at once."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from netui.app import make_app
from netui.screens.settings import SettingsScreen
from netui.settings import Settings, load_settings
from netui.store import Store
from tests.conftest import TODAY


async def test_settings_are_saved_and_used(store: Store, tmp_path: Path) -> None:
    app = make_app(store, Settings(), today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#s-my_name", Input).value = "Robin Vale"
        app.screen.query_one("#s-follow_up_days", Input).value = "soon"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "whole number" in str(app.screen.query_one("#settings-error", Static).render())
        assert load_settings().my_name == ""  # nothing saved
        app.screen.query_one("#s-follow_up_days", Input).value = "7"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
    saved = load_settings()
    assert (saved.my_name, saved.follow_up_days) == ("Robin Vale", 7)
    assert app.settings.my_name == "Robin Vale"
    assert store.follow_up_days == 7
