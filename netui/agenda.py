"""Today and Progress (pure): what to do next, keeping in touch, the measure of progress.

The store gathers facts (netui/store/agenda.py); this module decides what they mean:
which follow-ups are late and by how much, who is going cold, what counts as a
conversation, how far the funnel goes. No SQL, no Textual: the CLI, the screens and the
benchmark all read the same answers from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from netui.enums import STAGE_ORDER, Closeness, Direction, InteractionKind, Stage
from netui.pipeline import (
    CONVERSATION_KINDS,
    MESSAGE_KINDS,
    list_hint,
    settles_follow_up,
    stage_after,
)
from netui.plural import noun_for
from netui.settings import Settings
from netui.textsafe import for_terminal
from netui.timeutil import days_ago, days_text, local_date

# ---- keep in touch ------------------------------------------------------------------

NEVER = 0  # a cadence of 0 days: no reminder to keep in touch


def cadence_table(settings: Settings) -> dict[str, int]:
    """Days between contacts before someone is going cold, by closeness (settings)."""
    return {
        Closeness.close: settings.cadence_close_days,
        Closeness.friend: settings.cadence_friend_days,
        Closeness.acquaintance: settings.cadence_acquaintance_days,
        Closeness.met_once: settings.cadence_met_once_days,
    }


def cadence_for(closeness: str, override: int | None, table: dict[str, int]) -> int:
    """The person's own cadence if set, else their closeness's (0: never)."""
    if override is not None:
        return max(override, NEVER)
    return table.get(closeness, NEVER)


def keep_in_touch_due(
    last_contact: date | None, cadence: int, snooze_until: date | None
) -> date | None:
    """The day they go cold: last contact + cadence, or the snooze's end if snoozed.

    No contact yet (only imported, never talked to) is not "going cold": reaching out to
    them is the pipeline's first step, not a lapse. A cadence of 0 never goes cold.
    """
    if cadence <= NEVER or last_contact is None:
        return None
    if snooze_until is not None:
        return snooze_until
    return last_contact + timedelta(days=cadence)


def cadence_text(days: int) -> str:
    """'every 3 weeks', 'every 3 months', 'never'."""
    if days <= NEVER:
        return "never"
    if days % 30 == 0 and days >= 60:
        return f"every {days // 30} months"
    if days % 7 == 0:
        return "every week" if days == 7 else f"every {days // 7} weeks"
    return f"every {days} days"


# ---- what counts as a conversation -----------------------------------------------------

CONVERSATION_DEFINITION = (
    "A conversation is a logged call, coffee or meeting, or a two-way exchange of messages "
    "with one person on one day (you wrote and they wrote back)."
)


class Part(StrEnum):
    """What one timeline entry contributes to a person's day."""

    talk = "talk"  # a call, coffee or meeting
    wrote = "wrote"  # you sent a message or email
    heard = "heard"  # they wrote (a reply, or an incoming message or email)
    both = "both"  # a message logged as going both ways


def part_of(kind: str, direction: str) -> Part | None:
    if kind in CONVERSATION_KINDS:
        return Part.talk
    if kind == InteractionKind.reply:
        return Part.heard
    if kind in MESSAGE_KINDS:
        return {Direction.out: Part.wrote, Direction.in_: Part.heard}.get(
            Direction(direction), Part.both
        )
    return None


def part_pairs() -> dict[Part, list[str]]:
    """Every 'kind/direction' pair by the part it plays (the store filters on these)."""
    pairs: dict[Part, list[str]] = {part: [] for part in Part}
    for kind in InteractionKind:
        for direction in Direction:
            part = part_of(kind, direction)
            if part is not None:
                pairs[part].append(f"{kind.value}/{direction.value}")
    return pairs


def is_conversation(parts: Iterable[Part]) -> bool:
    """One person's day: a talk, a both-ways message, or you wrote and they wrote."""
    seen = set(parts)
    return Part.talk in seen or Part.both in seen or {Part.wrote, Part.heard} <= seen


def response_pairs() -> list[str]:
    """'kind/direction' pairs that answer a message you sent: the follow-up rule's answer."""
    return [
        f"{k.value}/{d.value}"
        for k in InteractionKind
        for d in Direction
        if settles_follow_up(k, d)
    ]


def keeps_promise_pairs() -> list[str]:
    """'kind/direction' pairs that keep an intro promised to you: the intro came in."""
    return [
        f"{k.value}/{d.value}"
        for k in InteractionKind
        for d in Direction
        if stage_after(k, d) in (Stage.introduced, Stage.referred)
    ]


