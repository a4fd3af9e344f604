"""The Textual app: a small shell that holds the store and opens the People screen."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

from netui import __version__
from netui.errors import NetuiError
from netui.exits import ExitLine, one_line_text
from netui.keymap import check_keymap
from netui.keys import binding_ids
from netui.settings import Settings
from netui.store import Store
from netui.widgets.app_prefs import PreferencesApp
from netui.widgets.typeahead import TypeaheadApp

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.notifications import SeverityLevel


def people_commands() -> type[Provider]:
    """The palette's people search, imported when the palette first opens (textual.command
    costs ~18 ms at start-up)."""
    from netui.screens.palette import PeopleCommands

    return PeopleCommands


AFTER_START_SECONDS = 0.5
SCREENS_CSS = Path(__file__).with_name("screens.tcss")


class NetuiApp(PreferencesApp, TypeaheadApp, keys="App"):
    """netui: every screen gets the store and settings from here (`self.app.store`)."""

    CSS_PATH = "app.tcss"  # the app and People; every other screen's rules: SCREENS_CSS
    TITLE = "netui"
    COMMANDS = App.COMMANDS | {people_commands}

    def __init__(
        self, store: Store, settings: Settings, today: Callable[[], date], *, demo: bool = False
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.today = today
        self.demo = demo  # the demo network: settings are saved to the demo's own file
        self.sub_title = f"{store.db.path.name} · v{__version__}"
        # The user's [keymap]: an entry that is not a key string, or names no binding id in
        # the key table (netui/keys.py), is left out with a notice.
        self.user_keymap, notices = check_keymap(
            settings.keymap, binding_ids(), self._settings_name
        )
        self.startup_notices = [*settings.notices, *notices]
        self._started = False  # the health check, the store's other parts: after the first paint
        self._screens_css = False  # SCREENS_CSS read (before the first other screen opens)
        if self.user_keymap:
            self.set_keymap(self.user_keymap)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice is plain text: the names, companies, paths and error sentences it
        quotes are shown as typed ('[/b] Ana' is a name, not markup that crashes the toast)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def get_default_screen(self) -> Screen[object]:
        """People is the first screen, composed with the app as Textual's default screen
        is: pushed from on_mount instead, its first full frame fell inside the app's
        start-up batch and was dropped, and it reached the terminal in pieces."""
        from netui.screens.people import PeopleScreen

        return PeopleScreen()  # type: ignore[return-value]

    def on_mount(self) -> None:
        import threading

        # Writes from this thread wait a moment for another program, not busy_timeout:
        # the screens say "waiting" and retry instead of freezing (screens/base.py).
        self.store.db.ui_thread = threading.get_ident()

        self._apply_theme()
        for notice in self.startup_notices:
            self.notify(notice, severity="warning", timeout=12)
        # The start-up work beside the first screen waits until it is painted (the list's
        # first count, below), or this long if it never is (a file too damaged to read).
        self.set_timer(AFTER_START_SECONDS, self._after_first_paint)

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        """Textual's push_screen, after reading the other screens' styles the first time
        (they are not needed to paint People, the first screen)."""
        if not self._screens_css:
            self._screens_css = True
            self.stylesheet.read(SCREENS_CSS)
            self.stylesheet.parse()  # only the new file: the others come from its cache
        return super().push_screen(*args, **kwargs)

    def first_screen_shown(self) -> None:
        """The People list showed its first count: once the frame with it is out, start
        the work that was kept off the start-up path."""
        if not self._started:
            self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        if self._started:
            return
        self._started = True
        if not gc.isenabled():  # paused for start-up (netui.fast.main): what start-up made
            gc.freeze()  # stays (modules, the first screen), so no collection walks it again
            gc.enable()
        self._watch_health()
        self._assemble_store()

    @work(thread=True, exit_on_error=False)
    def _assemble_store(self) -> None:
        """Load the store's other parts (the first paint needed only People's reads) beside
        the screen, so the first action that needs one doesn't wait for them."""
        from netui.store import assemble

        assemble()

    @work(thread=True, exit_on_error=False)
    def _watch_health(self) -> None:
        """The start-up health check runs beside the first screen; a damaged file ends the
        app with one sentence before anything is written to it."""
        try:
            self.store.db.require_healthy()
        except NetuiError as exc:
            self.call_from_thread(self.exit, None, exc.exit_code, one_line_text(exc))

    def _fatal_error(self) -> None:
        """On a crash show one line, not Textual's traceback with locals (personal data)."""
        from netui.exits import debug_enabled

        if debug_enabled():
            from rich.traceback import Traceback

            self._exit_renderables.append(Traceback(show_locals=False, width=None))
        else:
            error = type(self._exception).__name__ if self._exception else "error"
            self._exit_renderables.append(
                ExitLine(
                    f"netui: unexpected error ({error}); every saved change is kept. "
                    "Run with NETUI_DEBUG=1 to see where, and please report it."
                )
            )
        self.bell()
        self._close_messages_no_wait()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette's commands: Textual's own, then netui's screens."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("Today", "What to do next (T on People)", self.open_today)
        yield SystemCommand(
            "Progress", "Conversations per week, funnel, response rates", self.open_progress
        )

    def open_today(self) -> None:
        from netui.screens.today import TodayScreen

        self.push_screen(TodayScreen())

    def open_progress(self) -> None:
        from netui.screens.progress import ProgressScreen

        self.push_screen(ProgressScreen())

    def _print_error_renderables(self) -> None:
        """Print the app's own exit lines plainly, then anything else as Textual does."""
        import sys

        lines = [r for r in self._exit_renderables if isinstance(r, ExitLine)]
        self._exit_renderables[:] = [r for r in self._exit_renderables if r not in lines]
        for line in lines:
            print(line, file=sys.stderr, flush=True)
        super()._print_error_renderables()

    def action_show_keys(self) -> None:
        from netui.screens.keys import KeysScreen

        self.push_screen(KeysScreen(self.screen))

    def open_person(self, person_id: int) -> None:
        """Open one person (the Person screen), from any screen or the palette."""
        from netui.screens.person import PersonScreen

        self.push_screen(PersonScreen(person_id))


def make_app(
    store: Store,
    settings: Settings | None = None,
    today: Callable[[], date] | None = None,
    *,
    demo: bool = False,
) -> NetuiApp:
    """The one factory used by the CLI and the tests."""
    return NetuiApp(store, settings or Settings(), today or store.today, demo=demo)
