"""The pre-meeting brief: one screen to read in the 10 seconds before walking in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Label, Static

from netui.errors import NetuiError
from netui.meeting import Brief
from netui.screens.base import NetuiScreen
from netui.textsafe import escape_markup as escape
from netui.widgets.footer import Footer

NOTES_CHARS = 200  # about three lines at 80 columns: the person's notes are a reminder


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def brief_rows(brief: Brief) -> list[tuple[str, str, str]]:
    """(label, value markup, css class) for the brief's rows."""
    return [
        ("When", escape(brief.when), ""),
        ("Where", escape(brief.where), "brief-two-lines"),
        (
            "Approach",
            f"[b]{escape(brief.stage)}[/] · {escape(brief.approach)}",
            "brief-one-line",
        ),
        ("Know via", escape(brief.how_we_know), "brief-one-line"),
        ("Ask", escape(brief.ask), "brief-ask brief-two-lines"),
        # the meeting's own notes, whole: what you planned to say is not cut (the brief scrolls)
        *(
            [("Notes", escape(brief.meeting_notes), "brief-meeting-notes")]
            if brief.meeting_notes
            else []
        ),
        ("About", escape(clip(brief.notes, NOTES_CHARS)), "brief-notes"),
    ]


class BriefScreen(NetuiScreen[None], keys="Brief"):
    """Who they are, how you know them, what you will ask, where and when."""

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.brief: Brief | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        try:
            self.brief = brief = self.store.meeting_brief(self.meeting_id, self.today())
        except NetuiError as exc:
            yield Static(escape(str(exc)), classes="error")
            yield Footer()
            return
        with VerticalScroll(id="brief"):
            yield Static(
                f"[b]{escape(brief.name)}[/]  [dim]{escape(brief.headline)}[/]",
                id="brief-name",
                classes="brief-one-line",
            )
            for label, value, classes in brief_rows(brief):
                with Horizontal(classes="brief-row"):
                    yield Label(label, classes="brief-label")
                    yield Static(value, classes=f"brief-value {classes}".strip())
            yield Static(
                "[b]Last together[/]" + ("" if brief.last else " [dim]nothing logged yet[/]"),
                classes="brief-section",
            )
            for line in brief.last:
                yield Static(escape(line), classes="brief-last brief-one-line")
            todo = "; ".join(brief.still_to_do)
            yield Static(
                f"[b]Checklist {brief.progress}[/]"
                + (f"  [dim]still to do:[/] {escape(todo)}" if todo else ""),
                id="brief-checklist",
                classes="brief-section brief-one-line",
            )
        yield Footer()

    def on_mount(self) -> None:
        if self.brief is None:
            self.notify(f"There is no meeting #{self.meeting_id}.", severity="error")
            return
        self.sub_title = f"Brief · {self.brief.name}"

    def action_back(self) -> None:
        self.app.pop_screen()
