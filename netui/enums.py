"""Closed sets of values (member names equal their stored values)."""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Labelled(StrEnum):
    """A StrEnum whose members carry the label netui shows: `member = "value", "label"`
    (a member without one is shown by its value)."""

    _value_: str
    label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label or value
        return member

    @classmethod
    def label_of(cls, value: str) -> str:
        """A stored value's label; a value netui does not know is shown as it is."""
        return cls(value).label if value in cls.__members__ else value


class Role(Labelled):
    engineer = "engineer"
    engineering_manager = "engineering_manager", "eng manager"
    founder_cto = "founder_cto", "founder/CTO"
    recruiter = "recruiter"
    other_tech = "other_tech", "other (tech)"
    non_tech = "non_tech", "non-tech"
    unknown = "unknown"


ROLE_LABELS = {role: role.label for role in Role}
role_label = Role.label_of


class Closeness(Labelled):
    close = "close"
    friend = "friend"
    acquaintance = "acquaintance"
    met_once = "met_once", "met once"


closeness_label = Closeness.label_of


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