def waiting_pairs() -> list[str]:
    """'kind/direction' pairs that leave the next word to you when they are the last one."""
    return [f"{k.value}/{d.value}" for k in InteractionKind for d in Direction
            if part_of(k, d) is Part.heard]  # fmt: skip


def week_start(day: date) -> date:
    """Monday of the day's week."""
    return day - timedelta(days=day.weekday())


# ---- Today --------------------------------------------------------------------------

REPLY_WINDOW_DAYS = 60  # a message from them older than this is no longer "waiting"
MEETING_HOURS = 48  # meetings this soon are listed
SECTION_LIMIT = 50  # rows read per section; the count says how many more there are


class Section(StrEnum):
    follow_ups = "follow_ups"
    meetings = "meetings"
    wrap_up = "wrap_up"
    promised = "promised"
    owed = "owed"
    replies = "replies"
    job_changes = "job_changes"
    going_cold = "going_cold"
    drafts = "drafts"

    @property
    def heading(self) -> str:
        return SECTION_TITLES[self]


SECTION_TITLES = {
    Section.follow_ups: "Follow-ups due",
    Section.meetings: "Meetings in the next 48 hours",
    Section.wrap_up: "Meetings to wrap up",
    Section.promised: "Intros promised to you",
    Section.owed: "Intros you owe",
    Section.replies: "Replies waiting for you",
    Section.job_changes: "Job changes",
    Section.going_cold: "Going cold",
    Section.drafts: "Drafts not sent",
}


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
        return self.name + (f" @ {self.company}" if self.company else "")


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
    from netui.compose import INTENT_LABELS, Intent

    try:
        intent = INTENT_LABELS[Intent(fact.detail)]
    except ValueError:
        intent = fact.detail
    return _item(Section.drafts, fact, f"saved {_ago(fact.when, today)}", intent)


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


# ---- Progress -----------------------------------------------------------------------

PROGRESS_WEEKS = 12
FUNNEL = (
    ("reconnecting", (Stage.reconnecting,)),
    ("engaged", (Stage.engaged,)),
    ("asked", (Stage.asked,)),
    ("introduced / referred", (Stage.introduced, Stage.referred)),
    ("interviewing", (Stage.interviewing,)),
)


@dataclass
class ProgressFacts:
    """What the store counted: person-days by their parts, stages, sent messages, targets."""

    day_parts: list[tuple[date, frozenset[Part], int]] = field(default_factory=list)
    stages: dict[str, int] = field(default_factory=dict)
    # (intent, channel, answered, how many)
    sent: list[tuple[str, str, bool, int]] = field(default_factory=list)
    targets: list[tuple[int, str, str, int]] = field(default_factory=list)  # id, name, stage, n


@dataclass(frozen=True, slots=True)
class Rate:
    label: str
    sent: int
    answered: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.sent) if self.sent else 0


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    people: int
    furthest: str  # the furthest stage anyone there has reached ("" if no one yet)
    engaged: int  # people there at engaged or beyond

    @property
    def how_far(self) -> str:
        if not self.people:
            return "no one there yet: find a path in"
        return f"furthest: {self.furthest}" if self.furthest else "no one contacted yet"


@dataclass(frozen=True)
class Progress:
    weeks: list[tuple[date, int]]  # week start, conversations, oldest first
    weekly_goal: int
    funnel: list[tuple[str, int]]
    by_intent: list[Rate]
    by_channel: list[Rate]
    targets: list[Target]

    @property
    def conversations(self) -> int:
        return sum(n for _, n in self.weeks)

    @property
    def sent(self) -> int:
        return sum(r.sent for r in self.by_intent)


def progress_since(today: date) -> date:
    """The first day the weekly chart counts (Monday, PROGRESS_WEEKS weeks back)."""
    return week_start(today) - timedelta(weeks=PROGRESS_WEEKS - 1)


def stage_rank(stage: str) -> int:
    """Position in the pipeline (paused: -1, outside it)."""
    try:
        return STAGE_ORDER.index(Stage(stage))
    except ValueError:
        return -1


def funnel(stages: dict[str, int]) -> list[tuple[str, int]]:
    """People at or past each step (done counts as past them all; paused as none)."""
    out = []
    for label, members in FUNNEL:
        floor = min(stage_rank(s) for s in members)
        out.append((label, sum(n for s, n in stages.items() if stage_rank(s) >= floor)))
    return out


