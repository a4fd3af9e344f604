"""What the dialogs that find someone share: type a name, the list below follows, enter
picks the highlighted option (so does a click), ↓ moves into the list."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from netui.screens.base import NetuiModal
from netui.textsafe import escape_markup as escape

R = TypeVar("R")


def person_option(option_id: str, name: str, company: str) -> Option:
    """One person in a results list: their name, then '@ company' dimmed."""
    at = f" [dim]@ {escape(company)}[/dim]" if company else ""
    return Option(f"{escape(name)}{at}", id=option_id)


class PickerModal(NetuiModal[R]):
    """A dialog with a search box (#<PICKER>-search) over its results (#<PICKER>-results):
    `fill(text)` lists what the text finds, `pick(option_id)` acts on the one chosen."""

    PICKER: ClassVar[str]

    def fill(self, text: str) -> None:
        raise NotImplementedError

    def pick(self, option_id: str) -> None:
        raise NotImplementedError

    @property
    def results(self) -> OptionList:
        return self.query_one(f"#{self.PICKER}-results", OptionList)

    def on_mount(self) -> None:
        self.query_one(f"#{self.PICKER}-search", Input).focus()
        self.fill("")

    def _is_search(self, event: Input.Changed | Input.Submitted) -> bool:
        return event.input.id == f"{self.PICKER}-search"

    @on(Input.Changed)
    def _search_changed(self, event: Input.Changed) -> None:
        if self._is_search(event):
            self.fill(event.value)

    @on(Input.Submitted)
    def _search_submitted(self, event: Input.Submitted) -> None:
        option = self.results.highlighted_option
        if self._is_search(event) and option is not None and option.id and not option.disabled:
            self.pick(option.id)

    @on(OptionList.OptionSelected)
    def _result_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == f"{self.PICKER}-results" and event.option.id:
            self.pick(event.option.id)

    def action_to_results(self) -> None:
        self.results.focus()
