"""Match a candidate to someone already here: fuzzy suggestions first, or type to search."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from netui.screens.base import NetuiModal
from netui.store.candidate_review import CandidateRecord
from netui.textsafe import escape_markup as escape
from netui.widgets.bindings import bindings_for


class MatchScreen(NetuiModal[int | None]):
    """Enter picks the highlighted person; the result is their id (None: cancelled)."""

    BINDINGS = bindings_for("Match")

    def __init__(self, candidate: CandidateRecord) -> None:
        super().__init__()
        self.candidate = candidate

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="match-dialog"):
            yield Label(
                f"[b]{escape(self.candidate.shown)} is…[/b]  "
                "[dim]enter picks · ↓ the list · esc cancels[/dim]"
            )
            yield Input(placeholder="type a name to search your people", id="match-search")
            yield OptionList(id="match-results")

    def on_mount(self) -> None:
        self.query_one("#match-search", Input).focus()
        self._fill("")

    def _fill(self, text: str) -> None:
        results = self.query_one("#match-results", OptionList)
        results.clear_options()
        if text.strip():
            found = [(r.id, r.full_name, r.company) for r in self.store.search_people(text, 8)]
        else:
            found = [(s.id, s.full_name, s.company)
                     for s in self.store.match_suggestions(self.candidate.id)]  # fmt: skip
        for pid, name, company in found:
            at = f" [dim]@ {escape(company)}[/dim]" if company else ""
            results.add_option(Option(f"{escape(name)}{at}", id=str(pid)))
        if not found:
            what = "No one by that name." if text.strip() else "No one with a similar name."
            results.add_option(Option(f"[dim]{what} Type a name to search…[/dim]", disabled=True))
        elif results.option_count:
            results.highlighted = 0

    @on(Input.Changed, "#match-search")
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#match-search")
    def _submitted(self) -> None:
        option = self.query_one("#match-results", OptionList).highlighted_option
        if option is not None and option.id and not option.disabled:
            self.dismiss(int(option.id))

    @on(OptionList.OptionSelected, "#match-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(int(event.option.id))

    def action_to_results(self) -> None:
        self.query_one("#match-results", OptionList).focus()
