"""Parts of the Import screen: path completion and the column-field picker."""

from __future__ import annotations

import os

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from netui.importers.registry import all_formats
from netui.importers.spreadsheet import MAP_FIELDS, SKIP
from netui.screens.base import NetuiModal
from netui.textsafe import escape_markup as escape
from netui.widgets.bindings import KeyTable


def importable() -> tuple[str, ...]:
    """File name endings completion offers: every format's, and zips (archives come zipped)."""
    return (".zip", *(s for f in all_formats() for s in f.suffixes))


def complete_path(value: str) -> str | None:
    """'~/Down' -> '~/Downloads/' : the first folder or importable file the text starts."""
    if not value:
        return None
    expanded = os.path.expanduser(value)
    folder, prefix = os.path.split(expanded)
    try:
        names = sorted(os.listdir(folder or "."), key=str.casefold)
    except OSError:
        return None
    endings = importable()
    for name in names:
        if not name.startswith(prefix) or name == prefix:
            continue
        if name.startswith(".") and not prefix.startswith("."):
            continue
        full = os.path.join(folder, name)
        is_dir = os.path.isdir(full)
        if is_dir or name.lower().endswith(endings):
            return value + name[len(prefix) :] + ("/" if is_dir else "")
    return None


class PathSuggester(Suggester):
    """Completes file and folder names as you type; tab (or →) accepts."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


class PathInput(KeyTable, Input, keys="PathInput"):
    """A path box: tab accepts the completion shown, as in a shell; with none, tab moves on."""

    def __init__(self, value: str = "", *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(value, placeholder=placeholder, suggester=PathSuggester(), id=id)

    def action_complete(self) -> None:
        suggestion = self._suggestion
        if suggestion and len(suggestion) > len(self.value) and self.cursor_at_end:
            self.value = suggestion
            self.cursor_position = len(suggestion)
        else:
            self.screen.focus_next()


class FieldPicker(NetuiModal[str | None], keys="FieldPicker"):
    """Choose which netui field a CSV column holds."""

    def __init__(self, column: str, current: str) -> None:
        super().__init__()
        self.column = column
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="field-picker"):
            yield Label(f"Column '{escape(self.column)}' holds…")
            options = [Option(f.replace("_", " "), id=f) for f in (*MAP_FIELDS, SKIP)]
            yield OptionList(*options, id="field-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        choices = [*MAP_FIELDS, SKIP]
        options.highlighted = choices.index(self.current) if self.current in choices else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
