"""Link a person to someone they know: pick from your people or describe a stub."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from netui.enums import LinkKind
from netui.screens.dialogs import dialog_title
from netui.screens.picker import PickerModal, person_option
from netui.store.links import LINK_LABELS
from netui.textsafe import escape_markup as escape

NEW_STUB = "new"


@dataclass(frozen=True)
class LinkMade:
    """What the link screen did, so the caller can say it and undo it."""

    link_id: int
    other_name: str
    label: str
    stub_id: int | None = None


class LinkScreen(PickerModal[LinkMade | None], keys="Link"):
    """Type to find someone; enter links the highlighted person (or makes a stub)."""

    PICKER = "link"

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id
        self._names: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        person = self.store.get_person(self.person_id)
        with Vertical(classes="dialog", id="link-dialog"):
            yield dialog_title(f"Link {escape(person.full_name)} to…", "enter links · tab moves")
            yield Select(
                [
                    (f"{escape(person.first_name or 'they')} {label} …", k.value)
                    for k, label in LINK_LABELS.items()
                ],
                value=LinkKind.knows.value,
                allow_blank=False,
                id="link-kind",
            )
            yield Input(
                placeholder="a name from your people, or someone new: Sam's roommate at Stripe",
                id="link-search",
            )
            yield OptionList(id="link-results")
            yield Static("", id="link-error", classes="error")

    def fill(self, text: str) -> None:
        results = self.results
        results.clear_options()
        self._names.clear()
        if text.strip():
            for row in self.store.search_people(text, 8):
                if row.id == self.person_id:
                    continue
                key = f"p{row.id}"
                self._names[key] = row.full_name
                results.add_option(person_option(key, row.full_name, row.company))
            stub = escape(text.strip())
            results.add_option(Option(f"+ new stub person: “{stub}”", id=NEW_STUB))
        else:
            results.add_option(Option("[dim]Type a name to search…[/dim]", disabled=True))
        if results.option_count and not results.get_option_at_index(0).disabled:
            results.highlighted = 0

    def pick(self, option_id: str) -> None:
        kind = LinkKind(str(self.query_one("#link-kind", Select).value))
        text = self.query_one("#link-search", Input).value

        def link() -> LinkMade:
            if option_id == NEW_STUB:
                stub_id, link_id = self.store.add_stub_and_link(self.person_id, text, kind)
                name = self.store.get_person(stub_id).full_name
                return LinkMade(link_id, name, LINK_LABELS[kind], stub_id)
            other = int(option_id.removeprefix("p"))
            link_id = self.store.add_link(self.person_id, other, kind)
            return LinkMade(link_id, self._names.get(option_id, ""), LINK_LABELS[kind])

        self.attempt(link, self.dismiss, errors=self.query_one("#link-error", Static).update)
