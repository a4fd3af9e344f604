"""Upcoming meetings, soonest first (today's highlighted), and past ones still to wrap up."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from netui.meeting import MeetingRow, to_local
from netui.names import name_at
from netui.screens.base import LiveScreen
from netui.textsafe import escape_markup as escape
from netui.timeutil import relative_day
from netui.widgets.footer import Footer


def _cell(text: str, width: int) -> str:
    text = " ".join(text.split())
    return escape(text if len(text) <= width else text[: width - 1] + "…").ljust(width)


def meeting_line(m: MeetingRow, today: date, *, wrap_up: bool = False) -> str:
    """One row: day and time, how soon, who, where, then the checklist or what is owed."""
    local = to_local(m.starts_at)
    when = f"{local:%a} {local.day:>2} {local:%b %H:%M}"
    who = name_at(m.person_name, m.company)
    if m.follow_up_owed:
        state = "[b $warning]follow-up owed[/]"
    elif wrap_up:
        state = "[b $warning]mark done?[/]"
    elif m.total_items:
        state = f"[dim]✓[/] {m.progress}"
    else:
        state = "[dim]no checklist[/]"
    line = (
        f"{when} {_cell(relative_day(local.date(), today), 9)} {_cell(who, 22)} "
        f"{_cell(m.place or '—', 12)} {state}"
    )
    return f"[b $accent]●[/] [b]{line}[/]" if local.date() == today else f"  {line}"


class UpcomingScreen(LiveScreen[None], keys="Upcoming"):
    """Meetings from today on, soonest first; enter opens one."""

    SUB_TITLE = "Upcoming meetings"
    FOCUS = "#upcoming"

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, MeetingRow] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="upcoming-summary")
        yield OptionList(id="upcoming")
        yield Footer()

    def reload(self) -> None:
        today = self.today()
        upcoming = self.store.upcoming_meetings(today)
        wrap_up = self.store.meetings_to_wrap_up(today)
        options: list[Option] = []
        self.rows = {}
        if wrap_up:
            options.append(Option("[b]To wrap up[/]", disabled=True))
            for m in wrap_up:
                self.rows[f"w-{m.id}"] = m
                options.append(Option(meeting_line(m, today, wrap_up=True), id=f"w-{m.id}"))
            options.append(Option("", disabled=True))
        options.append(Option("[b]Coming up[/]", disabled=True))
        for m in upcoming:
            self.rows[f"m-{m.id}"] = m
            options.append(Option(meeting_line(m, today), id=f"m-{m.id}"))
        if not upcoming:
            options.append(
                Option("  Nothing planned: m on a person plans a coffee.", disabled=True)
            )
        todays = sum(to_local(m.starts_at).date() == today for m in upcoming)
        summary = f"{len(upcoming)} coming up" + (f", [b]{todays} today[/]" if todays else "")
        if wrap_up:
            summary += f" · {len(wrap_up)} to wrap up"
        self.query_one("#upcoming-summary", Static).update(summary)
        listing = self.query_one("#upcoming", OptionList)
        current = listing.highlighted_option
        current_id = current.id if current is not None else None
        listing.set_options(options)
        ids = [o.id for o in options]
        if current_id is not None and current_id in ids:
            listing.highlighted = ids.index(current_id)
        else:
            listing.highlighted = next((k for k, o in enumerate(options) if not o.disabled), None)

    def _current(self) -> MeetingRow | None:
        option = self.query_one("#upcoming", OptionList).highlighted_option
        return self.rows.get(option.id or "") if option is not None else None

    @on(OptionList.OptionSelected, "#upcoming")
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        from netui.screens.meeting import MeetingScreen

        m = self._current()
        if m is not None:
            self.app.push_screen(MeetingScreen(m.person_id, m.id))

    def action_brief(self) -> None:
        from netui.screens.brief import BriefScreen

        m = self._current()
        if m is not None:
            self.app.push_screen(BriefScreen(m.id))

    def action_back(self) -> None:
        self.app.pop_screen()
