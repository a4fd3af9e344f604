"""The method from the chapter (pure): who to pitch, who to ask for an intro, what's next."""

from __future__ import annotations

from enum import StrEnum

from netui.enums import Role, Stage


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
