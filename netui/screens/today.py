"""Today: what to do next, one key from acting on each row (open, compose, log, snooze, done)."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from netui.agenda import Item, Section, Today, build_today
from netui.conversations import CONVERSATION_DEFINITION
from netui.plural import count_of
from netui.screens.base import LiveScreen
from netui.screens.today_dialogs import KeepInTouchScreen, LogLineScreen
from netui.screens.undo import Undo, UndoStack
from netui.textsafe import escape_markup as escape
from netui.widgets.footer import Footer
from netui.widgets.row_list import fit

# What `c` writes from each section (None: the composer suggests from the stage).
COMPOSE_INTENT: dict[Section, str | None] = {
    Section.wrap_up: "follow_up",
    Section.job_changes: "reconnect",
    Section.going_cold: "reconnect",
}
EMPTY = (
    "Nothing to do today: no follow-ups due, no meetings, no one going cold.\n"
    "Log what you do on a person (l), and Today fills itself: follow-ups come due {days} "
    "days after you write, people go cold past their keep-in-touch cadence."
)


def item_line(item: Item, width: int) -> str:
    """One row in `width` cells: when, who, what (cut to fit: a row is one line)."""
    who = 28 if width >= 100 else 22
    rest = max(10, width - who - 21)
    return (
        f"  {escape(fit(item.when, 16))} [b]{escape(fit(item.who, who))}[/b] "
        f"{escape(fit(item.what, rest))}"
    )


class TodayScreen(LiveScreen[None], keys="Today"):
    """Sections of what to do, empty ones hidden; the week's conversations on top."""

    SUB_TITLE = "Today"
    FOCUS = "#today"

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[str, Item] = {}
        self.agenda: Today | None = None
        self.undo_stack = UndoStack()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="today-week")
        yield Static(f"[dim]{escape(CONVERSATION_DEFINITION)}[/dim]", id="today-definition")
        yield OptionList(id="today")
        yield Static(EMPTY.format(days=self.settings.follow_up_days), id="today-empty")
        yield Footer()

    def on_resize(self) -> None:
        self.reload()

    def reload(self) -> None:
        today = self.today()
        facts = self.store.today_facts(self.settings, today, self.store.now())
        agenda = build_today(facts, today, self.settings.weekly_goal)
        self.agenda = agenda
        self.query_one("#today-week", Static).update(
            f"[b]{today:%A %d %B}[/b] · {escape(agenda.progress_line)}"
        )
        width = max(60, self.app.size.width - 6)  # less the list's border, padding, bar
        options: list[Option] = []
        self.items = {}
        for view in agenda.sections:
            if options:
                options.append(Option("", disabled=True))
            options.append(Option(f"[b $accent]{view.section.heading}[/] ({view.total:,})",
                                  disabled=True))  # fmt: skip
            for k, item in enumerate(view.items):
                key = f"{view.section.value}:{k}:{item.person_id}:{item.ref}"
                self.items[key] = item
                options.append(Option(item_line(item, width), id=key))
            if view.more:
                options.append(Option(f"  [dim]… and {view.more:,} more[/dim]", disabled=True))
        listing = self.query_one("#today", OptionList)
        current, at = self._current(), listing.highlighted or 0
        listing.set_options(options)
        listing.display = bool(options)
        empty = self.query_one("#today-empty", Static)
        empty.display = not options
        if not options:
            empty.update(self._empty_text())
        enabled = [k for k, o in enumerate(options) if not o.disabled]
        same = [k for k in enabled if self.items.get(options[k].id or "") == current]
        if same:
            listing.highlighted = same[0]
        elif enabled:
            # the row is gone (acted on): the cursor stays put, on the row that follows
            listing.highlighted = next((k for k in enabled if k >= at), enabled[-1])

    def _empty_text(self) -> str:
        """Nothing due: say where the loop starts if some people were never contacted."""
        text = EMPTY.format(days=self.settings.follow_up_days)
        fresh = self.store.never_contacted()
        if fresh:
            have = "has" if fresh == 1 else "have"
            text += (
                f"\n\n[b]{count_of(fresh, 'person')} {have} nothing logged yet.[/b] Engage "
                "first: a casual message, no ask yet (esc, then c on someone in the list)."
            )
        return text

    # ---- the row under the cursor ----------------------------------------------------

    def _current(self) -> Item | None:
        option = self.query_one("#today", OptionList).highlighted_option
        return self.items.get(option.id or "") if option is not None else None

    def _require(self) -> Item | None:
        item = self._current()
        if item is None:
            self.notify("Nothing selected: ↑↓ choose a row.", timeout=2)
        return item

    @on(OptionList.OptionSelected, "#today")
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        item = self._require()
        if item is None:
            return
        if item.section in (Section.meetings, Section.wrap_up):
            from netui.screens.meeting import MeetingScreen

            self.app.push_screen(MeetingScreen(item.person_id, item.ref))
        elif item.section is Section.drafts:
            from netui.screens.composer import ComposerScreen

            self.app.push_screen(ComposerScreen(item.person_id, draft_id=item.ref))
        else:
            self.netui.open_person(item.person_id)

    def action_compose(self) -> None:
        from netui.screens.composer import ComposerScreen

        item = self._require()
        if item is None:
            return
        if item.section is Section.drafts:
            self.app.push_screen(ComposerScreen(item.person_id, draft_id=item.ref))
        else:
            intent = COMPOSE_INTENT.get(item.section)
            self.app.push_screen(ComposerScreen(item.person_id, intent))

    def action_log(self) -> None:
        item = self._require()
        if item is not None:
            self.app.push_screen(LogLineScreen(item.person_id, item.name), self._after)

    def action_brief(self) -> None:
        from netui.screens.brief import BriefScreen

        item = self._require()
        if item is None:
            return
        if item.section not in (Section.meetings, Section.wrap_up):
            self.notify("b shows the brief of a meeting row.", timeout=3)
            return
        self.app.push_screen(BriefScreen(item.ref))

    def action_snooze(self) -> None:
        item = self._require()
        if item is None:
            return
        if item.section is Section.follow_ups:
            from netui.screens.followup import FollowUpScreen

            self.app.push_screen(FollowUpScreen(item.person_id), self._after)
        elif item.section is Section.going_cold:
            self.app.push_screen(KeepInTouchScreen(item.person_id, item.name), self._after)
        else:
            self.notify("z snoozes a follow-up or someone going cold.", timeout=3)

    def action_done(self) -> None:
        item = self._require()
        if item is None:
            return
        store = self.store
        section = item.section
        if section is Section.follow_ups:

            def clear() -> object:
                return store.set_follow_up(item.person_id, None)

            def done(before: object) -> None:
                day = before if isinstance(before, date) else None
                self._did(f"follow-up with {item.name} cleared",
                          lambda: store.set_follow_up(item.person_id, day))  # fmt: skip

            self.attempt(clear, done)
        elif section is Section.wrap_up:
            self.attempt(
                lambda: store.settle_follow_up(item.person_id),
                lambda _: self._did(f"follow-up for {item.name}'s meeting marked sent"),
            )
        elif section in (Section.promised, Section.owed, Section.job_changes):
            what = "dismissed" if section is Section.job_changes else "marked done"
            self.attempt(
                lambda: store.close_entry(item.ref),
                lambda _: self._did(
                    f"{section.heading.lower().rstrip('s')} {what}",
                    lambda: store.close_entry(item.ref, reopen=True),
                ),
            )
        elif section is Section.going_cold:
            self.notify("Log what you did (l), or snooze them (z).", timeout=3)
        elif section is Section.drafts:
            self.notify("enter opens the draft: mark it sent there, or delete it.", timeout=3)
        else:
            self.notify("enter opens the meeting.", timeout=3)

    def _did(self, message: str, revert: object = None) -> None:
        if callable(revert):
            self.undo_stack.append(Undo(message.split(" ", 1)[0], revert))
            message += " (u undoes)"
        self.notify(message[0].upper() + message[1:] + ".", timeout=3)
        self.reload()

    def _after(self, _result: object = None) -> None:
        self.reload()

    def action_undo(self) -> None:
        if self.undo_stack.undo(self.notify):
            self.reload()

    def action_progress(self) -> None:
        self.netui.open_progress()

    def action_back(self) -> None:
        self.app.pop_screen()
