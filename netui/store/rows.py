"""Light rows for lists (a frozen record a row) and the list query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

SORT_KEYS = (
    "name",
    "company",
    "title",
    "role",
    "closeness",
    "stage",
    "follow_up",
    "last_contact",
)


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: int
    full_name: str
    company: str
    title: str
    role: str
    closeness: str
    stage: str
    next_step: str
    follow_up_on: str | None  # YYYY-MM-DD
    last_contact: str | None  # YYYY-MM-DD HH:MM:SS UTC
    archived: bool
    follow_up_owed: bool

    def is_overdue(self, today: date) -> bool:
        return self.follow_up_on is not None and self.follow_up_on <= today.isoformat()


@dataclass(frozen=True)
class PeopleQuery:
    """What the People list shows: filters and the sort."""

    text: str = ""
    stage: str | None = None
    role: str | None = None
    closeness: str | None = None
    company_id: int | None = None
    due_only: bool = False
    archived: bool = False
    tech_only: bool = False  # only people at a tech company (see netui/tech.py)
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True, slots=True)
class PeopleWindow:
    """What the People list needs for one query: how many, of how many, and some rows."""

    count: int
    total: int
    offset: int
    rows: list[PersonRow]


@dataclass(frozen=True, slots=True)
class CompanyRow:
    id: int
    name: str
    is_target: bool
    people: int
    engineers: int
    connectors: int
    stages: str
    tech: str = ""  # what you said: 'yes', 'no', '' (unknown)
    tech_guess: str = ""  # why it looks like tech ('' when nothing says so; see netui/tech.py)

    @property
    def is_tech(self) -> bool:
        from netui.tech import is_tech

        return is_tech(self.tech, self.tech_guess)
