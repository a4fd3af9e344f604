"""Typed keys reach the widget the user meant, in the order typed (the app's part).

Textual hands each key to the widget focused when it reads the key. Typed fast (or while a
big file opens), a burst like '/con' or '+Tess⏎' outruns the focus: the keys go to the old
widget, climb the page one message hop at a time, and a later key goes straight to the new
focus. `on_event` keeps the order, `_on_key` hands a stray character to the focus.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.timer import Timer


class TypeaheadApp(App[None]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_keys: deque[events.Key] = deque()  # typed while an earlier key is in flight
        self._flight: int | None = None  # the number of the key in flight, if one is
        self._flights = 0  # keys sent so far (each flight's number)
        self._flight_timer: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        """Keys typed in a burst reach the widgets one after another, in the order typed.

        Textual hands each key to the widget focused when it reads it. A key that widget
        does not take goes up the page to the app (`_on_key` below), one message hop at a
        time, while a later key goes straight to the widget focused by then: in '+Tess⏎'
        typed at once the Enter overtook 'ess' and quick add saved "T". So a key waits
        until the one before it has gone all the way up (or 0.25 s at most).
        """
        if (
            not isinstance(event, events.Key)
            or event.is_forwarded
            or getattr(event, "netui_redirected", False)
        ):
            await super().on_event(event)
            return
        if event.key == "ctrl+j":  # Enter typed before raw mode: the tty made it a line feed
            event = events.Key("enter", "\r")
        if self._flight is not None or self._held_keys:
            self._held_keys.append(event)
        else:
            await self._send_key(event)

    async def _send_key(self, event: events.Key) -> None:
        target: MessagePump = self.focused or self.screen
        await super().on_event(event)
        if not event.is_forwarded:
            return  # the app's own key (priority binding): done already
        self._flights += 1
        flight = self._flight = self._flights
        self._flight_timer = self.set_timer(0.25, lambda: self._landed(flight))
        if not target.call_later(self._follow, target, flight):
            await self._landed(flight)

    def _follow(self, node: MessagePump, flight: int) -> None:
        """Runs in `node`'s queue after the key: if it went up, it is in the parent's now."""
        parent = node._parent
        if parent is None or parent is self or not parent.call_later(self._follow, parent, flight):
            self.call_later(self._landed, flight)

    async def _landed(self, flight: int) -> None:
        if flight != self._flight:
            return  # an older flight's timer or follower
        self._flight = None
        if self._flight_timer is not None:
            self._flight_timer.stop()
            self._flight_timer = None
        while self._held_keys and self._flight is None:
            await self._send_key(self._held_keys.popleft())

    async def _on_key(self, event: events.Key) -> None:
        """Give a typed character to the widget that has the focus *now*.

        Textual sends each key to the widget focused when the key is read; a burst like
        '/con' is read at once, so 'c', 'o', 'n' go to the list before '/' has moved the
        focus to the find box. Unhandled, they bubble up here, the focus chain (now the
        box) claims them, and they are lost. Re-send them to the box instead.
        """
        focused = self.focused
        if (
            focused is not None
            and not getattr(event, "netui_redirected", False)
            and focused.check_consume_key(event.key, event.character)
        ):
            event.prevent_default()  # App._on_key (bindings) must not see it as well
            again = events.Key(event.key, event.character)
            again.netui_redirected = True  # type: ignore[attr-defined]
            focused.post_message(again)
        # Otherwise Textual goes on to App._on_key itself (handlers run down the MRO).
