"""The method from the chapter (pure): who to pitch, who to ask for an intro, what's next."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Protocol

from netui.enums import STAGE_ORDER, Direction, InteractionKind, Role, Stage, stage_of


class Approach(StrEnum):
    pitch = "pitch"
    intro = "intro"
    find_out = "find_out"


PITCH_ROLES = frozenset({Role.engineer, Role.engineering_manager, Role.founder_cto})


def approach_for(role: str) -> Approach:
    """Engineers, EMs and CTOs: pitch yourself; anyone else at a tech company: intro."""
    if role in PITCH_ROLES:
        return Approach.pitch
    if role == Role.unknown:
        return Approach.find_out
    return Approach.intro


def list_hint(stage: str, role: str) -> str:
    """A short next-step hint for the People list, from stage and approach alone."""
    approach = approach_for(role)
    if stage in (Stage.new, Stage.paused):
        return "reconnect" if stage == Stage.new else "paused"
    if stage == Stage.reconnecting:
        return "catch up"
    if stage == Stage.engaged:
        if approach is Approach.pitch:
            return "pitch yourself"
        if role == Role.recruiter:
            return "ask for a referral"
        if approach is Approach.intro:
            return "ask for an intro"
        return "find out their role"
    if stage == Stage.asked:
        return "wait / follow up"
    if stage in (Stage.introduced, Stage.referred):
        return "thank + prepare"
    if stage == Stage.interviewing:
        return "interviewing"
    return "done"


# ---- stage rules ------------------------------------------------------------------

CONVERSATION_KINDS = frozenset(
    {InteractionKind.call, InteractionKind.coffee, InteractionKind.meeting}
)
MESSAGE_KINDS = frozenset({InteractionKind.message, InteractionKind.email})


def stage_after(kind: str, direction: str) -> Stage | None:
    """The stage an interaction of this kind points to, or None if it moves nothing.

    - an outgoing message or email (you reached out): reconnecting
    - a call, coffee or meeting (you talked): engaged
    - an outgoing intro or referral (you asked for one): asked
    - an intro or referral that came in or just happened: introduced / referred
    - replies and notes move nothing by themselves
    """
    if kind in MESSAGE_KINDS:
        return Stage.reconnecting if direction == Direction.out else None
    if kind in CONVERSATION_KINDS:
        return Stage.engaged
    if kind in (InteractionKind.intro, InteractionKind.referral):
        if direction == Direction.out:
            return Stage.asked
        return Stage.introduced if kind == InteractionKind.intro else Stage.referred
    return None


def kind_label(kind: str, direction: str) -> str:
    """What an entry was, in words: an outgoing intro or referral is the ask for one
    ('ask intro', 'ask ref'), not an introduction that happened."""
    if direction == Direction.out and kind == InteractionKind.intro:
        return "ask intro"
    if direction == Direction.out and kind == InteractionKind.referral:
        return "ask ref"
    return str(kind)


def settles_follow_up(kind: str, direction: str) -> bool:
    """They answered or you talked: a pending nudge is no longer needed."""
    if kind in CONVERSATION_KINDS or kind == InteractionKind.reply:
        return True
    return direction == Direction.in_ and kind != InteractionKind.note


def advance_stage(current: str, kind: str, direction: str = Direction.none) -> Stage:
    """The stage after logging an interaction: only ever forward; paused stays paused."""
    stage = stage_of(current)
    if stage is Stage.paused:
        return stage
    target = stage_after(kind, direction)
    if target is None or STAGE_ORDER.index(target) <= STAGE_ORDER.index(stage):
        return stage
    return target


# ---- what to say and do -----------------------------------------------------------

ASK_WAIT_DAYS = 7  # after an ask with no reply for this long, nudge once


def approach_text(role: str, company: str = "") -> str:
    """The approach in the chapter's words, for the Person screen."""
    approach = approach_for(role)
    if approach is Approach.pitch:
        return "pitch yourself (once you have caught up)"
    if role == Role.non_tech:
        # Not in tech themselves: their worth to the search is who they know there.
        return "ask who they know at tech companies, then for an introduction"
    if role == Role.recruiter:
        # The chapter: anyone at a tech company can connect you to an engineer or a
        # hiring manager; a recruiter's own work is that connection, for an open role.
        return f"ask for a referral to the hiring manager of an open engineering role{_at(company)}"
    if approach is Approach.intro:
        return f"ask for an introduction to engineers at {company or 'their company'}"
    return "find out what they do"


