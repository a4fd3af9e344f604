"""The app shell: keys help, command palette to any person."""

from __future__ import annotations

from textual.widgets import Static

from netui.app import make_app
from netui.screens.keys import KeysScreen
from netui.settings import Settings
from netui.store import Store
from tests.conftest import TODAY


async def test_question_mark_lists_every_key_of_the_screen(
    store: Store, settings: Settings
) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        text = "\n".join(str(w.render()) for w in app.screen.query(Static))
        for expected in ("Find", "Quick add", "Archived people", "Reverse sort", "Undo",
                         "Duplicates", "Command palette"):  # fmt: skip
            assert expected in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, KeysScreen)


async def test_palette_jumps_to_a_person(store: Store, settings: Settings) -> None:
    zora = store.quick_add("Zora Quinn @ Stripe, engineer")
    store.quick_add("Adam Smith @ Figma")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"zora")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert type(app.screen).__name__ == "PersonScreen"
        assert getattr(app.screen, "person_id", None) == zora
