"""SQLModel tables mirroring schema.py (the migrations own the DDL; a test checks they agree)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from netui.enums import (
    Closeness,
    Direction,
    DraftStatus,
    HowWeKnow,
    InteractionKind,
    LinkKind,
    MeetingStatus,
    Phase,
    Role,
    Stage,
)
from netui.timeutil import format_utc, parse_utc


class UTCText(TypeDecorator[datetime]):
    """Aware UTC datetimes stored as 'YYYY-MM-DD HH:MM:SS' text (sorts, readable in raw SQL)."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> str | None:
        return None if value is None else format_utc(value)

    def process_result_value(self, value: str | None, dialect: Any) -> datetime | None:
        try:
            return None if value is None else parse_utc(value)
        except ValueError:  # not readable: the Person screen shows the raw value instead
            return None


class DateText(TypeDecorator[date]):
    """Calendar dates stored as 'YYYY-MM-DD'."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Any) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect: Any) -> date | None:
        try:
            return None if value is None else date.fromisoformat(value)
        except ValueError:  # not readable: the Person screen shows the raw value instead
            return None


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Company(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str
    aliases: str = ""
    website: str = ""
    is_target: bool = False
    notes: str = ""
    created_at: datetime = Field(default_factory=_now, sa_type=UTCText)
    tech: str = ""  # what you said: 'yes', 'no', '' (unknown; netui/tech.py guesses)


class Person(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    full_name: str
    first_name: str = ""
    company_id: int | None = Field(default=None, foreign_key="company.id")
    title: str = ""
    role: Role = Field(default=Role.unknown, sa_type=String)
    closeness: Closeness = Field(default=Closeness.acquaintance, sa_type=String)
    how_we_know: HowWeKnow = Field(default=HowWeKnow.other, sa_type=String)
    how_we_know_text: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    instagram: str = ""
    snapchat: str = ""
    other_channel: str = ""
    city: str = ""
    notes: str = ""
    stage: Stage = Field(default=Stage.new, sa_type=String)
    next_step: str = ""
    follow_up_on: date | None = Field(default=None, sa_type=DateText)
    last_contact: datetime | None = Field(default=None, sa_type=UTCText)
    connected_on: date | None = Field(default=None, sa_type=DateText)
    is_stub: bool = False
    created_at: datetime = Field(default_factory=_now, sa_type=UTCText)
    updated_at: datetime = Field(default_factory=_now, sa_type=UTCText)
    archived_at: datetime | None = Field(default=None, sa_type=UTCText)
    cadence_days: int | None = None  # keep in touch every N days; None: from closeness
    snooze_until: date | None = Field(default=None, sa_type=DateText)


class Interaction(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id")
    kind: InteractionKind = Field(sa_type=String)
    direction: Direction = Field(default=Direction.none, sa_type=String)
    at: datetime = Field(sa_type=UTCText)
    summary: str = ""
    created_at: datetime = Field(default_factory=_now, sa_type=UTCText)


class Draft(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id")
    intent: str
    tone: str
    channel: str
    template_key: str = ""
    subject: str = ""
    body: str = ""
    status: DraftStatus = Field(default=DraftStatus.draft, sa_type=String)
    created_at: datetime = Field(default_factory=_now, sa_type=UTCText)
    updated_at: datetime = Field(default_factory=_now, sa_type=UTCText)
    sent_at: datetime | None = Field(default=None, sa_type=UTCText)


class Meeting(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id")
    starts_at: datetime = Field(sa_type=UTCText)
    place: str = ""
    address: str = ""
    ask: str = ""
    notes: str = ""
    status: MeetingStatus = Field(default=MeetingStatus.planned, sa_type=String)
    follow_up_owed: bool = False
    agreed: str = ""  # the next step agreed, written to them: "you'll pass my resume to Jo"
    created_at: datetime = Field(default_factory=_now, sa_type=UTCText)
    updated_at: datetime = Field(default_factory=_now, sa_type=UTCText)


class ChecklistItem(SQLModel, table=True):
    __tablename__ = "checklist_item"
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id")
    phase: Phase = Field(sa_type=String)
    text: str
    done: bool = False
    position: int = 0


class Link(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    person_a: int = Field(foreign_key="person.id")
    person_b: int = Field(foreign_key="person.id")
    kind: LinkKind = Field(default=LinkKind.knows, sa_type=String)
    note: str = ""
    created_at: datetime = Field(default_factory=_now, sa_type=UTCText)