def _rates(sent: Sequence[tuple[str, str, bool, int]], key: int) -> list[Rate]:
    from netui.compose import CHANNELS, INTENT_LABELS, Channel, Intent

    totals: dict[str, list[int]] = {}
    for row in sent:
        slot = totals.setdefault(row[0] if key == 0 else row[1], [0, 0])
        slot[0] += row[3]
        slot[1] += row[3] if row[2] else 0

    def label(value: str) -> str:
        try:
            return INTENT_LABELS[Intent(value)] if key == 0 else CHANNELS[Channel(value)].label
        except (ValueError, KeyError):
            return value

    rates = [Rate(label(v), s, a) for v, (s, a) in totals.items()]
    return sorted(rates, key=lambda r: (-r.sent, r.label))


def build_progress(facts: ProgressFacts, today: date, weekly_goal: int) -> Progress:
    first = progress_since(today)
    counts = {first + timedelta(weeks=k): 0 for k in range(PROGRESS_WEEKS)}
    for day, parts, n in facts.day_parts:
        if first <= day <= today and is_conversation(parts):
            counts[week_start(day)] += n
    people: dict[int, tuple[str, list[tuple[str, int]]]] = {}
    for company_id, name, stage, n in facts.targets:
        people.setdefault(company_id, (name, []))[1].append((stage, n))
    targets = []
    for name, stages in people.values():
        live = [(s, n) for s, n in stages if s]
        reached = [s for s, _ in live if stage_rank(s) > 0]
        furthest = max(reached, key=stage_rank) if reached else ""
        engaged = sum(n for s, n in live if stage_rank(s) >= stage_rank(Stage.engaged))
        targets.append(Target(name, sum(n for _, n in live), furthest, engaged))
    targets.sort(key=lambda t: (-stage_rank(t.furthest or "new"), -t.people, t.name.casefold()))
    return Progress(
        weeks=sorted(counts.items()),
        weekly_goal=weekly_goal,
        funnel=funnel(facts.stages),
        by_intent=_rates(facts.sent, 0),
        by_channel=_rates(facts.sent, 1),
        targets=targets,
    )


def count_conversations(
    day_parts: Iterable[tuple[date, frozenset[Part], int]], first: date, last: date
) -> int:
    """Conversations from `first` to `last`: the person-days that are one."""
    return sum(n for day, parts, n in day_parts
               if first <= day <= last and is_conversation(parts))  # fmt: skip


def progress_lines(progress: Progress) -> list[str]:
    """`netui stats`: the Progress screen's numbers as text."""
    lines = [f"Conversations per week (goal {progress.weekly_goal})"]
    for start, n in progress.weeks:
        lines.append(f"  {start:%d %b}  {n:>3}  {'#' * min(n, 60)}")
    lines.append(f"  {CONVERSATION_DEFINITION}")
    lines += ["", "Funnel (people at or past each step)"]
    lines += [f"  {label:<22} {n:>6,}" for label, n in progress.funnel]
    for title, rates in (("by intent", progress.by_intent), ("by channel", progress.by_channel)):
        lines += ["", f"Response rate {title} (messages marked sent, answered after)"]
        if not rates:
            lines.append("  No messages sent yet: mark a draft sent in the composer.")
        lines += [f"  {r.label:<28} {r.answered:>4} of {r.sent:<4} {r.percent:>3}%" for r in rates]
    lines += ["", "Target companies"]
    if not progress.targets:
        lines.append("  No target companies yet: mark one with t on the Companies screen.")
    lines += [
        f"  {t.name:<24} {t.people:>4} {noun_for(t.people, 'person'):<6}  {t.how_far}"
        for t in progress.targets
    ]
    return [for_terminal(line) for line in lines]


def progress_json(progress: Progress) -> dict[str, object]:
    return {
        "weeks": [{"week": d.isoformat(), "conversations": n} for d, n in progress.weeks],
        "goal": progress.weekly_goal,
        "definition": CONVERSATION_DEFINITION,
        "funnel": [{"step": label, "people": n} for label, n in progress.funnel],
        "response_by_intent": [
            {"intent": r.label, "sent": r.sent, "answered": r.answered} for r in progress.by_intent
        ],
        "response_by_channel": [
            {"channel": r.label, "sent": r.sent, "answered": r.answered}
            for r in progress.by_channel
        ],
        "targets": [
            {"company": t.name, "people": t.people, "furthest": t.furthest, "engaged": t.engaged}
            for t in progress.targets
        ],
    }
