"""The pre-meeting brief: one screen to read in the 10 seconds before walking in."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from netui.errors import NetuiError
from netui.meeting import Brief

if TYPE_CHECKING:
    from netui.app import NetuiApp


def brief_markup(brief: Brief) -> str:
    """Label / value rows, the request standing out."""

    def row(label: str, value: str) -> str:
        return f"[b $text-muted]{label:<9}[/] {escape(value)}"

    lines = [
        row("When", brief.when),
        row("Where", brief.where),
        row("Approach", brief.approach),
        row("Know via", brief.how_we_know),
        row("Stage", brief.stage),
        f"[b $text-muted]{'Ask':<9}[/] [b $accent]{escape(brief.ask)}[/]",
        row("Notes", brief.notes),
        "",
        "[b]Last together[/]" if brief.last else "[b]Last together[/] [dim]nothing logged yet[/]",
        *(f"  {escape(line)}" for line in brief.last),
        "",
        f"[b]Checklist {brief.progress}[/]"
        + (
            f"  [dim]still to do:[/] {escape('; '.join(brief.still_to_do))}"
            if brief.still_to_do
            else ""
        ),
    ]
    return "\n".join(lines)


class BriefScreen(Screen[None]):
    """Who they are, how you know them, what you will ask, where and when."""

    BINDINGS = [
        Binding("escape,b,q", "back", "Back", id="brief_back"),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="brief"):
            yield Static("", id="brief-name")
            yield Static("", id="brief-body")
        yield Footer()

    def on_mount(self) -> None:
        app = cast("NetuiApp", self.app)
        try:
            brief = app.store.meeting_brief(self.meeting_id, app.today())
        except NetuiError as exc:
            self.notify(str(exc), severity="error")
            self.app.pop_screen()
            return
        self.sub_title = f"Brief · {brief.name}"
        self.query_one("#brief-name", Static).update(
            f"[b]{escape(brief.name)}[/]\n[dim]{escape(brief.headline)}[/]"
        )
        self.query_one("#brief-body", Static).update(brief_markup(brief))

    def action_back(self) -> None:
        self.app.pop_screen()
