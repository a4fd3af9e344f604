"""After an intro is logged: who were you introduced to? Pick one of your people or add them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from netui.screens.dialogs import dialog_title
from netui.screens.picker import PickerModal, person_option
from netui.store.links import Introduction
from netui.textsafe import escape_markup as escape

NEW_PERSON = "new"


class IntroducedScreen(PickerModal[Introduction | None], keys="Introduced"):
    """Type a name: enter links the highlighted person, or adds them (quick-add grammar);
    escape skips (the intro stays logged)."""

    PICKER = "introduced"

    def __init__(self, introducer_id: int, introducer: str) -> None:
        super().__init__()
        self.introducer_id = introducer_id
        self.introducer = introducer

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="introduced-dialog"):
            yield dialog_title(
                f"Who did {escape(self.introducer)} introduce you to?", "enter adds", esc="skips"
            )
            yield Input(
                placeholder="a name from your people, or new: Dana Ruiz @ Stripe, engineer",
                id="introduced-search",
            )
            yield OptionList(id="introduced-results")
            yield Static(
                "[dim]They are linked (introduced by), start at the beginning of the "
                "pipeline, and their page shows how to approach them.[/dim]",
                classes="hint",
            )
            yield Static("", id="introduced-error", classes="error")

    def fill(self, text: str) -> None:
        results = self.results
        results.clear_options()
        if not text.strip():
            results.add_option(Option("[dim]Type their name…[/dim]", disabled=True))
            return
        results.add_option(Option(f"+ add “{escape(text.strip())}”", id=NEW_PERSON))
        for row in self.store.search_people(text, 6):
            if row.id == self.introducer_id:
                continue
            results.add_option(person_option(f"p{row.id}", row.full_name, row.company))
        # an exact match of someone you have is the likely one; else adding them
        results.highlighted = 1 if results.option_count > 1 and self._exact(text) else 0

    def _exact(self, text: str) -> bool:
        results = self.results
        if results.option_count < 2:
            return False
        prompt = str(results.get_option_at_index(1).prompt)
        return prompt.split(" [dim]")[0].casefold() == escape(text.strip()).casefold()

    def pick(self, option_id: str) -> None:
        line = self.query_one("#introduced-search", Input).value
        person_id = None if option_id == NEW_PERSON else int(option_id.removeprefix("p"))
        error = self.query_one("#introduced-error", Static)
        self.attempt(
            lambda: self.store.record_introduction(
                self.introducer_id, person_id=person_id, line=line
            ),
            self.dismiss,
            errors=lambda message: error.update(escape(message)),
        )
