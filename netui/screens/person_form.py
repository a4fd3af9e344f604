"""Add or edit a person: every field, checked inline; nothing is saved half-way."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from netui.enums import ROLE_LABELS, Closeness, HowWeKnow, Role
from netui.roles import infer_role
from netui.screens.base import NetuiModal
from netui.screens.dialogs import ConfirmScreen
from netui.store import Store
from netui.validate import FIELD_CHECKS

TEXT_INPUTS = (
    ("full_name", "Name *", "Jane Doe"),
    ("company", "Company", "picked from existing ones as you type (→ accepts)"),
    ("title", "Title", "Senior Software Engineer"),
    (
        "how_we_know_text",
        "How we know each other (your note; 'we met at…' goes in messages)",
        "college roommate · or, said in messages: we met at PyCon 2023",
    ),
    ("email", "Email", "jane@example.com"),
    ("phone", "Phone", "+1 555 0100"),
    ("linkedin_url", "LinkedIn", "https://www.linkedin.com/in/jane"),
    ("instagram", "Instagram", "@jane"),
    ("snapchat", "Snapchat", "jane.snaps"),
    ("other_channel", "Other channel", "Discord, Signal…"),
    ("city", "City", "Berlin"),
    ("follow_up_on", "Follow up on", "YYYY-MM-DD"),
)
TEXT_INPUT_KEYS = frozenset(key for key, _, _ in TEXT_INPUTS)
SELECTS: tuple[tuple[str, str, list[tuple[str, str]]], ...] = (
    ("role", "Role", [(label, role.value) for role, label in ROLE_LABELS.items()]),
    ("closeness", "Closeness", [(c.label, c.value) for c in Closeness]),
    ("how_we_know", "How we know them", [(h.value, h.value) for h in HowWeKnow]),
)


class CompanySuggester(Suggester):
    """Completes the company field from companies already in the database."""

    def __init__(self, store: Store) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.store = store

    async def get_suggestion(self, value: str) -> str | None:
        if not value.strip():
            return None
        names = self.store.company_names(value, 1)
        return names[0] if names else None


class PersonFormScreen(NetuiModal[int | None]):
    """`a` adds, `e` edits. ctrl+s saves; escape asks before discarding typed changes."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]

    def __init__(self, person_id: int | None = None) -> None:
        super().__init__()
        self.person_id = person_id
        self.initial: dict[str, str] = {}
        # The role the title guessed last; the guess follows the title until the user
        # picks a role themselves (typing "Senior Engineer" then "...ing Recruiter" ends
        # at recruiter, not locked at engineer).
        self.guessed_role = Role.unknown.value
        self.unreadable: set[str] = set()  # stored values netui could not read

    def _initial_values(self) -> dict[str, str]:
        if self.person_id is None:
            return {"role": "unknown", "closeness": "acquaintance", "how_we_know": "other"}
        person = self.store.get_person(self.person_id)
        values = {
            key: str(getattr(person, key) or "") for key, _, _ in TEXT_INPUTS if key != "company"
        }
        values["company"] = self.store.company_name(person.company_id)
        values["follow_up_on"] = person.follow_up_on.isoformat() if person.follow_up_on else ""
        for column, raw, _why in self.store.unreadable_values(self.person_id):
            self.unreadable.add(column)  # saved even when left as shown
            if column in TEXT_INPUT_KEYS and isinstance(raw, str):
                values[column] = raw  # shown as stored, so the inline check says what to fix
        for key, _, _ in SELECTS:
            values[key] = str(getattr(person, key))
        values["notes"] = person.notes
        return values

    def compose(self) -> ComposeResult:
        self.initial = self._initial_values()
        self.guessed_role = infer_role(self.initial.get("title", "")).value
        title = "Add a person" if self.person_id is None else f"Edit {self.initial['full_name']}"
        with VerticalScroll(classes="dialog form"):
            yield Label(f"[b]{title}[/b]  [dim]ctrl+s saves · esc cancels · * required[/dim]")
            yield Static("", id="form-error", classes="error")
            for key, label, placeholder in TEXT_INPUTS:
                yield Label(label, classes="field-label")
                suggester = CompanySuggester(self.store) if key == "company" else None
                yield Input(
                    self.initial.get(key, ""),
                    placeholder=placeholder,
                    id=f"f-{key}",
                    suggester=suggester,
                )
                yield Static("", id=f"e-{key}", classes="field-error error")
            for key, label, options in SELECTS:
                yield Label(label, classes="field-label")
                yield Select(options, value=self.initial[key], allow_blank=False, id=f"f-{key}")
            yield Label("Notes", classes="field-label")
            yield TextArea(self.initial.get("notes", ""), id="f-notes", classes="notes")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#f-full_name", Input).focus()

    def values(self) -> dict[str, str]:
        values = {key: self.query_one(f"#f-{key}", Input).value for key, _, _ in TEXT_INPUTS}
        for key, _, _ in SELECTS:
            values[key] = str(self.query_one(f"#f-{key}", Select).value)
        values["notes"] = self.query_one("#f-notes", TextArea).text
        return values

    @on(Input.Changed)
    def _check_field(self, event: Input.Changed) -> None:
        key = (event.input.id or "").removeprefix("f-")
        check = FIELD_CHECKS.get(key)
        if check is not None:
            self.query_one(f"#e-{key}", Static).update(check(event.value.strip()) or "")
        if key == "full_name":
            self.query_one("#e-full_name", Static).update("")
        role = self.query_one("#f-role", Select)
        if key == "title" and role.value in (Role.unknown.value, self.guessed_role):
            self.guessed_role = infer_role(event.value).value
            role.value = self.guessed_role

    def _changed(self) -> dict[str, Any]:
        values = self.values()
        if self.person_id is None:
            return values
        return {k: v for k, v in values.items() if v != self.initial.get(k, "")}

    def action_save(self) -> None:
        values = self.values()
        errors: dict[str, str] = {}
        if not values["full_name"].strip():
            errors["full_name"] = "A name is required."
        for key, check in FIELD_CHECKS.items():
            message = check(values.get(key, "").strip())
            if message:
                errors[key] = message
        for key, message in errors.items():
            self.query_one(f"#e-{key}", Static).update(message)
        if errors:
            first = next(iter(errors))
            self.query_one("#form-error", Static).update(
                f"Not saved: {len(errors)} field(s) to fix."
            )
            self.query_one(f"#f-{first}", Input).focus()
            return

        def save() -> int:
            if self.person_id is None:
                name = values.pop("full_name")
                return self.store.add_person(name, **_clean(values))
            changes = self._changed()
            changes.update({k: v for k, v in values.items() if k in self.unreadable})
            if changes:
                self.store.update_person(self.person_id, **_clean(changes))
            return self.person_id

        self.attempt(save, self.dismiss, errors=self._not_saved)

    def _not_saved(self, message: str) -> None:
        self.query_one("#form-error", Static).update(f"Not saved: {message}")

    def action_cancel(self) -> None:
        if not self._changed() or (self.person_id is None and not any(
            v for k, v in self.values().items() if k not in ("role", "closeness", "how_we_know")
        )):  # fmt: skip
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Discard what you typed?", yes="Discard"), answered)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


def _clean(values: dict[str, str]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {k: v.strip() if k != "notes" else v for k, v in values.items()}
    if "follow_up_on" in cleaned and not cleaned["follow_up_on"]:
        cleaned["follow_up_on"] = None
    return cleaned
