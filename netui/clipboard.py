"""Copying text: the system clipboard (pyperclip) off the UI thread with a timeout, else OSC 52.

pyperclip raises `PyperclipException` on a Linux box without xclip, xsel or wl-clipboard
(tmux over ssh, containers) and can hang on some Wayland/X setups, so it runs in its own
daemon thread and is given `COPY_TIMEOUT` seconds. When it fails or hangs, the text goes
to the terminal with OSC 52 (`App.copy_to_clipboard`), which nobody can confirm arrived:
the message says so. Nothing here raises: the app never freezes or crashes on a copy.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import threading
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from textual.app import App

COPY_TIMEOUT = 2.0  # seconds given to the system clipboard


class CopyRoute(StrEnum):
    system = "system"  # pyperclip said it worked
    terminal = "terminal"  # OSC 52 was sent; delivery cannot be confirmed


@dataclass(frozen=True)
class CopyResult:
    route: CopyRoute
    reason: str = ""  # why the system clipboard was not used
    in_tmux: bool = False  # tmux drops OSC 52 unless set-clipboard is on

    @property
    def message(self) -> str:
        if self.route is CopyRoute.system:
            return "Copied to the clipboard."
        tip = " In tmux, 'set -g set-clipboard on' lets it through." if self.in_tmux else ""
        return (
            f"Sent to the terminal (OSC 52) because {self.reason}. The terminal can't "
            f"confirm it arrived: paste to check.{tip}"
        )


def _why(exc: Exception) -> str:
    import pyperclip

    if isinstance(exc, pyperclip.PyperclipException):
        if sys.platform.startswith("linux"):
            return "no system clipboard was found (xclip, xsel or wl-clipboard)"
        return "the system clipboard could not be reached"
    return f"the system clipboard failed ({type(exc).__name__})"


def system_copy(text: str) -> None:
    """The system clipboard; blocking and may raise or hang (call it from a thread)."""
    import pyperclip

    pyperclip.copy(text)


async def copy_text(app: App[Any], text: str, timeout: float = COPY_TIMEOUT) -> CopyResult:
    """Copy `text`: the system clipboard if it answers within `timeout`, else OSC 52."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[str | None] = loop.create_future()

    def settle(reason: str | None) -> None:
        if not done.done():
            done.set_result(reason)

    def run() -> None:
        reason: str | None = None
        try:
            system_copy(text)
        except Exception as exc:  # any failure here only means "use OSC 52"
            reason = _why(exc)
        with contextlib.suppress(RuntimeError):  # the app closed while the clipboard hung
            loop.call_soon_threadsafe(settle, reason)

    # A daemon thread, not a worker: a hung clipboard must not hold the app open on exit.
    threading.Thread(target=run, name="netui-clipboard", daemon=True).start()
    try:
        reason = await asyncio.wait_for(done, timeout)
    except TimeoutError:
        reason = f"the system clipboard did not answer within {timeout:g} s"
    if reason is None:
        return CopyResult(CopyRoute.system)
    app.copy_to_clipboard(text)
    return CopyResult(CopyRoute.terminal, reason, in_tmux=bool(os.environ.get("TMUX")))
