"""A long session: opening and closing screens all day must not grow the app without end.

Textual's footer kept every key it ever drew alive (a watcher per key on the footer, never
dropped: Textualize/textual#6666), ~0.5 MB each time a person's page was opened and closed.
"""

from __future__ import annotations

import gc
from contextlib import suppress
from typing import Any

from textual.app import App
from textual.widgets._footer import FooterKey
from textual.worker import WorkerCancelled

from netui.app import make_app
from netui.screens.person import PersonScreen
from netui.screens.today import TodayScreen
from netui.settings import Settings
from netui.store import Store
from tests.conftest import TODAY


async def _settle(app: App[Any]) -> None:
    for _ in range(2):
        with suppress(WorkerCancelled):  # a newer reload replaced an older one
            await app.workers.wait_for_complete()


def _keys_alive() -> int:
    gc.collect()
    return sum(isinstance(o, FooterKey) for o in gc.get_objects())


async def test_opening_and_closing_screens_all_day_keeps_only_the_keys_shown(
    store: Store, settings: Settings
) -> None:
    dana = store.quick_add("Dana Ruiz @ Stripe, engineer")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = len(app.screen.query(FooterKey))
        assert shown > 3  # the People footer
        alive = []
        for _ in range(6):
            for screen in (PersonScreen(dana), TodayScreen()):
                await app.push_screen(screen)
                await _settle(app)
                await pilot.pause()
                app.pop_screen()
                await pilot.pause()
            await _settle(app)
            await pilot.pause()
            alive.append(_keys_alive())
        # each round used to leave ~37 more keys alive (its footers' and People's redrawn)
        assert alive[-1] - alive[1] < shown, f"old footer keys are kept alive: {alive}"


def test_every_screen_uses_netuis_footer() -> None:
    import re
    from pathlib import Path

    import netui

    package = Path(netui.__file__).parent
    direct = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.name != "footer.py"
        and re.search(
            r"from textual\.widgets import[^\n]*\bFooter\b|^\s+Footer,", path.read_text(), re.M
        )
    ]
    assert not direct, f"import Footer from netui.widgets.footer (it drops a leak): {direct}"
