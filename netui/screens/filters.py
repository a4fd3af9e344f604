"""Filter the People list by stage, role, closeness, company, due follow-ups, archived."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Label, Select

from netui.enums import ROLE_LABELS, Closeness, Stage
from netui.screens.dialogs import FormModal, dialog_buttons, dialog_title
from netui.store import PeopleQuery
from netui.textsafe import escape_markup as escape


class FiltersScreen(FormModal[PeopleQuery | None], keys="Filters"):
    """ctrl+s or enter on Apply applies; ctrl+r clears every filter; escape leaves as it was."""

    BUTTONS = {"apply": "apply", "reset": "reset"}

    def __init__(self, query: PeopleQuery) -> None:
        super().__init__()
        self.start = query

    def compose(self) -> ComposeResult:
        companies = [
            (f"{escape(c.name)} ({c.people})", c.id) for c in self.store.companies() if c.people
        ]
        q = self.start
        with VerticalScroll(classes="dialog"):
            yield dialog_title("Filter people", "ctrl+s applies · ctrl+r clears")
            yield Label("Stage", classes="field-label")
            yield Select([(s.value, s.value) for s in Stage], value=q.stage or Select.NULL,
                         prompt="any stage", id="stage")  # fmt: skip
            yield Label("Role", classes="field-label")
            yield Select([(label, r.value) for r, label in ROLE_LABELS.items()],
                         value=q.role or Select.NULL, prompt="any role", id="role")  # fmt: skip
            yield Label("Closeness", classes="field-label")
            yield Select([(c.label, c.value) for c in Closeness], value=q.closeness or Select.NULL,
                         prompt="any closeness", id="closeness")  # fmt: skip
            yield Label("Company", classes="field-label")
            yield Select(companies, value=q.company_id or Select.NULL, prompt="any company",
                         id="company")  # fmt: skip
            yield Checkbox("Follow-up due (today or overdue)", q.due_only, id="due")
            yield Checkbox("At a tech company (yours or netui's guess)", q.tech_only,
                           id="tech")  # fmt: skip
            yield Checkbox("Show archived people instead", q.archived, id="archived")
            yield dialog_buttons(("Apply (ctrl+s)", "apply"), ("Clear all (ctrl+r)", "reset"))

    def _value(self, selector: str) -> Any:
        value = self.query_one(selector, Select).value
        return None if value is Select.NULL else value

    def action_apply(self) -> None:
        self.dismiss(
            replace(
                self.start,
                stage=self._value("#stage"),
                role=self._value("#role"),
                closeness=self._value("#closeness"),
                company_id=self._value("#company"),
                due_only=self.query_one("#due", Checkbox).value,
                tech_only=self.query_one("#tech", Checkbox).value,
                archived=self.query_one("#archived", Checkbox).value,
            )
        )

    def action_reset(self) -> None:
        self.dismiss(PeopleQuery(sort=self.start.sort, descending=self.start.descending))
