"""The Person screen's timeline: log from one line or the form, edit, delete, undo."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static

from netui.enums import Direction, InteractionKind, Stage
from netui.errors import NetuiError
from netui.logparse import LogEntry, at_for, parse_log_line
from netui.pipeline import kind_label
from netui.screens.base import NetuiScreen
from netui.screens.logform import LogFormScreen
from netui.screens.undo import Undo, UndoStack
from netui.store.timeline import InteractionRow
from netui.textsafe import escape_markup as escape
from netui.widgets.bindings import KeyTable
from netui.widgets.timeline_list import TimelineList

LOG_PLACEHOLDER = "coffee yesterday: talked about their team's on-call"
LOG_HINT = (
    "[b]Log[/b] [dim]what (message email call coffee meeting intro referral reply ask"
    " promised owe note), when (today yesterday mon 3d 2026-11-20), then : and what happened[/dim]"
)


class LogBar(KeyTable, Vertical, keys="LogBar"):
    """The one-line log: enter logs, ctrl+o opens the details form, escape closes."""


class TimelineActions(NetuiScreen[None]):
    """Timeline actions for one person's screen; the screen supplies `reload()`."""

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id
        self.undo_stack = UndoStack()
        self._select_next: int | None = None  # a timeline entry to put the cursor on

    def reload(self) -> None:
        raise NotImplementedError

    def _done(self, message: str, undo: Undo | None = None) -> None:
        if undo is not None:
            self.undo_stack.append(undo)
        self.notify(message + (" (u undoes)" if undo else ""), timeout=4)
        self.reload()

    # ---- logging ------------------------------------------------------------------

    def action_log(self) -> None:
        self.query_one("#log-bar").add_class("open")
        self.query_one("#log-error", Static).update("")
        self.query_one("#log-input", Input).focus()

    def action_close_log(self) -> None:
        self.query_one("#log-bar").remove_class("open")
        self.query_one("#log-input", Input).value = ""
        self.query_one("#timeline", TimelineList).focus()

    @on(Input.Submitted, "#log-input")
    def _log_line(self, event: Input.Submitted) -> None:
        try:
            entry = parse_log_line(event.value, self.today())
        except NetuiError as exc:
            self.query_one("#log-error", Static).update(escape(str(exc)))
            return
        self._log(entry)

    def action_log_details(self) -> None:
        text = self.query_one("#log-input", Input).value
        today = self.today()
        try:
            entry = parse_log_line(text, today)
        except NetuiError:
            entry = parse_log_line("note", today)
            entry = LogEntry(entry.kind, entry.direction, today, text.strip())

        def chosen(result: LogEntry | None) -> None:
            if result is not None:
                self._log(result)

        self.app.push_screen(LogFormScreen(entry), chosen)

    def _log(self, entry: LogEntry) -> None:
        """Log one entry; the log bar closes once it is saved."""
        store = self.store
        today = self.today()

        def log() -> tuple[int, Stage, date | None]:
            before = store.get_person(self.person_id)
            at = None if entry.day == today else at_for(entry.day, today, store.now())
            new_id = store.log_interaction(
                self.person_id, entry.kind, direction=entry.direction, at=at, summary=entry.summary
            )
            return new_id, Stage(before.stage), before.follow_up_on

        def logged(result: tuple[int, Stage, date | None]) -> None:
            new_id, stage_before, follow_before = result

            def revert() -> None:
                store.delete_interaction(new_id)
                store.set_stage(self.person_id, stage_before)
                store.set_follow_up(self.person_id, follow_before)

            self._select_next = new_id
            after = store.get_person(self.person_id)
            moved = f" · stage {after.stage}" if after.stage != stage_before else ""
            self.action_close_log()
            what = kind_label(entry.kind, entry.direction)  # an ask is logged as an ask
            self._done(f"Logged {what}{moved}.", Undo(f"log of a {what}", revert))
            if entry.kind is InteractionKind.intro and entry.direction is not Direction.out:
                self._ask_who_was_introduced(after.full_name)

        self.attempt(log, logged, errors=self.query_one("#log-error", Static).update)

    def _ask_who_was_introduced(self, introducer: str) -> None:
        """They introduced you to someone: offer to add or pick that person and link them."""
        from netui.screens.introduced import IntroducedScreen
        from netui.store.links import Introduction

        store = self.store

        def done(intro: Introduction | None) -> None:
            if intro is None:
                return
            how = "added" if intro.created else "linked"
            self._done(
                f"{intro.name} {how}, introduced by {introducer}: {intro.approach}.",
                Undo("introduction", lambda: store.undo_introduction(intro)),
            )

        self.app.push_screen(IntroducedScreen(self.person_id, introducer), done)

    # ---- timeline entries ---------------------------------------------------------

    def _highlighted(self, list_id: str) -> str | None:
        option = self.query_one(list_id, OptionList).highlighted_option
        return option.id if option is not None and not option.disabled else None

    @on(TimelineList.Selected, "#timeline")
    def _edit_entry(self, event: TimelineList.Selected) -> None:
        interaction_id = event.interaction_id

        def edit(row: InteractionRow) -> None:
            entry = LogEntry(
                InteractionKind(row.kind), Direction(row.direction), row.day, row.summary
            )
            self.app.push_screen(
                LogFormScreen(entry, title="Edit entry"),
                lambda result: self._save_edit(row, result),
            )

        self.attempt(lambda: self.store.get_interaction(interaction_id), edit)

    def _save_edit(self, row: InteractionRow, result: LogEntry | None) -> None:
        if result is None:
            return
        store = self.store
        today = self.today()
        at = None if result.day == row.day else at_for(result.day, today, store.now())

        def save() -> tuple[InteractionRow, Stage]:
            stage_before = Stage(store.get_person(self.person_id).stage)
            before = store.update_interaction(
                row.id, kind=result.kind, direction=result.direction, at=at, summary=result.summary
            )
            return before, stage_before

        def saved(done: tuple[InteractionRow, Stage]) -> None:
            before, stage_before = done

            def revert() -> None:
                store.restore_interaction(before)
                store.set_stage(self.person_id, stage_before)

            self._done("Entry saved.", Undo("edit", revert))

        self.attempt(save, saved)

    def action_undo(self) -> None:
        if self.undo_stack.undo(self.notify):
            self.reload()

    def _delete_entry(self) -> None:
        entry_id = self.query_one("#timeline", TimelineList).highlighted_id
        if entry_id is None:
            self.notify("Highlight a timeline entry to delete it.", timeout=3)
            return
        store = self.store

        def deleted(row: InteractionRow) -> None:
            def revert() -> None:
                store.restore_interaction(row)
                self._select_next = row.id

            self._done(f"Deleted the {row.kind} of {row.day:%d %b}.", Undo("delete", revert))

        self.attempt(lambda: store.delete_interaction(entry_id), deleted)
