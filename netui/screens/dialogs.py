"""Small modal dialogs (confirm a step, quick-add a person from one line) and what every
form dialog shares (`FormModal`: buttons that run actions, escape that asks first)."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static, TextArea

from netui.quickadd import added_text
from netui.screens.base import NetuiModal
from netui.textsafe import escape_markup as escape

R = TypeVar("R")


class ConfirmScreen(NetuiModal[bool], keys="Confirm"):
    """Ask before a step; y or enter confirms, n or escape cancels."""

    def __init__(self, question: str, yes: str = "Yes") -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", variant="warning", id="yes")
                yield Button("Cancel (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class QuickAddScreen(NetuiModal[int | None], keys="QuickAdd"):
    """One line per person, the same grammar as `netui add`; stays open to add many."""

    def __init__(self) -> None:
        super().__init__()
        self.added: list[int] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("Quick add — one person per line, enter adds, esc closes")
            yield Input(placeholder="Jane Doe @ Stripe, engineer, college", id="quick-line")
            yield Static(
                "NAME [@ COMPANY], then any of: a role (engineer, em, cto, recruiter, tech, "
                "non-tech), how you know them (school, college, work, life, online), closeness "
                "(close, friend, acquaintance, met once), an email, a LinkedIn URL, a phone, "
                "'in CITY', a title.",
                classes="muted hint",
            )
            yield Static("", id="quick-result")

    @on(Input.Submitted, "#quick-line")
    def _submitted(self, event: Input.Submitted) -> None:
        result = self.query_one("#quick-result", Static)

        def added(person_id: int) -> None:
            person = self.store.get_person(person_id)
            company = self.store.company_name(person.company_id)
            what = added_text(
                person.full_name, company, person.title, person.role, person.how_we_know
            )
            result.update(f"[b green]✓[/] Added {escape(what)}.")
            self.added.append(person_id)
            event.input.value = ""

        self.attempt(
            lambda: self.store.quick_add(event.value),
            added,
            errors=lambda message: result.update(f"[b red]✗[/] {escape(message)}"),
        )

    def action_close(self) -> None:
        self.dismiss(self.added[-1] if self.added else None)


def form_state(screen: Screen[Any]) -> dict[str, object]:
    """What the user has typed or chosen in a form, field by field."""
    state: dict[str, object] = {}
    for index, widget in enumerate(screen.query("Input, TextArea, Select, Checkbox")):
        value = widget.text if isinstance(widget, TextArea) else getattr(widget, "value", None)
        state[widget.id or f"#{index}"] = value
    return state


def leave_form(screen: Screen[Any], start: dict[str, object]) -> None:
    """Escape on a form: leave at once if nothing changed, else ask before discarding."""
    if form_state(screen) == start:
        screen.dismiss(None)
        return

    def answered(discard: bool | None) -> None:
        if discard:
            screen.dismiss(None)

    screen.app.push_screen(ConfirmScreen("Discard what you typed?", yes="Discard"), answered)


def dialog_title(
    title: str, keys: str, *, esc: str | None = "cancels", classes: str | None = None
) -> Label:
    """A dialog's first line: its title in bold (markup: escape what the user typed), then
    its keys dimmed, ending with what esc does, in the same words everywhere:
    'enter adds · esc cancels'. `esc=None` where the line says something else."""
    keys = f"{keys} · esc {esc}" if esc and keys else f"esc {esc}" if esc else keys
    return Label(f"[b]{title}[/b]  [dim]{keys}[/dim]", classes=classes)


class LineDialog(NetuiModal[R]):
    """A dialog around one line of text (the Input with id `LINE`): the line has the focus,
    enter hands its text to `entered`, cancel closes with None."""

    LINE: ClassVar[str]

    def entered(self, text: str) -> None:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.query_one(f"#{self.LINE}", Input).focus()

    @on(Input.Submitted)
    def _line_entered(self, event: Input.Submitted) -> None:
        if event.input.id == self.LINE:
            self.entered(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


def dialog_buttons(*buttons: tuple[str, str]) -> Horizontal:
    """The row of buttons under a form, each (label, id); the first is the primary one."""
    (label, button_id), *rest = buttons
    return Horizontal(
        Button(label, variant="primary", id=button_id),
        *(Button(label, id=button_id) for label, button_id in rest),
        classes="dialog-buttons",
    )


class FormModal(NetuiModal[R]):
    """A form dialog. A button runs the action `BUTTONS` names for its id (save and cancel
    unless the form says otherwise); cancel leaves at once if nothing was typed since
    `remember_start`, else asks before discarding."""

    BUTTONS: ClassVar[dict[str, str]] = {"save": "save", "cancel": "cancel"}
    _start: dict[str, object] | None = None  # the form as it opened (cancel compares)

    def remember_start(self) -> None:
        """Call once the form shows its first values (at the end of on_mount)."""
        self._start = form_state(self)

    def action_cancel(self) -> None:
        leave_form(self, self._start or {})

    def not_saved(self, message: str) -> None:
        """A save the store refused: its sentence on the form's error line (#form-error)."""
        self.query_one("#form-error", Static).update(f"Not saved: {escape(message)}")

    @on(Button.Pressed)
    async def _button(self, event: Button.Pressed) -> None:
        action = self.BUTTONS.get(event.button.id or "")
        if action is not None:
            await self.run_action(action)
