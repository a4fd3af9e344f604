"""The keys help: every binding of the screen underneath, shown ones and hidden ones."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from netui.screens.base import NetuiModal

_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "plus": "+",
    "exclamation_mark": "!",
    "escape": "esc",
    "enter": "enter",
    "space": "space",
}


def key_label(keys: str) -> str:
    return ", ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


class KeysScreen(NetuiModal[None]):
    """Lists the keys of the screen it was opened over."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="close")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        lines = [f"[b]Keys — {self.under.__class__.__name__.removesuffix('Screen')}[/b]", ""]
        seen: set[str] = set()
        nodes = [self.under, *self.under.query("*")]
        for node in nodes:
            for binding in getattr(node, "BINDINGS", []):
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                label = key_label(binding.key)
                if label in seen:
                    continue
                seen.add(label)
                lines.append(f"  [b]{label:>12}[/b]  {binding.description}")
        lines += [
            "",
            f"  [b]{'ctrl+p':>12}[/b]  Command palette: jump to any person",
            f"  [b]{'ctrl+q':>12}[/b]  Quit",
            f"  [b]{'?':>12}[/b]  This help",
        ]
        with VerticalScroll(classes="dialog wide keys"):
            yield Static("\n".join(lines))
