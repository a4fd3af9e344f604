"""Progress (pure): conversations per week, the funnel, response rates, target companies.

The store counts (netui/store/agenda.py `read_progress`); this module turns the counts into
the Progress screen's numbers and `netui stats` (text or JSON).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from netui.conversations import CONVERSATION_DEFINITION, Part, is_conversation
from netui.enums import STAGE_ORDER, Stage
from netui.plural import noun_for
from netui.textsafe import for_terminal
from netui.timeutil import week_start

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
    from netui.compose import channel_label, intent_label

    totals: dict[str, list[int]] = {}
    for row in sent:
        slot = totals.setdefault(row[0] if key == 0 else row[1], [0, 0])
        slot[0] += row[3]
        slot[1] += row[3] if row[2] else 0

    label = intent_label if key == 0 else channel_label
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
