"""Pick a person's stage by hand (backwards allowed: your call overrides the rules)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from netui.enums import Stage
from netui.screens.base import NetuiModal
from netui.screens.dialogs import dialog_title
from netui.screens.person_view import STAGE_HINTS
from netui.textsafe import escape_markup as escape


class StageScreen(NetuiModal[Stage | None], keys="Stage"):
    """Enter picks the highlighted stage; escape keeps the current one."""

    def __init__(self, current: Stage | str, name: str = "") -> None:
        super().__init__()
        self.current = Stage(current)
        self.person_name = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="stage-dialog"):
            title = f"Stage for {escape(self.person_name)}" if self.person_name else "Stage"
            yield dialog_title(title, "enter sets")
            yield OptionList(
                *(Option(f"{s.value:<13}[dim]{STAGE_HINTS[s]}[/dim]", id=s.value) for s in Stage),
                id="stage-options",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = list(Stage).index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Stage(str(event.option.id)))
