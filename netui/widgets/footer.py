"""Textual's footer without its leak: netui's screens use this `Footer`.

Each time the footer recomposes (the bindings changed: a screen came back, the focus moved)
Textual's `Footer.compose` binds every new key to `Footer.compact` with `data_bind`. The
binding is a watcher kept on the footer, and Textual drops the watchers of removed keys only
when `compact` changes, which in netui it never does (Textualize/textual#6666). So every old
key stayed alive with its styles and its cached lines: ~0.5 MB more each time a person's
page was opened and closed, without end. After a recompose the removed keys' watchers go.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    async def recompose(self) -> None:
        await super().recompose()
        watchers: dict[str, list[tuple[Any, Any]]] = getattr(self, "__watchers", {})
        for entries in watchers.values():
            entries[:] = [(node, callback) for node, callback in entries if not node._closing]
