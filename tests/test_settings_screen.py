"""Settings from the People screen: saved to the config folder, used at once."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static, TextArea

from netui.app import make_app
from netui.screens.settings import SettingsScreen
from netui.settings import Settings, load_settings, settings_path
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


async def test_settings_open_ready_to_type_with_the_whole_blurb(store: Store) -> None:
    blurb = (
        "I'm a backend engineer with 4 years of Python and Go, looking for a "
        "software-engineering role on a payments or infrastructure team."
    )
    app = make_app(store, Settings(blurb=blurb), today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        await pilot.press(*"Robin")
        assert app.screen.query_one("#s-my_name", Input).value == "Robin"
        area = app.screen.query_one("#s-blurb", TextArea)
        assert area.text == blurb
        assert area.size.height >= 3  # several lines, wrapped: the whole blurb shows
        area.text = blurb + "\nI ship."
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_settings().blurb == blurb + "\nI ship."


async def test_demo_settings_never_reach_the_real_ones(store: Store) -> None:
    app = make_app(store, load_settings(demo=True), today=lambda: TODAY, demo=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        assert app.screen.query_one("#s-my_name", Input).value == "Alex Morgan"
        app.screen.query_one("#s-city", Input).value = "Lisbon"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert not settings_path().exists()
    assert load_settings() == Settings()
    assert load_settings(demo=True).city == "Lisbon"
