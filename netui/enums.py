"""Closed sets of values (member names equal their stored values)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    engineer = "engineer"
    engineering_manager = "engineering_manager"
    founder_cto = "founder_cto"
    recruiter = "recruiter"
    other_tech = "other_tech"
    non_tech = "non_tech"
    unknown = "unknown"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.engineer: "engineer",
    Role.engineering_manager: "eng manager",
    Role.founder_cto: "founder/CTO",
    Role.recruiter: "recruiter",
    Role.other_tech: "other (tech)",
    Role.non_tech: "non-tech",
    Role.unknown: "unknown",
}


def role_label(value: str) -> str:
    """A stored role's label; a value netui does not know is shown as it is."""
    return Role(value).label if value in Role.__members__ else value


class Closeness(StrEnum):
    close = "close"
    friend = "friend"
    acquaintance = "acquaintance"
    met_once = "met_once"

    @property
    def label(self) -> str:
        return "met once" if self is Closeness.met_once else self.value


def closeness_label(value: str) -> str:
    """A stored closeness's label; a value netui does not know is shown as it is."""
    return Closeness(value).label if value in Closeness.__members__ else value


class HowWeKnow(StrEnum):
    school = "school"
    college = "college"
    work = "work"
    life = "life"
    online = "online"
    other = "other"


class Stage(StrEnum):
    new = "new"
    reconnecting = "reconnecting"
    engaged = "engaged"
    asked = "asked"
    introduced = "introduced"
    referred = "referred"
    interviewing = "interviewing"
    done = "done"
    paused = "paused"


def stage_of(value: str) -> Stage:
    """A stored stage; one netui cannot read (a hand-edited file) counts as new."""
    return Stage(value) if value in Stage.__members__ else Stage.new


# Forward order of the pipeline; paused sits outside it.
STAGE_ORDER = [
    Stage.new,
    Stage.reconnecting,
    Stage.engaged,
    Stage.asked,
    Stage.introduced,
    Stage.referred,
    Stage.interviewing,
    Stage.done,
]


class InteractionKind(StrEnum):
    message = "message"
    email = "email"
    call = "call"
    coffee = "coffee"
    meeting = "meeting"
    intro = "intro"
    referral = "referral"
    reply = "reply"
    promise = "promise"  # an intro promised: in, to you ("yes, I'll introduce you"); out, by you
    note = "note"


class Direction(StrEnum):
    out = "out"
    in_ = "in"
    none = "none"


class DraftStatus(StrEnum):
    draft = "draft"
    copied = "copied"
    sent = "sent"


class MeetingStatus(StrEnum):
    planned = "planned"
    done = "done"
    cancelled = "cancelled"


class Phase(StrEnum):
    before = "before"
    during = "during"
    after = "after"


class LinkKind(StrEnum):
    knows = "knows"
    introduced_by = "introduced_by"
    works_with = "works_with"
