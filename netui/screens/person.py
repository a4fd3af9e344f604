"""The Person screen: who they are, what to do next, the timeline, links, drafts, meetings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static

from netui.enums import Stage
from netui.errors import NetuiError, NotFoundError
from netui.meeting import MeetingRow
from netui.person_spec import PersonRecord
from netui.screens.followup import FollowUpScreen
from netui.screens.link import LinkMade, LinkScreen
from netui.screens.person_timeline import (
    LOG_HINT,
    LOG_PLACEHOLDER,
    LogBar,
    TimelineActions,
)
from netui.screens.person_view import (
    card_markup,
    drafts_markup,
    link_options,
    meetings_markup,
    plan_markup,
)
from netui.screens.stage import StageScreen
from netui.screens.undo import Undo
from netui.store.drafts import DraftRow
from netui.store.links import LinkRow
from netui.store.timeline import InteractionRow
from netui.widgets.footer import Footer
from netui.widgets.timeline_list import TimelineLayout, TimelineList


@dataclass(frozen=True, slots=True)
class PersonView:
    """Everything the Person screen shows, read at once."""

    version: int  # the store's data_version before the reads
    person: PersonRecord
    company: str
    timeline: list[InteractionRow]
    unreadable: list[tuple[str, Any, str]]
    layout: TimelineLayout
    links: list[LinkRow]
    drafts: list[DraftRow]
    meetings: list[MeetingRow]


class PersonScreen(TimelineActions, keys="Person"):
    """One person: the card, the approach and next step, the timeline and who they know."""

    def __init__(self, person_id: int) -> None:
        super().__init__(person_id)
        self._link_targets: dict[str, int] = {}
        self._seen_version = -1
        self._generation = 0  # reloads asked for; only the newest one's read is shown
        self._shown: PersonView | None = None  # the read on screen: what the action keys use

    # ---- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="person-top"):
            yield Static("", id="person-card")
            yield Static("", id="person-plan")
        with Horizontal(id="person-body"):
            timeline = TimelineList(self.store, self.person_id, id="timeline")
            timeline.border_title = "Timeline"
            timeline.border_subtitle = "l log · enter edit · d delete"
            yield timeline
            side = VerticalScroll(id="person-side")
            side.can_focus = False  # tab goes timeline -> links, not to the scroller
            with side:
                links = OptionList(id="links")
                links.border_title = "Links"
                links.border_subtitle = "k · enter opens"
                yield links
                drafts = Static("", id="person-drafts")
                drafts.border_title = "Drafts"
                yield drafts
                meetings = Static("", id="person-meetings")
                meetings.border_title = "Meetings"
                yield meetings
        with LogBar(id="log-bar"):
            yield Static(LOG_HINT, id="log-hint")
            yield Input(placeholder=LOG_PLACEHOLDER, id="log-input")
            yield Static("", id="log-error", classes="error")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#timeline", TimelineList).focus()

    def on_screen_resume(self) -> None:
        """Show what another screen (composer, meeting, form) changed."""
        if self.store.data_version() != self._seen_version:
            self.reload()

    # ---- data -> widgets ----------------------------------------------------------

    def reload(self) -> None:
        """Read everything the screen shows off the UI thread; a newer reload's read wins
        (an older one that finishes later is dropped)."""
        self._generation += 1
        timeline = self.query_one("#timeline", TimelineList)
        keep = timeline.keep_id(self._select_next)
        self._select_next = None
        self._read(self._generation, timeline, keep)

    @work(thread=True, exclusive=True, group="person-reload")
    def _read(self, generation: int, timeline: TimelineList, keep: int | None) -> None:
        try:
            view = self._view(timeline, keep)
        except NotFoundError:
            self.app.call_from_thread(self._gone, generation)
        except NetuiError as exc:
            self.app.call_from_thread(self._failed, generation, str(exc))
        else:
            self.app.call_from_thread(self._show, generation, view)

    def _view(self, timeline: TimelineList, keep: int | None) -> PersonView:
        """Every read of a reload, through read connections (any thread)."""
        store = self.store
        version = store.data_version()
        person = store.get_person(self.person_id)
        return PersonView(
            version=version,
            person=person,
            company=store.company_name(person.company_id),
            timeline=store.timeline(self.person_id),  # the newest 500 for the next step
            unreadable=store.unreadable_values(self.person_id),
            layout=timeline.read_layout(keep),
            links=store.links_for(self.person_id),
            drafts=store.drafts_for(self.person_id),
            meetings=store.meetings_for(self.person_id),
        )

    def _current(self, generation: int) -> bool:
        return generation == self._generation and self.is_attached

    def _gone(self, generation: int) -> None:
        if not self._current(generation):
            return
        self.notify("That person is no longer there.", severity="warning")
        if self.app.screen is self:
            self.app.pop_screen()
        else:
            self._seen_version = -1  # read again (and leave) when it is back on top

    def _failed(self, generation: int, message: str) -> None:
        if self._current(generation):
            self.notify(message, severity="error", timeout=6)

    def _show(self, generation: int, view: PersonView) -> None:
        if not self._current(generation):
            return  # a newer reload is on its way
        self._seen_version = view.version
        self._shown = view
        today = self.today()
        person, company = view.person, view.company
        self.sub_title = person.full_name
        self.query_one("#person-card", Static).update(
            card_markup(person, company, today, view.unreadable)
        )
        self.query_one("#person-plan", Static).update(
            plan_markup(person, company, view.timeline, today, self.settings.follow_up_days)
        )
        self.query_one("#timeline", TimelineList).show_layout(view.layout)
        self._link_targets = {f"l{link.id}": link.other_id for link in view.links}
        self._fill(self.query_one("#links", OptionList), link_options(view.links))
        self.query_one("#person-drafts", Static).update(drafts_markup(view.drafts))
        self.query_one("#person-meetings", Static).update(meetings_markup(view.meetings, today))

    @staticmethod
    def _fill(options: OptionList, new: list[Any]) -> None:
        """Replace the options, keeping the cursor on the same entry when it is still there."""
        current = options.highlighted_option
        keep = current.id if current is not None else None
        index = options.highlighted
        options.clear_options()
        options.add_options(new)
        ids = [o.id for o in new]
        enabled = [i for i, o in enumerate(new) if not o.disabled]
        if keep is not None and keep in ids:
            options.highlighted = ids.index(keep)
        elif index is not None and enabled:
            # the nearest entry at or after where the cursor was (skipping month headers)
            options.highlighted = next((i for i in enabled if i >= index), enabled[-1])
        else:
            options.highlighted = enabled[0] if enabled else None

    def action_delete(self) -> None:
        if self.focused is not None and self.focused.id == "links":
            self._delete_link()
        else:
            self._delete_entry()

    # ---- stage, follow-up ---------------------------------------------------------

    def _on_screen(self) -> PersonView | None:
        """The record the screen shows (the action keys read no database on the UI thread);
        None, with a word, while the first read is on its way."""
        if self._shown is None:
            self.notify("Still reading their record…", timeout=2)
        return self._shown

    def action_stage(self) -> None:
        if (view := self._on_screen()) is None:
            return
        person = view.person

        def chosen(stage: Stage | None) -> None:
            if stage is None or stage == person.stage:
                return
            store = self.store
            self.attempt(
                lambda: store.set_stage(self.person_id, stage),
                lambda before: self._done(
                    f"Stage set to {stage.value}.",
                    Undo("stage change", lambda: store.set_stage(self.person_id, before)),
                ),
            )

        self.app.push_screen(StageScreen(person.stage, person.full_name), chosen)

    def action_follow_up(self) -> None:
        if (view := self._on_screen()) is None:
            return
        before = view.person.follow_up_on

        def closed(changed: bool | None) -> None:
            if changed:
                store = self.store
                self.undo_stack.append(
                    Undo("follow-up change", lambda: store.set_follow_up(self.person_id, before))
                )
                self.reload()

        self.app.push_screen(FollowUpScreen(self.person_id, view.person), closed)

    def action_keep_in_touch(self) -> None:
        from netui.screens.today_dialogs import KeepInTouchScreen

        if (view := self._on_screen()) is None:
            return
        name = view.person.full_name
        self._open_then_reload(KeepInTouchScreen(self.person_id, name))

    # ---- links --------------------------------------------------------------------

    def action_link(self) -> None:
        def made(result: LinkMade | None) -> None:
            if result is None:
                return
            store = self.store

            def revert() -> None:
                store.delete_link(result.link_id)
                if result.stub_id is not None:
                    store.purge_person(result.stub_id)

            self._done(f"Linked: {result.label} {result.other_name}.", Undo("link", revert))

        self.app.push_screen(LinkScreen(self.person_id), made)

    @on(OptionList.OptionSelected, "#links")
    def _follow_link(self, event: OptionList.OptionSelected) -> None:
        other = self._link_targets.get(event.option.id or "")
        if other is not None:
            self.netui.open_person(other)

    def _delete_link(self) -> None:
        option_id = self._highlighted("#links")
        if option_id is None:
            return
        store = self.store
        self.attempt(
            lambda: store.delete_link(int(option_id.removeprefix("l"))),
            lambda removed: self._done(
                "Link removed.", Undo("link removal", lambda: store.restore_link(removed))
            ),
        )

    # ---- other screens ------------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    # Other screens are imported when first opened; the person reloads when they close.

    def _open_then_reload(self, screen: Screen[Any]) -> None:
        """Open another screen on this person; what it changed shows when it closes."""
        self.app.push_screen(screen, lambda _: self.reload())

    def action_edit(self) -> None:
        from netui.screens.person_form import PersonFormScreen

        self._open_then_reload(PersonFormScreen(self.person_id))

    def action_compose(self) -> None:
        from netui.screens.composer import ComposerScreen

        self._open_then_reload(ComposerScreen(self.person_id))

    def action_drafts(self) -> None:
        """Pick one of their saved drafts and reopen it in the composer."""
        from netui.screens.composer import ComposerScreen
        from netui.screens.composer_parts import DraftPickerScreen

        if (view := self._on_screen()) is None:
            return
        drafts = view.drafts
        if not drafts:
            self.notify("No drafts yet: c writes one.", timeout=3)
            return

        def picked(draft_id: int | None) -> None:
            if draft_id is not None:
                self.app.push_screen(ComposerScreen(self.person_id, draft_id=draft_id))

        self.app.push_screen(DraftPickerScreen(drafts), picked)

    def action_paths(self) -> None:
        """Who can get you in at their company (the Paths screen)."""
        from netui.screens.paths import PathsScreen

        if (view := self._on_screen()) is None:
            return
        person = view.person
        if person.company_id is None:
            self.notify("No company on their record yet: e edits it.", timeout=3)
            return
        self.app.push_screen(PathsScreen(person.company_id))

    def action_meeting(self) -> None:
        from netui.screens.meeting import MeetingScreen

        self._open_then_reload(MeetingScreen(self.person_id))

    def action_brief(self) -> None:
        """The brief for their next planned meeting (or the latest one)."""
        from netui.screens.brief import BriefScreen

        if (view := self._on_screen()) is None:
            return
        meetings = view.meetings
        if not meetings:
            self.notify("No meeting planned yet: m plans one.", timeout=3)
            return
        now = self.store.now()
        planned = [m for m in meetings if m.status == "planned" and m.starts_at >= now]
        chosen = min(planned, key=lambda m: m.starts_at) if planned else meetings[0]
        self.app.push_screen(BriefScreen(chosen.id))
