"""The details form for a timeline entry: kind, direction, day and summary (log or edit)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Select, Static, TextArea

from netui.enums import Direction, InteractionKind
from netui.errors import NetuiError
from netui.logparse import DATE_HELP, LogEntry, parse_past_day
from netui.screens.dialogs import FormModal, dialog_buttons, dialog_title
from netui.textsafe import escape_markup as escape

DIRECTIONS = [("you → them (out)", "out"), ("them → you (in)", "in"), ("both / n.a.", "none")]


class LogFormScreen(FormModal[LogEntry | None], keys="LogForm"):
    """ctrl+s saves, escape cancels; returns the entry for the Person screen to write."""

    BUTTONS = {"lf-save": "save", "lf-cancel": "cancel"}

    def __init__(self, entry: LogEntry, title: str = "Log an interaction") -> None:
        super().__init__()
        self.entry = entry
        self.title_text = title

    def compose(self) -> ComposeResult:
        entry = self.entry
        with VerticalScroll(classes="dialog", id="log-form"):
            yield dialog_title(escape(self.title_text), "ctrl+s saves")
            yield Static("", id="log-form-error", classes="error")
            with Horizontal(classes="log-form-row"):
                yield Select(
                    [(k.value, k.value) for k in InteractionKind],
                    value=entry.kind.value,
                    allow_blank=False,
                    id="lf-kind",
                )
                yield Select(
                    DIRECTIONS, value=entry.direction.value, allow_blank=False, id="lf-direction"
                )
            yield Label(f"When ({DATE_HELP})", classes="field-label")
            yield Input(entry.day.isoformat(), id="lf-day")
            yield Label("What happened", classes="field-label")
            yield TextArea(entry.summary, id="lf-summary", classes="notes")
            yield dialog_buttons(("Save (ctrl+s)", "lf-save"), ("Cancel (esc)", "lf-cancel"))

    def on_mount(self) -> None:
        self.query_one("#lf-summary", TextArea).focus()
        self.remember_start()

    def action_save(self) -> None:
        today = self.today()
        text = self.query_one("#lf-day", Input).value.strip() or "today"
        try:
            day = parse_past_day(text, today)
            if day is None:
                raise NetuiError(f"'{text}' is not a day: use {DATE_HELP}.")
            if day > today:
                raise NetuiError(f"{day.isoformat()} is in the future: log what has happened.")
        except NetuiError as exc:
            self.query_one("#log-form-error", Static).update(str(exc))
            self.query_one("#lf-day", Input).focus()
            return
        kind = InteractionKind(str(self.query_one("#lf-kind", Select).value))
        direction = Direction(str(self.query_one("#lf-direction", Select).value))
        summary = self.query_one("#lf-summary", TextArea).text.strip()
        self.dismiss(LogEntry(kind, direction, day, summary))
