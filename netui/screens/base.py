"""What every netui screen shares: the typed app, store, settings and clock, and one way to
run a store action so that any `NetuiError` becomes a notice instead of a crash.

New screens subclass `NetuiScreen` (full screens) or `NetuiModal` (dialogs):

    class TodayScreen(NetuiScreen[None]):
        def action_done(self) -> None:
            self.attempt(lambda: self.store.mark_done(...), then=lambda _: self.reload())

`attempt` is the one place a screen catches `NetuiError`: the message goes to a notice (or
to `errors`, e.g. a form's error line), and `then` runs only when the action succeeded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar, cast

from textual.app import App
from textual.screen import ModalScreen, Screen

from netui.errors import NetuiError

if TYPE_CHECKING:
    from netui.app import NetuiApp
    from netui.settings import Settings
    from netui.store import Store

R = TypeVar("R")
T = TypeVar("T")


def netui_app(app: App[object]) -> NetuiApp:
    """The running app, typed (Textual types `self.app` as a plain `App`)."""
    return cast("NetuiApp", app)


class NetuiScreen(Screen[R]):
    """A full screen with the store, settings and clock of the running netui."""

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
        `NetuiError` show its sentence (a notice, or through `errors`) and return False."""
        try:
            result = action()
        except NetuiError as exc:
            if errors is not None:
                errors(str(exc))
            else:
                self.notify(str(exc), severity="error")
            return False
        if then is not None:
            then(result)
        return True


class NetuiModal(NetuiScreen[R], ModalScreen[R]):
    """A dialog over another screen, with everything `NetuiScreen` gives."""
