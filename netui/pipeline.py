"""The method from the chapter (pure): who to pitch, who to ask for an intro, what's next."""

from __future__ import annotations

from enum import StrEnum

from netui.enums import STAGE_ORDER, Direction, InteractionKind, Role, Stage


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


def advance_stage(current: str, kind: str, direction: str = Direction.none) -> Stage:
    """The stage after logging an interaction: only ever forward; paused stays paused."""
    stage = Stage(current)
    if stage is Stage.paused:
        return stage
    target = stage_after(kind, direction)
    if target is None or STAGE_ORDER.index(target) <= STAGE_ORDER.index(stage):
        return stage
    return target
