"""Small dialogs of the Meeting screen: after-meeting notes, a new checklist item, the
request, a file name."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static, TextArea

from netui.enums import Phase
from netui.meeting import PHASE_TITLES, PHASES
from netui.screens.dialogs import FormModal, LineDialog, dialog_buttons, dialog_title
from netui.textsafe import escape_markup as escape


@dataclass(frozen=True)
class DoneNotes:
    notes: str  # for the timeline: the user's own words about the meeting
    agreed: str  # the next step agreed, written to them: the follow-up says it


class DoneNotesScreen(FormModal[DoneNotes | None], keys="DoneNotes"):
    """'How did it go?': the notes logged on the timeline and the next step agreed (the
    follow-up names it); ctrl+s saves, esc cancels."""

    def __init__(self, person_name: str) -> None:
        super().__init__()
        self.person_name = person_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="done-dialog"):
            yield Label(f"[b]How did it go with {escape(self.person_name)}?[/b]")
            yield Static(
                "What you learned (their team, constraints, what excites them), tips they "
                "gave, and what you agreed next. Saved on their timeline; then the follow-up "
                "email opens — send it right away.",
                classes="muted",
            )
            yield TextArea("", id="done-notes", classes="notes")
            yield Label(
                "What you agreed next, written to them (the follow-up says it as is):",
                classes="field-label",
            )
            yield Input(
                "", id="done-agreed", placeholder="you'll pass my resume to your EM", max_length=300
            )
            yield dialog_buttons(("Mark done (ctrl+s)", "save"), ("Cancel (esc)", "cancel"))

    def on_mount(self) -> None:
        self.query_one("#done-notes", TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(
            DoneNotes(
                self.query_one("#done-notes", TextArea).text,
                self.query_one("#done-agreed", Input).value.strip(),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class NewItem:
    phase: Phase
    text: str


class AddItemScreen(LineDialog[NewItem | None], keys="AddItem"):
    """One new checklist item: its text and phase (enter adds, esc cancels)."""

    LINE = "item-text"

    def __init__(self, phase: Phase) -> None:
        super().__init__()
        self.phase = phase

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="add-item-dialog"):
            yield dialog_title("Add a checklist item", "enter adds")
            yield Select(
                [(PHASE_TITLES[p], p.value) for p in PHASES],
                value=self.phase.value,
                allow_blank=False,
                id="item-phase",
            )
            yield Input(placeholder="e.g. Bring a printed resume", id="item-text")
            yield Static("", id="item-error", classes="error")

    def entered(self, text: str) -> None:
        if not text.strip():
            self.query_one("#item-error", Static).update("Type the item first.")
            return
        phase = Phase(str(self.query_one("#item-phase", Select).value))
        self.dismiss(NewItem(phase, text))


class RequestScreen(LineDialog[str | None], keys="Request"):
    """The one clear request, written before its checklist item can be ticked."""

    LINE = "request-text"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="request-dialog"):
            yield dialog_title("Your one clear request", "enter saves and ticks")
            yield Static(
                "There is no request yet. What exactly will you ask for? Make it easy to say "
                "yes to.",
                classes="muted",
            )
            yield Input(
                placeholder="e.g. an intro to an engineer on your team",
                id="request-text",
                max_length=1000,
            )
            yield Static("", id="request-error", classes="error")

    def entered(self, text: str) -> None:
        if not text.strip():
            self.query_one("#request-error", Static).update("Type the request first.")
            return
        self.dismiss(text.strip())


class ExportPathScreen(LineDialog[str | None], keys="ExportPath"):
    """Where to write the .ics file (a new file, readable only by you)."""

    LINE = "export-path"

    def __init__(self, suggested: str) -> None:
        super().__init__()
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="export-dialog"):
            yield dialog_title("Export to your calendar (.ics)", "enter saves")
            yield Input(self.suggested, id="export-path")
            yield Static(
                "A new file readable only by you; open it with your calendar app.",
                classes="muted",
            )

    def entered(self, text: str) -> None:
        if text.strip():
            self.dismiss(text.strip())
