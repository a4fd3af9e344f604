"""Today (pure): what to do next, section by section, and `netui today` as text or JSON.

The store gathers facts (netui/store/agenda.py); this module decides what they mean:
which follow-ups are late and by how much, what each row says. No SQL, no Textual: the
CLI, the screen and the benchmark read the same answers from here. Keeping in touch is
netui/cadence.py, what counts as a conversation netui/conversations.py, the measure of
progress netui/progress.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from netui.cadence import cadence_text, keep_in_touch_due
from netui.conversations import CONVERSATION_DEFINITION
from netui.enums import Labelled

# `X as X`: re-exported for bench/today.py until it imports from the new homes
from netui.names import name_at
from netui.pipeline import list_hint
from netui.progress import build_progress as build_progress
from netui.progress import progress_since as progress_since
from netui.textsafe import for_terminal
from netui.timeutil import days_ago, days_text, local_date
from netui.timeutil import week_start as week_start

# ---- Today --------------------------------------------------------------------------

REPLY_WINDOW_DAYS = 60  # a message from them older than this is no longer "waiting"
MEETING_HOURS = 48  # meetings this soon are listed
SECTION_LIMIT = 50  # rows read per section; the count says how many more there are


class Section(Labelled):
    follow_ups = "follow_ups", "Follow-ups due"
    meetings = "meetings", "Meetings in the next 48 hours"
    wrap_up = "wrap_up", "Meetings to wrap up"
    promised = "promised", "Intros promised to you"
    owed = "owed", "Intros you owe"
    replies = "replies", "Replies waiting for you"
    job_changes = "job_changes", "Job changes"
    going_cold = "going_cold", "Going cold"
    drafts = "drafts", "Drafts not sent"

    @property
    def heading(self) -> str:
        return self.label


@dataclass(frozen=True, slots=True)
class Fact:
    """One thing the store found: who, when, and what (each section reads what it needs)."""

    person_id: int
    name: str
    company: str
    when: datetime | date  # the due day, the meeting's start, the entry's time...
    ref: int = 0  # the meeting, timeline entry or draft it is about (0: the person)
    detail: str = ""  # summary, place, intent, next step...
    stage: str = ""
    role: str = ""
    closeness: str = ""
    cadence: int = 0
    flag: bool = False  # follow-up owed (meetings); snoozed (going cold)
    channel: str = ""
    due: date | None = None  # going cold: the day they did (a snooze's end, if snoozed)


@dataclass
class TodayFacts:
    """Facts per section (at most SECTION_LIMIT each) and how many there are in all."""

    rows: dict[Section, list[Fact]] = field(default_factory=dict)
    totals: dict[Section, int] = field(default_factory=dict)
    week_conversations: int = 0


@dataclass(frozen=True, slots=True)
class Item:
    """One row of Today: who, when (as words), and what."""

    section: Section
    person_id: int
    name: str
    company: str
    when: str
    what: str
    ref: int = 0
    late: int = 0  # days late (follow-ups, going cold)

    @property
    def who(self) -> str:
        return name_at(self.name, self.company)


@dataclass(frozen=True, slots=True)
class SectionView:
    section: Section
    items: list[Item]
    total: int

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.items))


@dataclass(frozen=True)
class Today:
    day: date
    sections: list[SectionView]  # the non-empty ones, in order
    week_conversations: int
    weekly_goal: int

    @property
    def progress_line(self) -> str:
        n, goal = self.week_conversations, self.weekly_goal
        if goal <= 0:
            return f"{n} {'conversation' if n == 1 else 'conversations'} this week"
        noun = "conversation" if goal == 1 else "conversations"
        left = goal - n
        tail = "goal met" if left <= 0 else f"{left} to go"
        return f"{n} of {goal} {noun} this week ({tail})"

    def section(self, which: Section) -> SectionView | None:
        return next((s for s in self.sections if s.section is which), None)

    @property
    def empty(self) -> bool:
        return not self.sections


def _late_text(due: date, today: date) -> tuple[str, int]:
    late = (today - due).days
    return ("due today" if late <= 0 else f"{days_text(late)} late"), max(late, 0)


def _day(value: datetime | date) -> date:
    return local_date(value) if isinstance(value, datetime) else value


def _meeting_when(start: datetime, today: date) -> str:
    from netui.meeting import to_local

    local = to_local(start)
    days = (local.date() - today).days
    word = {0: "today", 1: "tomorrow", -1: "yesterday"}.get(days)
    return f"{word or f'{local:%a} {local.day} {local:%b}'} {local:%H:%M}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _item(section: Section, fact: Fact, when: str, what: str, late: int = 0) -> Item:
    """A row: every text on one line (a summary typed in the form may hold newlines)."""
    return Item(section, fact.person_id, _one_line(fact.name), _one_line(fact.company), when,
                _one_line(what), fact.ref, late)  # fmt: skip


def follow_up_item(fact: Fact, today: date) -> Item:
    when, late = _late_text(_day(fact.when), today)
    what = fact.detail or (list_hint(fact.stage, fact.role) if fact.stage else "")
    return _item(Section.follow_ups, fact, when, what, late)


def meeting_item(fact: Fact, today: date) -> Item:
    assert isinstance(fact.when, datetime)
    where = fact.detail or "no place yet"
    return _item(Section.meetings, fact, _meeting_when(fact.when, today), where + " · b brief")


def wrap_up_item(fact: Fact, today: date) -> Item:
    assert isinstance(fact.when, datetime)
    what = "send the follow-up" if fact.flag else "mark it done (how did it go?)"
    return _item(Section.wrap_up, fact, _meeting_when(fact.when, today), what)


def _ago(value: datetime | date, today: date) -> str:
    return days_ago((today - _day(value)).days)


def promise_item(fact: Fact, today: date, section: Section) -> Item:
    promised = "said yes" if section is Section.promised else "you promised"
    what = f"{promised}: {fact.detail}" if fact.detail else promised
    return _item(section, fact, _ago(fact.when, today), what)


def reply_item(fact: Fact, today: date) -> Item:
    what = fact.detail or "they wrote last"
    return _item(Section.replies, fact, _ago(fact.when, today), what)


def job_change_item(fact: Fact, today: date) -> Item:
    what = fact.detail + " · a reason to write"
    return _item(Section.job_changes, fact, _ago(fact.when, today), what)


def cold_item(fact: Fact, today: date) -> Item:
    """`fact.when` is the last contact; cold since last contact + cadence (or the snooze)."""
    last = _day(fact.when)
    due = fact.due or keep_in_touch_due(last, fact.cadence, None) or last
    late = (today - due).days
    what = f"last contact {_ago(last, today)} (keep in touch {cadence_text(fact.cadence)})"
    when = "due today" if late <= 0 else f"{days_text(late)} over"
    return _item(Section.going_cold, fact, when, what, max(late, 0))


def draft_item(fact: Fact, today: date) -> Item:
    from netui.compose import intent_label

    return _item(Section.drafts, fact, f"saved {_ago(fact.when, today)}", intent_label(fact.detail))


def build_today(facts: TodayFacts, today: date, weekly_goal: int) -> Today:
    """The Today list: each section's rows in its order, the empty sections left out."""
    builders = {
        Section.follow_ups: lambda f: follow_up_item(f, today),
        Section.meetings: lambda f: meeting_item(f, today),
        Section.wrap_up: lambda f: wrap_up_item(f, today),
        Section.promised: lambda f: promise_item(f, today, Section.promised),
        Section.owed: lambda f: promise_item(f, today, Section.owed),
        Section.replies: lambda f: reply_item(f, today),
        Section.job_changes: lambda f: job_change_item(f, today),
        Section.going_cold: lambda f: cold_item(f, today),
        Section.drafts: lambda f: draft_item(f, today),
    }
    sections = []
    for section in Section:
        rows = facts.rows.get(section, [])
        if not rows:
            continue
        items = [builders[section](f) for f in rows]
        if section is Section.follow_ups:
            items.sort(key=lambda i: (-i.late, i.name.casefold()))
        total = max(facts.totals.get(section, len(items)), len(items))
        sections.append(SectionView(section, items, total))
    return Today(today, sections, facts.week_conversations, weekly_goal)


