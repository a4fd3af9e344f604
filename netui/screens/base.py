"""What every netui screen shares: the typed app, store, settings and clock, and one way to
run a store action so that any `NetuiError` becomes a notice instead of a crash.

New screens subclass `NetuiScreen` (full screens) or `NetuiModal` (dialogs):

    class TodayScreen(NetuiScreen[None]):
        def action_done(self) -> None:
            self.attempt(lambda: self.store.mark_done(...), then=lambda _: self.reload())

`attempt` is the one place a screen catches `NetuiError`: the message goes to a notice (or
to `errors`, e.g. a form's error line), and `then` runs only when the action succeeded.
While another program holds the database (a BusyError: the UI thread never waits more than
a moment for the lock) it says so once and retries on a timer, so the change is saved as
soon as the other program lets go and `then` runs then. Put everything that must follow
the change in `then`, not after the call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from textual.app import App
from textual.screen import ModalScreen, Screen

from netui.errors import BusyError, NetuiError
from netui.widgets.bindings import KeyTable

if TYPE_CHECKING:
    from netui.app import NetuiApp
    from netui.settings import Settings
    from netui.store import Store

R = TypeVar("R")
T = TypeVar("T")

WAITING = "netui is waiting for another program using this database; it saves when it can."
RETRY_SECONDS = 0.25


def netui_app(app: App[object]) -> NetuiApp:
    """The running app, typed (Textual types `self.app` as a plain `App`)."""
    return cast("NetuiApp", app)


class NetuiScreen(KeyTable, Screen[R]):
    """A full screen with the store, settings and clock of the running netui."""

    _waiting = False  # a change is waiting for another program's lock

    @property
    def netui(self) -> NetuiApp:
        return netui_app(self.app)

    @property
    def store(self) -> Store:
        return self.netui.store

    @property
    def settings(self) -> Settings:
        return self.netui.settings

    def today(self) -> date:
        """Today by the app's clock (the tests fix it)."""
        return self.netui.today()

    def attempt(
        self,
        action: Callable[[], T],
        then: Callable[[T], object] | None = None,
        *,
        errors: Callable[[str], object] | None = None,
    ) -> bool:
        """Run one store action. On success call `then(result)` and return True; on a
        `NetuiError` show its sentence (a notice, or through `errors`) and return False.
        On a BusyError return False, say netui is waiting, and try again until it works."""
        try:
            result = action()
        except BusyError:
            if not self._waiting:
                self._waiting = True
                self.notify(WAITING, severity="warning", timeout=4)
            self.set_timer(RETRY_SECONDS, lambda: self.attempt(action, then, errors=errors))
            return False
        except NetuiError as exc:
            if errors is not None:
                errors(str(exc))
            else:
                self.notify(str(exc), severity="error")
            return False
        self._waiting = False
        if then is not None:
            then(result)
        return True

    def patiently(self, action: Callable[[], T]) -> T:
        """For thread workers: run a store action, waiting (each try waits busy_timeout)
        for as long as another program holds the database, and saying so once."""
        from textual.worker import get_current_worker

        said = False
        while True:
            try:
                return action()
            except BusyError:
                if get_current_worker().is_cancelled:
                    raise
                if not said:
                    said = True
                    self.app.call_from_thread(self.notify, WAITING, severity="warning")


class LiveScreen(NetuiScreen[R]):
    """A screen of what the store holds now: `reload()` when it opens and each time it is
    shown again (back from a screen it opened); the widget `FOCUS` names has the focus."""

    FOCUS: ClassVar[str]

    def reload(self) -> None:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.reload()
        self.query_one(self.FOCUS).focus()

    def on_screen_resume(self) -> None:
        self.reload()


class NetuiModal(NetuiScreen[R], ModalScreen[R]):
    """A dialog over another screen, with everything `NetuiScreen` gives."""
