"""Set, snooze or clear a person's follow-up date (from the Person and People screens)."""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from netui.errors import NetuiError
from netui.logparse import parse_future_day
from netui.person_spec import PersonRecord
from netui.screens.base import NetuiModal
from netui.screens.dialogs import dialog_title
from netui.textsafe import escape_markup as escape
from netui.timeutil import relative_day

CLEAR = "clear"


def presets(today: date, default_days: int) -> list[tuple[str, date | None]]:
    """The quick choices: snooze by common spans, or clear."""
    spans = [(1, "Tomorrow"), (3, "In 3 days"), (default_days, f"In {default_days} days")]
    spans += [(7, "In a week"), (14, "In 2 weeks"), (30, "In a month")]
    seen: set[int] = set()
    choices: list[tuple[str, date | None]] = []
    for days, label in spans:
        if days not in seen:
            seen.add(days)
            choices.append((label, today + timedelta(days=days)))
    choices.append(("Clear the follow-up", None))
    return choices


class FollowUpScreen(NetuiModal[bool], keys="FollowUp"):
    """Enter on a choice, or type a day (fri, 10d, 2026-12-24); returns True if it changed."""

    def __init__(self, person_id: int, person: PersonRecord | None = None) -> None:
        super().__init__()
        self.person_id = person_id
        self.person = person  # the record a screen already read (else read here)

    def compose(self) -> ComposeResult:
        today = self.today()
        person = self.person or self.store.get_person(self.person_id)
        current = person.follow_up_on
        now = f"now {relative_day(current, today)} ({current:%a %d %b})" if current else "none set"
        self._choices = presets(today, self.settings.follow_up_days)
        with Vertical(classes="dialog", id="follow-up-dialog"):
            yield dialog_title(
                f"Follow up with {escape(person.first_name or person.full_name)}", now
            )
            yield OptionList(
                *(
                    Option(
                        f"{label:<20}[dim]{day:%a %d %b}[/dim]" if day else label,
                        id=day.isoformat() if day else CLEAR,
                    )
                    for label, day in self._choices
                ),
                id="follow-up-options",
            )
            yield Input(
                placeholder="or type a day: fri, 10d, next week, 2026-12-24", id="follow-up-day"
            )
            yield Static("", id="follow-up-error", classes="error")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def _set(self, day: date | None) -> None:

        def done(_: object) -> None:
            self.app.notify(f"Follow-up set for {day:%a %d %b}." if day else "Follow-up cleared.")
            self.dismiss(True)

        self.attempt(
            lambda: self.store.set_follow_up(self.person_id, day),
            done,
            errors=lambda message: self.query_one("#follow-up-error", Static).update(
                escape(message)
            ),
        )

    @on(OptionList.OptionSelected, "#follow-up-options")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        option_id = str(event.option.id)
        self._set(None if option_id == CLEAR else date.fromisoformat(option_id))

    @on(Input.Submitted, "#follow-up-day")
    def _typed(self, event: Input.Submitted) -> None:
        today = self.today()
        try:
            day = parse_future_day(event.value, today)
        except NetuiError as exc:
            self.query_one("#follow-up-error", Static).update(escape(str(exc)))
            return
        self._set(day)
