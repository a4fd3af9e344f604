"""Textual's footer without its leak and its repeats: netui's screens use this `Footer`.

Each time the footer recomposes (the bindings changed: a screen came back, the focus moved)
Textual's `Footer.compose` binds every new key to `Footer.compact` with `data_bind`. The
binding is a watcher kept on the footer, and Textual drops the watchers of removed keys only
when `compact` changes, which in netui it never does (Textualize/textual#6666). So every old
key stayed alive with its styles and its cached lines: ~0.5 MB more each time a person's
page was opened and closed, without end. After a recompose the removed keys' watchers go.

Textual also rebuilds every key for every bindings signal, and opening a screen sends four:
the screen below is suspended, the new one gets focus, resumes, and focus sends one more
after the next refresh. Each rebuild took ~15 ms, with the new screen's work (a search in
a thread) waiting on it. Here signals share the recompose already pending, a covered
screen's footer waits for the signal it gets when it is back on top, and a recompose that
would show the same keys as the last compose is skipped: one rebuild when a screen opens.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    _recompose_pending = False
    _composed: Hashable = None  # what the last compose showed

    def compose(self) -> ComposeResult:
        self._composed = self._shown()
        yield from super().compose()

    def _shown(self) -> Hashable:
        """Everything Textual's compose reads to choose and label the keys."""
        if not self._bindings_ready:
            return None
        bindings = tuple(
            (key, binding, enabled, tooltip, self.app.get_key_display(binding))
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
        )
        return bindings, self.show_command_palette, self.app.ENABLE_COMMAND_PALETTE

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if screen.is_active and not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_bindings)

    async def _recompose_bindings(self) -> None:
        self._recompose_pending = False  # a signal from now on gets a recompose of its own
        if self.is_attached and self._shown() != self._composed:
            await self.recompose()

    async def recompose(self) -> None:
        await super().recompose()
        watchers: dict[str, list[tuple[Any, Any]]] = getattr(self, "__watchers", {})
        for entries in watchers.values():
            entries[:] = [(node, callback) for node, callback in entries if not node._closing]
