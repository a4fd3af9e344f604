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

    def compose(self) -> ComposeResult:
        lines = [f"[b]Keys — {self.under.__class__.__name__.removesuffix('Screen')}[/b]", ""]
        seen: set[str] = set()
        nodes = [self.under, *self.under.query("*")]
        for node in nodes:
            for binding in getattr(node, "BINDINGS", []):
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                label = key_label(self.netui.keys_of(binding))
                if label in seen:
                    continue
                seen.add(label)
                lines.append(f"  [b]{label:>12}[/b]  {binding.description}")
        app_keys = {
            b.id: self.netui.keys_of(b) for b in self.netui.BINDINGS if isinstance(b, Binding)
        }
        lines += [
            "",
            f"  [b]{'ctrl+p':>12}[/b]  Command palette: jump to any person, change the theme",
            f"  [b]{key_label(app_keys['quit']):>12}[/b]  Quit",
            f"  [b]{key_label(app_keys['keys']):>12}[/b]  This help",
        ]
        with VerticalScroll(classes="dialog wide keys"):
            yield Static("\n".join(lines))