def _at(company: str) -> str:
    return f" at {company}" if company else ""


class TimelineEntry(Protocol):
    """What the next step reads from a timeline entry (store.timeline rows fit)."""

    @property
    def kind(self) -> str: ...

    @property
    def direction(self) -> str: ...

    @property
    def day(self) -> date: ...


def _is_reply(entry: TimelineEntry) -> bool:
    return entry.kind == InteractionKind.reply or (
        entry.direction == Direction.in_ and entry.kind != InteractionKind.note
    )


def _last_ask(timeline: Sequence[TimelineEntry]) -> TimelineEntry | None:
    for entry in timeline:
        if entry.kind in (InteractionKind.intro, InteractionKind.referral) and (
            entry.direction == Direction.out
        ):
            return entry
    return None


def _replied_since(timeline: Sequence[TimelineEntry], since: date) -> bool:
    return any(_is_reply(e) and e.day >= since for e in timeline)


def next_step(
    stage: str,
    role: str,
    first_name: str,
    company: str,
    timeline: Sequence[TimelineEntry],
    today: date,
    *,
    follow_up_on: date | None = None,
    follow_up_days: int = 5,
) -> str:
    """One sentence: what to do next with this person (timeline newest first)."""
    name = first_name or "them"
    at = f" at {company}" if company else ""
    stage_ = stage_of(stage)
    approach = approach_for(role)
    if stage_ is Stage.paused:
        return f"Paused: set a stage when you want to pick up with {name} again"
    if stage_ is Stage.done:
        return f"Done: thank {name} and keep in touch"
    if follow_up_on is not None and follow_up_on <= today:
        return f"Follow up with {name}"
    last_out = next(
        (e for e in timeline if e.direction == Direction.out and e.kind in MESSAGE_KINDS), None
    )
    if stage_ is Stage.asked:
        ask = _last_ask(timeline)
        if ask is None or _replied_since(timeline, ask.day):
            return f"Thank {name} and agree on the next step"
        waited = (today - ask.day).days
        if waited >= ASK_WAIT_DAYS:
            return f"Follow up with {name}"
        return f"Wait for {name}'s answer (asked {waited}d ago)"
    if stage_ is Stage.new:
        return f"Reconnect with {name}: a casual message, no ask yet"
    if stage_ is Stage.reconnecting:
        if timeline and _is_reply(timeline[0]):
            return f"Reply to {name} and suggest a coffee or a call"
        if last_out is not None and (today - last_out.day).days >= follow_up_days:
            return f"Follow up with {name}"
        return f"Catch up with {name}: their work, their team, tips for your search"
    if stage_ is Stage.engaged:
        if approach is Approach.pitch:
            return f"Pitch yourself to {name} for an engineering role{at}"
        if role == Role.non_tech:
            return f"Ask {name} who they know at tech companies"
        if role == Role.recruiter:
            return f"Ask {name} for a referral to the hiring manager of an open role{at}"
        if approach is Approach.intro:
            return f"Ask {name} for an intro to an engineer{at}"
        return f"Find out what {name} does{at}"
    if stage_ is Stage.introduced:
        return f"Thank {name}, then write to the person they introduced"
    if stage_ is Stage.referred:
        return f"Thank {name} for the referral and get ready for the recruiter"
    return f"Prepare for the interviews{at} and keep {name} posted"
