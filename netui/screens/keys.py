"""The keys help: every binding of the screen underneath, shown ones and hidden ones."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from netui.screens.base import NetuiModal
from netui.textsafe import escape_markup as escape

_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "plus": "+",
    "exclamation_mark": "!",
    "escape": "esc",
    "enter": "enter",
    "space": "space",
    "comma": ",",
    "pageup": "PgUp",
    "pagedown": "PgDn",
}


def key_label(keys: str) -> str:
    return ", ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def all_bindings() -> list[tuple[str, Binding]]:
    """(screen or widget name, binding) for every binding with an id; loads every screen."""
    import importlib
    import pkgutil

    import netui.screens
    import netui.widgets
    from netui.app import NetuiApp

    classes: dict[str, type] = {"App": NetuiApp}
    for package in (netui.screens, netui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for value in vars(module).values():
                if isinstance(value, type) and value.__module__ == module.__name__:
                    classes[value.__name__] = value
    return [
        (name, b)
        for name, cls in classes.items()
        for b in cls.__dict__.get("BINDINGS", [])
        if isinstance(b, Binding) and b.id
    ]


def binding_ids() -> set[str]:
    """Every binding id netui has: the names a [keymap] entry can use."""
    return {b.id for _owner, b in all_bindings() if b.id}


class KeysScreen(NetuiModal[None]):
    """Lists the keys of the screen it was opened over."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="close")]

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
