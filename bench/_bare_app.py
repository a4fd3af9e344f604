"""The start-up floor for bench/people.py: a bare Textual app importing netui's libraries.

Header, an Input, a Static with text and a Footer; nothing else. bench/people.py starts it in a
pseudo-terminal exactly like netui and times it until MARKER is painted, so ratios can be read.
"""

from __future__ import annotations

import sqlite3  # noqa: F401  (same libraries as netui)

import platformdirs  # noqa: F401
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, Static

MARKER = "bare app ready"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="/ find")
        yield Static(f"{MARKER}: 1,000 people")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
