"""Plan or reschedule a meeting: when, where (a cafe close to them), what I will ask, notes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Static, TextArea

from netui.errors import InputError
from netui.meeting import (
    format_when,
    local_to_utc,
    parse_meeting_date,
    parse_meeting_time,
    to_local,
)
from netui.screens.dialogs import FormModal, dialog_buttons, dialog_title
from netui.textsafe import escape_markup as escape

FIELDS = {
    "date": ("Date *", "2026-12-01, today, fri"),
    "time": ("Time *", "10:00, 9:30, 3pm"),
    "place": ("Place", "the cafe's name"),
    "address": ("Address", "street, neighbourhood"),
    "ask": ("What I will ask", "one clear request, e.g. feedback on my resume"),
}
ROWS = (("date", "time"), ("place", "address"), ("ask",))


class MeetingFormScreen(FormModal[int | None], keys="MeetingForm"):
    """Plans a new meeting (or reschedules `meeting_id`); dismisses with the meeting's id."""

    def __init__(self, person_id: int, meeting_id: int | None = None) -> None:
        super().__init__()
        self.person_id = person_id
        self.meeting_id = meeting_id

    def _initial(self) -> dict[str, str]:
        if self.meeting_id is None:
            return {}
        meeting = self.store.get_meeting(self.meeting_id)
        local = to_local(meeting.starts_at)
        return {
            "date": local.date().isoformat(),
            "time": f"{local:%H:%M}",
            "place": meeting.place,
            "address": meeting.address,
            "ask": meeting.ask,
            "notes": meeting.notes,
        }

    def _reminder(self) -> str:
        person = self.store.get_person(self.person_id)
        first = escape(person.first_name or person.full_name)
        near = (
            f"{first} is in [b]{escape(person.city)}[/b]"
            if person.city
            else f"no city noted for {first} — ask where suits them"
        )
        return f"Pick a place close to them, ideally a cafe: {near}."

    def compose(self) -> ComposeResult:
        person = self.store.get_person(self.person_id)
        initial = self._initial()
        verb = "Plan a meeting" if self.meeting_id is None else "Reschedule the meeting"
        with VerticalScroll(classes="dialog form", id="meeting-form"):
            yield dialog_title(f"{verb} with {escape(person.full_name)}", "ctrl+s saves")
            yield Static(self._reminder(), id="meeting-reminder", classes="hint")
            others = [
                m
                for m in self.store.meetings_for(self.person_id)
                if m.status == "planned" and m.id != self.meeting_id
            ]
            if others:
                when = format_when(others[0].starts_at, self.today())
                yield Static(f"Already planned: {when}.", classes="muted")
            yield Static("", id="form-error", classes="error")
            for row in ROWS:
                with Horizontal(classes="meeting-form-row"):
                    for key in row:
                        label, placeholder = FIELDS[key]
                        with Vertical():
                            yield Label(label, classes="field-label")
                            yield Input(
                                initial.get(key, ""), placeholder=placeholder, id=f"mf-{key}"
                            )
                            yield Static("", id=f"me-{key}", classes="field-error error")
            yield Label("Notes", classes="field-label")
            yield TextArea(initial.get("notes", ""), id="mf-notes")
            yield dialog_buttons(("Save (ctrl+s)", "save"), ("Cancel (esc)", "cancel"))

    def on_mount(self) -> None:
        self.query_one("#mf-date", Input).focus()
        self.remember_start()

    def _value(self, key: str) -> str:
        return self.query_one(f"#mf-{key}", Input).value

    @on(Input.Changed, "#mf-date, #mf-time")
    def _check_when(self, event: Input.Changed) -> None:
        key = (event.input.id or "").removeprefix("mf-")
        self.query_one(f"#me-{key}", Static).update(self._when_error(key) or "")

    def _when_error(self, key: str) -> str | None:
        text = self._value(key).strip()
        if not text:
            return None
        try:
            if key == "date":
                parse_meeting_date(text, self.today())
            else:
                parse_meeting_time(text)
        except InputError as exc:
            return str(exc)
        return None

    def action_save(self) -> None:
        errors: dict[str, str] = {}
        for key in ("date", "time"):
            message = self._when_error(key)
            if message is None and not self._value(key).strip():
                message = f"A {key} is required."
            if message:
                errors[key] = message
                self.query_one(f"#me-{key}", Static).update(escape(message))
        if errors:
            self.query_one("#form-error", Static).update("Not saved: the time needs fixing.")
            self.query_one(f"#mf-{next(iter(errors))}", Input).focus()
            return
        day = parse_meeting_date(self._value("date"), self.today())
        starts_at = local_to_utc(day, parse_meeting_time(self._value("time")))
        place, address, ask = (self._value(key) for key in ("place", "address", "ask"))
        notes = self.query_one("#mf-notes", TextArea).text

        def save() -> int:
            if self.meeting_id is None:
                return self.store.plan_meeting(
                    self.person_id, starts_at, place=place, address=address, ask=ask, notes=notes
                )
            self.store.reschedule_meeting(
                self.meeting_id, starts_at, place=place, address=address, ask=ask, notes=notes
            )
            return self.meeting_id

        self.attempt(save, self.dismiss, errors=self.not_saved)
