"""The dialogs Today opens on a person: log one line, snooze or change how often to keep in
touch."""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from netui.cadence import cadence_for
from netui.cadence import cadence_table as cadences
from netui.cadence import cadence_text as every
from netui.errors import InputError, NetuiError
from netui.logparse import DATE_HELP, KIND_HELP, at_for, parse_future_day, parse_log_line
from netui.screens.base import NetuiModal
from netui.screens.dialogs import LineDialog, dialog_title
from netui.textsafe import escape_markup as escape
from netui.validate import cadence_error


class LogLineScreen(LineDialog[bool], keys="LogLine"):
    """Log one line on a person's timeline from Today: `coffee yesterday: their on-call`."""

    LINE = "log-line"

    def __init__(self, person_id: int, name: str) -> None:
        super().__init__()
        self.person_id = person_id
        self.person_name = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="log-line-dialog"):
            yield dialog_title(f"Log for {escape(self.person_name)}", "enter logs")
            yield Input(placeholder="coffee yesterday: talked about their team", id="log-line")
            yield Static(f"[dim]what: {KIND_HELP}; when: {DATE_HELP}[/dim]", classes="hint")
            yield Static("", id="log-line-error", classes="error", markup=False)

    def entered(self, text: str) -> None:
        today = self.today()
        store = self.store

        def log() -> int:
            entry = parse_log_line(text, today)
            at = None if entry.day == today else at_for(entry.day, today, store.now())
            return store.log_interaction(
                self.person_id, entry.kind, direction=entry.direction, at=at,
                summary=entry.summary,
            )  # fmt: skip

        def logged(_: int) -> None:
            self.app.notify(f"Logged for {self.person_name}.", timeout=3)
            self.dismiss(True)

        error = self.query_one("#log-line-error", Static)
        self.attempt(log, logged, errors=error.update)


SNOOZES = ((7, "A week"), (14, "Two weeks"), (30, "A month"), (90, "Three months"))


class KeepInTouchScreen(NetuiModal[bool], keys="KeepInTouch"):
    """Snooze someone going cold (no interaction is logged) or change how often to keep in
    touch with them. Returns True if anything changed."""

    def __init__(self, person_id: int, name: str) -> None:
        super().__init__()
        self.person_id = person_id
        self.person_name = name

    def compose(self) -> ComposeResult:
        today = self.today()
        own, snooze = self.store.keep_in_touch(self.person_id)
        person = self.store.get_person(self.person_id)
        table = cadences(self.settings)
        cadence = cadence_for(str(person.closeness), own, table)
        whose = "their own" if own is not None else f"as a {person.closeness.replace('_', ' ')}"
        now = f"keep in touch {every(cadence)} ({whose})"
        if snooze:
            now += f" · snoozed to {snooze:%a %d %b}"
        with Vertical(classes="dialog", id="keep-dialog"):
            yield dialog_title(f"Keep in touch with {escape(self.person_name)}", now)
            yield OptionList(
                *(
                    Option(f"Snooze: {label:<14}[dim]{today + timedelta(days=d):%a %d %b}[/dim]",
                           id=f"snooze-{d}")
                    for d, label in SNOOZES
                ),
                Option("Back to their cadence (no snooze)", id="snooze-clear"),
                id="keep-options",
            )  # fmt: skip
            yield Input(placeholder="or snooze to a day: fri, 10d, 2026-12-24", id="keep-day")
            yield Label("Keep in touch every N days (0: never; empty: from closeness)",
                        classes="field-label")  # fmt: skip
            yield Input("" if own is None else str(own), id="keep-cadence")
            yield Static("", id="keep-error", classes="error", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def _error(self, message: str) -> None:
        self.query_one("#keep-error", Static).update(message)

    def _snooze(self, day: date | None) -> None:
        def done(_: object) -> None:
            self.app.notify(
                f"{self.person_name}: snoozed to {day:%a %d %b}." if day
                else f"{self.person_name}: back to their cadence.", timeout=3,
            )  # fmt: skip
            self.dismiss(True)

        self.attempt(lambda: self.store.snooze(self.person_id, day), done, errors=self._error)

    @on(OptionList.OptionSelected, "#keep-options")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        choice = str(event.option.id).removeprefix("snooze-")
        self._snooze(None if choice == "clear" else self.today() + timedelta(days=int(choice)))

    @on(Input.Submitted, "#keep-day")
    def _typed_day(self, event: Input.Submitted) -> None:
        try:
            day = parse_future_day(event.value, self.today())
        except NetuiError as exc:
            self._error(str(exc))
            return
        self._snooze(day)

    @on(Input.Submitted, "#keep-cadence")
    def _typed_cadence(self, event: Input.Submitted) -> None:
        text = event.value.strip()

        def save() -> object:
            error = cadence_error(text)
            if error:
                raise InputError(error)
            return self.store.set_cadence(self.person_id, int(text) if text else None)

        def done(_: object) -> None:
            what = "from their closeness" if not text else every(int(text))
            self.app.notify(f"{self.person_name}: keep in touch {what}.", timeout=3)
            self.dismiss(True)

        self.attempt(save, done, errors=self._error)
