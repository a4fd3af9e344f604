"""The Person screen's action keys (stage, follow-up, keep in touch, paths, drafts, brief)
use the record the screen read in its worker: none of them reads the database on the UI
thread, and each still opens what it opens, for the person on screen."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from netui.app import make_app
from netui.db import Database
from netui.screens.brief import BriefScreen
from netui.screens.composer_parts import DraftPickerScreen
from netui.screens.followup import FollowUpScreen
from netui.screens.paths import PathsScreen
from netui.screens.stage import StageScreen
from netui.settings import Settings
from netui.store import Store
from tests.conftest import NOW, TODAY
from tests.test_person_screen import settle, text_of
from tests.test_person_screen_reads import _open, _seed

READS = ("get_person", "drafts_for", "meetings_for")
ACTIONS = Path("netui/screens/person.py"), Path("netui/screens/followup.py")


class CallerNotingStore(Store):
    """The real store, noting reads that the Person screen or the follow-up dialog made
    on the UI thread."""

    ui_thread = threading.get_ident()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.on_ui: list[str] = []

    def __getattribute__(self, name: str) -> Any:
        value = super().__getattribute__(name)
        if name not in READS:
            return value
        caller = Path(sys._getframe(1).f_code.co_filename)
        if threading.get_ident() == CallerNotingStore.ui_thread and any(
            caller.parts[-3:] == a.parts for a in ACTIONS
        ):
            super().__getattribute__("on_ui").append(f"{name} from {caller.name}")
        return value


@pytest.fixture
def noting(db_path: Path) -> Any:
    db = Database.open(db_path)
    yield CallerNotingStore(db, today=lambda: TODAY, now=lambda: NOW)
    db.close()


KEYS = [
    ("s", StageScreen, "Stage for Sam Rivera"),
    ("f", FollowUpScreen, "Follow up with Sam"),
    ("z", None, "Sam Rivera"),
    ("p", PathsScreen, ""),
    ("r", DraftPickerScreen, ""),
    ("b", BriefScreen, ""),
]


@pytest.mark.parametrize(("key", "opens", "says"), KEYS, ids=[k[0] for k in KEYS])
async def test_an_action_key_reads_nothing_on_the_ui_thread(
    noting: CallerNotingStore, settings: Settings, key: str, opens: type | None, says: str
) -> None:
    sam = _seed(noting)
    app = make_app(noting, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        CallerNotingStore.ui_thread = threading.get_ident()
        screen = await _open(pilot, sam)
        noting.on_ui.clear()
        await pilot.press(key)
        await settle(pilot)
        assert app.screen is not screen, f"{key} opened nothing"
        if opens is not None:
            assert isinstance(app.screen, opens)
        if says:
            assert says in " ".join(str(w.render()) for w in app.screen.query("Label"))
        assert noting.on_ui == []
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert "Sam Rivera" in text_of(app, "#person-card")
