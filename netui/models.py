"""SQLModel tables mirroring schema.py (the migrations own the DDL; a test checks they agree)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from netui.enums import (
    Direction,
    DraftStatus,
    InteractionKind,
    LinkKind,
    MeetingStatus,
    Phase,
    Role,
    Stage,
)
from netui.person_spec import STORED, PersonField
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


def _person_column(f: PersonField) -> tuple[Any, Any]:
    """One spec field as an ORM column: (annotation, default or Field)."""
    kind: Any = f.kind
    annotation = kind | None if f.nullable else kind
    if f.name == "id":
        return int | None, Field(default=None, primary_key=True)
    if f.name == "company_id":
        return annotation, Field(default=None, foreign_key="company.id")
    if f.name in ("created_at", "updated_at"):  # set when the row is made
        return datetime, Field(default_factory=_now, sa_type=UTCText)
    if f.enum is not None:
        return annotation, Field(default=f.default, sa_type=String)
    if kind is datetime:
        return annotation, Field(default=f.default, sa_type=UTCText)
    if kind is date:
        return annotation, Field(default=f.default, sa_type=DateText)
    return annotation, f.default


def _person_table() -> type[SQLModel]:
    """The person table from the person spec: every stored field, typed as the spec says."""
    namespace: dict[str, Any] = {"__module__": __name__, "__annotations__": {}}
    for f in STORED:
        namespace["__annotations__"][f.name], namespace[f.name] = _person_column(f)
    metaclass: Any = type(SQLModel)
    table: type[SQLModel] = metaclass("Person", (SQLModel,), namespace, table=True)
    return table


if TYPE_CHECKING:

    class Person(SQLModel):
        """The columns the store names in code; every other spec field reads as Any."""

        id: int | None
        full_name: str
        company_id: int | None
        role: Role
        stage: Stage
        follow_up_on: date | None
        is_stub: bool
        created_at: datetime
        updated_at: datetime
        archived_at: datetime | None

        def __init__(self, **values: Any) -> None: ...
        def __getattr__(self, name: str) -> Any: ...

else:
    Person = _person_table()


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
