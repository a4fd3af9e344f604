"""One in-person meeting: plan it, walk its checklist, read the brief, mark it done, follow up."""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from netui.enums import MeetingStatus
from netui.errors import NetuiError
from netui.ics import default_ics_name, write_meeting_ics
from netui.meeting import (
    PHASE_TITLES,
    PHASES,
    ChecklistRow,
    MeetingRow,
    format_when,
    interaction_kind_for,
)
from netui.screens.dialogs import ConfirmScreen
from netui.screens.meeting_checklist import ChecklistActions
from netui.screens.meeting_dialogs import (
    DoneNotes,
    DoneNotesScreen,
    ExportPathScreen,
)
from netui.screens.meeting_form import MeetingFormScreen
from netui.textsafe import escape_markup as escape
from netui.widgets.footer import Footer

TICKED, OPEN = "☑", "☐"


def _item_prompt(item: ChecklistRow) -> str:
    text = escape(item.text)
    return f"  [green]{TICKED}[/] [dim]{text}[/]" if item.done else f"  {OPEN} {text}"


class MeetingScreen(ChecklistActions, keys="Meeting"):
    """A meeting with one person; with no meeting given, their next one or the plan form."""

    def __init__(self, person_id: int, meeting_id: int | None = None) -> None:
        super().__init__()
        self.person_id = person_id
        self.meeting_id = meeting_id
        self.meeting: MeetingRow | None = None
        self.items: list[ChecklistRow] = []
        self.removed: list[ChecklistRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="meeting-head")
        yield OptionList(id="checklist")
        yield Footer()

    def on_mount(self) -> None:
        try:
            person = self.store.get_person(self.person_id)
        except NetuiError as exc:
            self.notify(str(exc), severity="error")
            self.app.pop_screen()
            return
        self.sub_title = f"Meeting with {person.full_name}"
        if self.meeting_id is None:
            planned = [m for m in self.store.meetings_for(self.person_id) if m.status == "planned"]
            if planned:
                self.meeting_id = min(planned, key=lambda m: m.starts_at).id
                self.notify("Opened the meeting already planned; p plans another.", timeout=3)
        if self.meeting_id is None:
            self.query_one("#meeting-head", Static).update(
                f"Planning a meeting with [b]{escape(person.full_name)}[/b]…"
            )
            self.app.push_screen(MeetingFormScreen(self.person_id), self._planned_first)
            return
        self.reload()
        self.query_one("#checklist", OptionList).focus()

    def _planned_first(self, meeting_id: int | None) -> None:
        if meeting_id is None:
            self.app.pop_screen()
            return
        self.meeting_id = meeting_id
        self.notify("Planned. Walk the checklist; b shows the brief before you go in.")
        self.reload()
        self.query_one("#checklist", OptionList).focus()

    def on_screen_resume(self) -> None:
        if self.meeting is not None:
            self.reload()

    # ---- showing ------------------------------------------------------------------

    def reload(self) -> None:
        assert self.meeting_id is not None
        try:
            self.meeting = self.store.get_meeting(self.meeting_id)
        except NetuiError as exc:
            self.notify(str(exc), severity="error")
            self.app.pop_screen()
            return
        self.items = self.store.checklist(self.meeting_id)
        self._show_head(self.meeting)
        self._show_checklist()
        self.refresh_bindings()

    def _show_head(self, m: MeetingRow) -> None:
        today = self.today()
        noun = "Coffee" if interaction_kind_for(m.place).value == "coffee" else "Meeting"
        who = escape(m.person_name) + (f" · {escape(m.company)}" if m.company else "")
        if m.status == MeetingStatus.done:
            status = (
                "[b $warning]done · follow-up owed[/]"
                if m.follow_up_owed
                else "[b $success]done[/]"
            )
        elif m.status == MeetingStatus.cancelled:
            status = "[b $error]cancelled[/] (r reschedules)"
        else:
            status = f"planned · checklist [b]{m.progress}[/]"
        where = escape(m.where) or "[dim]no place yet — pick a cafe close to them[/]"
        ask = (
            escape(m.ask) or "[dim]no request yet — tick “prepare one clear request” to write it[/]"
        )
        lines = [
            f"[b]{noun} with {who}[/]   {status}",
            f"{format_when(m.starts_at, today)} · {where}",
            f"[b]Ask:[/] {ask}",
        ]
        self.query_one("#meeting-head", Static).update("\n".join(lines))

    def _show_checklist(self) -> None:
        checklist = self.query_one("#checklist", OptionList)
        current = checklist.highlighted_option
        current_id = current.id if current is not None else None
        options: list[Option] = []
        for phase in PHASES if self.items else ():
            in_phase = [i for i in self.items if i.phase == phase]
            done = sum(i.done for i in in_phase)
            options.append(
                Option(
                    f"[b]{PHASE_TITLES[phase]}[/]  [dim]{done}/{len(in_phase)}[/]",
                    id=f"phase-{phase.value}",
                    disabled=True,
                )
            )
            options += [Option(_item_prompt(i), id=f"item-{i.id}") for i in in_phase]
        if not self.items:
            options.append(
                Option("  No items: a adds one, A adds the default checklist.", disabled=True)
            )
        checklist.set_options(options)
        index = None
        if current_id is not None:
            with contextlib.suppress(OptionDoesNotExist):  # the item was just removed
                index = checklist.get_option_index(current_id)
        if index is None:
            index = next((k for k, o in enumerate(options) if not o.disabled), None)
        checklist.highlighted = index

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        m = self.meeting
        if m is None:
            return action == "back"
        if action in ("compose", "follow_up_sent"):
            return m.follow_up_owed
        if action in ("mark_done", "cancel_meeting"):
            return m.status == MeetingStatus.planned
        if action == "reschedule":
            return m.status != MeetingStatus.done
        return True

    def action_brief(self) -> None:
        from netui.screens.brief import BriefScreen

        if self.meeting_id is not None:
            self.app.push_screen(BriefScreen(self.meeting_id))

    def action_reschedule(self) -> None:
        m = self.meeting
        if m is None:
            return
        if m.status == MeetingStatus.done:
            self.notify("This meeting is done; p plans another.", timeout=3)
            return

        def saved(meeting_id: int | None) -> None:
            if meeting_id is not None:
                self.notify("Rescheduled. Let them know, and confirm the day before.")
                self.reload()

        self.app.push_screen(MeetingFormScreen(self.person_id, m.id), saved)

    def action_plan_another(self) -> None:
        def planned(meeting_id: int | None) -> None:
            if meeting_id is not None:
                self.meeting_id = meeting_id
                self.removed.clear()
                self.notify("Planned.")
                self.reload()

        self.app.push_screen(MeetingFormScreen(self.person_id), planned)

    def action_cancel_meeting(self) -> None:
        m = self.meeting
        if m is None or m.status != MeetingStatus.planned:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.attempt(lambda: self.store.cancel_meeting(m.id), cancelled)

        def cancelled(_: object) -> None:
            self.notify("Cancelled. r puts it back on at a new time.")
            self.reload()

        self.app.push_screen(
            ConfirmScreen(
                f"Cancel the meeting with [b]{escape(m.person_name)}[/b]? "
                "Tell them, and offer another time.",
                yes="Cancel it",
            ),
            answered,
        )

    def action_mark_done(self) -> None:
        m = self.meeting
        if m is None or m.status != MeetingStatus.planned:
            return

        def noted(done_notes: DoneNotes | None) -> None:
            if done_notes is not None:
                self.attempt(
                    lambda: self.store.mark_done(m.id, done_notes.notes, agreed=done_notes.agreed),
                    done,
                )

        def done(_: object) -> None:
            self.reload()
            self.notify(f"Logged on {m.person_name}'s timeline. Now the follow-up, right away.")
            self.action_compose()

        self.app.push_screen(DoneNotesScreen(m.person_name), noted)

    def action_compose(self) -> None:
        """The composer with the follow-up draft for this person."""
        from netui.screens.composer import ComposerScreen

        self.app.push_screen(ComposerScreen(self.person_id, intent="follow_up"))

    def action_follow_up_sent(self) -> None:
        def settled(_: object) -> None:
            self.notify("Follow-up marked sent.")
            self.reload()

        self.attempt(lambda: self.store.settle_follow_up(self.person_id), settled)

    def action_export(self) -> None:
        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id
        downloads = Path.home() / "Downloads"
        folder = downloads if downloads.is_dir() else Path.cwd()
        suggested = str(folder / default_ics_name(self.store, meeting_id))

        def chosen(path: str | None) -> None:
            if path is None:
                return
            self.attempt(
                lambda: write_meeting_ics(self.store, meeting_id, Path(path)),
                lambda written: self.notify(f"Saved {written}: open it with your calendar app."),
            )

        self.app.push_screen(ExportPathScreen(suggested), chosen)

    def action_back(self) -> None:
        self.app.pop_screen()