def today_lines(today: Today, *, width: int = 100) -> list[str]:
    """`netui today` as plain text: one heading per section, one line per row."""
    lines = [f"Today, {today.day:%A %d %B %Y}", today.progress_line]
    if today.empty:
        lines += ["", "Nothing to do today: no follow-ups due, no meetings, no one going cold."]
        return lines
    for view in today.sections:
        lines += ["", f"{view.section.heading} ({view.total:,})"]
        for item in view.items:
            line = f"  {item.when:<16} {item.who}  —  {item.what}"
            line = line if len(line) <= width else line[: width - 1] + "…"
            lines.append(for_terminal(line))
        if view.more:
            lines.append(f"  … and {view.more:,} more")
    return lines


def today_json(today: Today) -> dict[str, object]:
    return {
        "day": today.day.isoformat(),
        "week": {
            "conversations": today.week_conversations,
            "goal": today.weekly_goal,
            "definition": CONVERSATION_DEFINITION,
        },
        "sections": [
            {
                "section": view.section.value,
                "title": view.section.heading,
                "total": view.total,
                "items": [
                    {
                        "person_id": i.person_id,
                        "name": i.name,
                        "company": i.company,
                        "when": i.when,
                        "what": i.what,
                        "ref": i.ref,
                    }
                    for i in view.items
                ],
            }
            for view in today.sections
        ],
    }
