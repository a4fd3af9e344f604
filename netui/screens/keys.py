"""The keys help: every binding of the screen underneath, shown ones and hidden ones."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from netui.keys import KEYS, binding_ids, key_label
from netui.screens.base import NetuiModal
from netui.textsafe import escape_markup as escape
from netui.widgets.bindings import binding_of

__all__ = ["KeysScreen", "all_bindings", "binding_ids", "key_label"]


def all_bindings() -> list[tuple[str, Binding]]:
    """(owner, binding) for every binding with an id, from the key table (netui/keys.py)."""
    return [(spec.owner, binding_of(spec)) for spec in KEYS if spec.id]


class KeysScreen(NetuiModal[None], keys="Keys"):
    """Lists the keys of the screen it was opened over."""

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def _own_keys(self) -> list[tuple[str, str]]:
        """(keys, what they do) the screen and netui's own widgets on it define: not the
        editing keys every text box has (Textual's), which would bury them."""
        rows: list[tuple[str, str]] = []
        seen: set[str] = set()
        for node in [self.under, *self.under.query("*")]:
            for cls in type(node).__mro__:
                if not cls.__module__.startswith("netui."):
                    continue
                for binding in cls.__dict__.get("BINDINGS", []):
                    if not isinstance(binding, Binding) or not binding.description:
                        continue
                    label = key_label(self.netui.keys_of(binding))
                    if label not in seen:
                        seen.add(label)
                        rows.append((label, binding.description))
        return rows

    def compose(self) -> ComposeResult:
        app_keys = {
            b.id: self.netui.keys_of(b) for b in self.netui.BINDINGS if isinstance(b, Binding)
        }
        everywhere = [
            ("ctrl+p", "Command palette: jump to any person, change the theme"),
            (key_label(app_keys["quit"]), "Quit"),
            (key_label(app_keys["keys"]), "This help"),
        ]
        own = self._own_keys()
        width = max(len(label) for label, _ in [*own, *everywhere])
        name = self.under.__class__.__name__.removesuffix("Screen")
        lines = [f"[b]Keys — {escape(name)}[/b]", ""]
        lines += [f"  [b]{escape(k.rjust(width))}[/b]  {escape(d)}" for k, d in own]
        lines += ["", "[b]Everywhere[/b]"]
        lines += [f"  [b]{escape(k.rjust(width))}[/b]  {escape(d)}" for k, d in everywhere]
        with VerticalScroll(classes="dialog wide keys"):
            yield Static("\n".join(lines))
