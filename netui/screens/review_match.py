"""Match a candidate to someone already here: fuzzy suggestions first, or type to search."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from netui.screens.dialogs import dialog_title
from netui.screens.picker import PickerModal, person_option
from netui.store.candidate_review import CandidateRecord
from netui.textsafe import escape_markup as escape


class MatchScreen(PickerModal[int | None], keys="Match"):
    """Enter picks the highlighted person; the result is their id (None: cancelled)."""

    PICKER = "match"

    def __init__(self, candidate: CandidateRecord) -> None:
        super().__init__()
        self.candidate = candidate

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="match-dialog"):
            yield dialog_title(f"{escape(self.candidate.shown)} is…", "enter picks · ↓ the list")
            yield Input(placeholder="type a name to search your people", id="match-search")
            yield OptionList(id="match-results")

    def fill(self, text: str) -> None:
        results = self.results
        results.clear_options()
        if text.strip():
            found = [(r.id, r.full_name, r.company) for r in self.store.search_people(text, 8)]
        else:
            found = [(s.id, s.full_name, s.company)
                     for s in self.store.match_suggestions(self.candidate.id)]  # fmt: skip
        for pid, name, company in found:
            results.add_option(person_option(str(pid), name, company))
        if not found:
            what = "No one by that name." if text.strip() else "No one with a similar name."
            results.add_option(Option(f"[dim]{what} Type a name to search…[/dim]", disabled=True))
        elif results.option_count:
            results.highlighted = 0

    def pick(self, option_id: str) -> None:
        self.dismiss(int(option_id))
