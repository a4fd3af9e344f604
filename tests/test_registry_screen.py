"""The Import screen on the registry: tab completes the path, archives are recognised."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from netui.app import make_app
from netui.screens.importer import ImportScreen
from netui.settings import Settings
from netui.store import Store
from tests.conftest import TODAY
from tests.test_import_screen import settle


async def test_tab_accepts_the_path_completion_shown_and_moves_on_when_there_is_none(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "Connections.csv").write_text("First Name,Last Name\n")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = ImportScreen()
        await app.push_screen(screen)
        await settle(pilot)
        box = screen.query_one("#import-path", Input)
        assert box.has_focus
        box.value = str(tmp_path) + "/exp"
        box.cursor_position = len(box.value)
        await settle(pilot)
        await pilot.press("tab")  # the folder, as a shell completes it
        await settle(pilot)
        assert box.value == str(tmp_path) + "/exports/"
        assert box.has_focus
        await pilot.press("C", "o")
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        assert box.value == str(tmp_path / "exports" / "Connections.csv")
        assert box.has_focus
        await pilot.press("tab")  # nothing left to complete: tab moves on, as everywhere
        await settle(pilot)
        assert not box.has_focus
        assert isinstance(app.focused, Select)
