"""Add or edit a person: every field, checked inline; nothing is saved half-way."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import Suggester
from textual.widgets import Input, Label, Select, Static, TextArea

from netui.cadence import NEVER, cadence_table, cadence_text
from netui.enums import Role
from netui.person_spec import ENUM_DEFAULTS, FIELDS, FORM_LAYOUT, PersonField
from netui.roles import infer_role
from netui.screens.dialogs import FormModal, dialog_buttons, dialog_title
from netui.store import Store
from netui.textsafe import escape_markup as escape
from netui.validate import FIELD_CHECKS

FORM_FIELDS: tuple[PersonField, ...] = tuple(FIELDS[n] for row in FORM_LAYOUT for n in row)
AREAS = frozenset(f.name for f in FORM_FIELDS if f.info.area)  # typed in a TextArea
SELECTS = frozenset(f.name for f in FORM_FIELDS if f.enum is not None)
TEXT_INPUT_KEYS = frozenset(f.name for f in FORM_FIELDS) - AREAS - SELECTS


def _options(f: PersonField) -> list[tuple[str, str]]:
    """A choice's (label, value) pairs: the enum's own label where it has one."""
    assert f.enum is not None
    return [(str(getattr(m, "label", m.value)), m.value) for m in f.enum]


def _shown(f: PersonField, value: Any) -> str:
    """A stored value as the form shows it ('' for none)."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


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


class PersonFormScreen(FormModal[int | None], keys="PersonForm"):
    """`a` adds, `e` edits. ctrl+s saves; escape asks before discarding typed changes."""

    DEFAULT_CSS = """
    PersonFormScreen .form-row { height: auto; }
    PersonFormScreen .form-cell { width: 1fr; height: auto; padding-right: 1; }
    PersonFormScreen .form-cell .field-label { width: 100%; }
    PersonFormScreen .form-title { width: 100%; }
    """

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
            return {name: ENUM_DEFAULTS[name] for name in SELECTS}
        person = self.store.get_person(self.person_id)
        values = {f.name: _shown(f, getattr(person, f.name)) for f in FORM_FIELDS}
        for column, raw, _why in self.store.unreadable_values(self.person_id):
            self.unreadable.add(column)  # saved even when left as shown
            if column in TEXT_INPUT_KEYS and isinstance(raw, str):
                values[column] = raw  # shown as stored, so the inline check says what to fix
        return values

    def compose(self) -> ComposeResult:
        self.initial = self._initial_values()
        self.guessed_role = infer_role(self.initial.get("title", "")).value
        title = "Add a person" if self.person_id is None else f"Edit {self.initial['full_name']}"
        with VerticalScroll(classes="dialog form"):
            yield dialog_title(escape(title), "ctrl+s saves · * required", classes="form-title")
            yield Static("", id="form-error", classes="error")
            for row in FORM_LAYOUT:
                with Horizontal(classes="form-row"):
                    for name in row:
                        with Vertical(classes="form-cell"):
                            yield from self._field(FIELDS[name])
            yield dialog_buttons(("Save (ctrl+s)", "save"), ("Cancel (esc)", "cancel"))

    def _field(self, f: PersonField) -> ComposeResult:
        """One field's label, box and inline error, as its kind asks."""
        key = f.name
        yield Label(f.info.prompt or f.label, classes="field-label")
        value = self.initial.get(key, "")
        if key in SELECTS:
            yield Select(_options(f), value=value, allow_blank=False, id=f"f-{key}")
        elif key in AREAS:
            yield TextArea(value, id=f"f-{key}", classes="notes")
        else:
            suggester = CompanySuggester(self.store) if key == "company" else None
            hint = f.info.placeholder
            if key == "cadence_days":
                hint = self._cadence_hint(self.initial.get("closeness", ""))
            yield Input(value, placeholder=hint, id=f"f-{key}", suggester=suggester)
            yield Static("", id=f"e-{key}", classes="field-error error")

    def _cadence_hint(self, closeness: str) -> str:
        """What an empty cadence means for this closeness: 'from closeness: every 3 weeks'."""
        days = cadence_table(self.settings).get(closeness, NEVER)
        return f"from closeness: {cadence_text(days)}"

    @on(Select.Changed, "#f-closeness")
    def _closeness_changed(self, event: Select.Changed) -> None:
        if self.query("#f-cadence_days"):
            hint = self._cadence_hint(str(event.value))
            self.query_one("#f-cadence_days", Input).placeholder = hint

    def on_mount(self) -> None:
        self.remember_start()
        self.query_one("#f-full_name", Input).focus()

    def values(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for f in FORM_FIELDS:
            key = f.name
            if key in SELECTS:
                values[key] = str(self.query_one(f"#f-{key}", Select).value)
            elif key in AREAS:
                values[key] = self.query_one(f"#f-{key}", TextArea).text
            else:
                values[key] = self.query_one(f"#f-{key}", Input).value
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
            self.query_one(f"#e-{key}", Static).update(escape(message))
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

        self.attempt(save, self.dismiss, errors=self.not_saved)


def _clean(values: dict[str, str]) -> dict[str, Any]:
    """Typed text as the store takes it: trimmed (a multi-line box as typed), none for an
    empty date or number."""
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        kind = FIELDS[key].kind
        text = value if key in AREAS else value.strip()
        cleaned[key] = None if kind in (date, int) and not text else text
    return cleaned
