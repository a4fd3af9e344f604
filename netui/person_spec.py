"""One definition of a person: every field, its type, default, label and how it travels.

`PersonRecord` below IS the spec: each line is one field of the `person` table (or, for
`company`, the company's name through `company_id`), typed (enums, dates), with its default
and its `FieldInfo` (label, spreadsheet header aliases, whether imports carry it, whether
it is exported, whether duplicates merge it, whether an import fills it when empty).
Everything else derives from it: the read record (`get_person` returns a PersonRecord),
the person table's value rules (store/value_rules.py), import records and the netui CSV
header, spreadsheet header aliases, merge fields, export columns, the person form's fields
and the demo's columns.
`tests/test_person_spec.py` checks it against the migrated table (names, types, defaults).

Adding a person field is one place plus a migration:
  1. one line in `PersonRecord`, e.g.
         mastodon: str = info("", "Mastodon", aliases=("mastodon", "fediverse"), fill=True)
     (`system(...)` instead of `info(...)` for bookkeeping the user never types);
  2. a step appended to schema.MIGRATIONS:
         ALTER TABLE person ADD COLUMN mastodon TEXT NOT NULL DEFAULT '';
     (`str` fields are `TEXT NOT NULL DEFAULT ''`, enums `TEXT NOT NULL DEFAULT 'x'`,
     dates `TEXT`, `bool` `INTEGER NOT NULL DEFAULT 0`, `int | None` `INTEGER`);
  3. where the form shows it: one name in `FORM_LAYOUT` below (omit it to keep it off
     the form);
  4. tests for what the field does.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from netui.enums import Closeness, HowWeKnow, Role, Stage
from netui.timeutil import parse_utc


@dataclass(frozen=True, slots=True)
class FieldInfo:
    """How one field travels (see the module docstring)."""

    label: str
    aliases: tuple[str, ...] = ()  # spreadsheet headers that mean this field
    imported: bool = True  # import records carry it (and netui's CSV reads it back)
    exported: bool = True  # a column of the CSV export
    mergeable: bool = True  # the duplicates screen offers a choice for it
    fill: bool = False  # an import fills it when empty (never overwrites it)
    multiline: bool = False  # kept with its line breaks on import
    stored: bool = True  # a column of the person table (company: via company_id)
    prompt: str = ""  # the form's label when it says more than `label`
    placeholder: str = ""  # the form's example value
    area: bool = False  # typed in a multi-line box on the form
    typed: bool = True  # the user sets it (False: bookkeeping netui keeps itself)


def info(
    default: Any,
    label: str,
    *,
    aliases: Sequence[str] = (),
    imported: bool = True,
    exported: bool = True,
    mergeable: bool = True,
    fill: bool = False,
    multiline: bool = False,
    stored: bool = True,
    prompt: str = "",
    placeholder: str = "",
    area: bool = False,
) -> Any:
    """A field the user keeps about a person (typed into the form, imported, exported)."""
    meta = FieldInfo(
        label, tuple(aliases), imported, exported, mergeable, fill, multiline, stored,
        prompt, placeholder, area,
    )  # fmt: skip
    return field(default=default, metadata={"netui": meta})


def system(default: Any, label: str, *, exported: bool = False) -> Any:
    """Bookkeeping netui keeps itself (ids, timestamps): never imported or merged."""
    meta = FieldInfo(label, (), imported=False, exported=exported, mergeable=False, typed=False)
    return field(default=default, metadata={"netui": meta})


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """One person as read (frozen: change them through the Store)."""

    id: int = system(0, "Id")
    full_name: str = info(
        "", "Name",
        aliases=("name", "full name", "fullname", "contact", "contact name", "person", "who",
                 "display name"),
        prompt="Name *", placeholder="Jane Doe",
    )  # fmt: skip
    first_name: str = info(
        "", "First name", aliases=("first name", "first", "given name", "forename",
                                   "firstname"), fill=True,
    )  # fmt: skip
    company: str = info(
        "", "Company",
        aliases=("company", "employer", "organization", "organisation", "org", "works at",
                 "workplace", "firm", "company name", "current company"),
        stored=False, placeholder="Stripe (→ completes)",
    )  # fmt: skip
    title: str = info(
        "", "Title",
        aliases=("title", "job title", "role", "position", "job", "occupation",
                 "current position", "headline"),
        placeholder="Senior Software Engineer",
    )  # fmt: skip
    role: Role = info(Role.unknown, "Role")
    closeness: Closeness = info(Closeness.acquaintance, "Closeness", aliases=("closeness", "close"))
    how_we_know: HowWeKnow = info(HowWeKnow.other, "How we know", prompt="How we know them")
    how_we_know_text: str = info(
        "", "How we met",
        aliases=("how we met", "how we know each other", "how we know", "met", "context",
                 "connection", "source", "how i know them", "how do i know them"),
        fill=True, multiline=True,
        prompt="How we know each other (your note)",  # the example says what messages use
        placeholder="college roommate · or for messages: we met at PyCon",
    )  # fmt: skip
    email: str = info(
        "", "Email", aliases=("email", "e-mail", "email address", "e-mail address", "mail"),
        fill=True, placeholder="jane@example.com",
    )  # fmt: skip
    phone: str = info(
        "", "Phone",
        aliases=("phone", "mobile", "cell", "telephone", "tel", "phone number", "mobile phone",
                 "whatsapp"),
        fill=True, placeholder="+1 555 0100",
    )  # fmt: skip
    linkedin_url: str = info(
        "", "LinkedIn",
        aliases=("linkedin", "linkedin url", "linkedin profile", "profile url", "profile",
                 "url"),
        fill=True, placeholder="https://www.linkedin.com/in/jane",
    )  # fmt: skip
    instagram: str = info(
        "", "Instagram", aliases=("instagram", "ig", "insta"), fill=True, placeholder="@jane"
    )  # fmt: skip
    snapchat: str = info(
        "", "Snapchat", aliases=("snapchat", "snap"), fill=True, placeholder="jane.snaps"
    )  # fmt: skip
    other_channel: str = info(
        "", "Other channel", aliases=("other channel", "twitter", "x", "discord", "telegram"),
        fill=True, placeholder="Discord, Signal",
    )  # fmt: skip
    city: str = info(
        "", "City", aliases=("city", "location", "town", "where", "based in"), fill=True,
        placeholder="Berlin",
    )  # fmt: skip
    notes: str = info(
        "", "Notes", aliases=("notes", "note", "comments", "comment", "about", "remarks"),
        fill=True, multiline=True, area=True,
    )  # fmt: skip
    stage: Stage = info(Stage.new, "Stage", aliases=("stage", "status"))
    next_step: str = info(
        "", "Next step", aliases=("next step", "next", "todo", "to do", "next action"),
        fill=True, multiline=True,
    )  # fmt: skip
    follow_up_on: date | None = info(
        None, "Follow up on", aliases=("follow up", "follow-up", "follow up on",
                                       "follow up date"),
        fill=True, placeholder="YYYY-MM-DD",
    )  # fmt: skip
    connected_on: date | None = info(
        None, "Connected on", aliases=("connected on", "date met", "met on", "since"),
        fill=True, placeholder="YYYY-MM-DD",
    )  # fmt: skip
    cadence_days: int | None = info(
        None, "Keep in touch every (days)", imported=False, exported=False, mergeable=False,
        prompt="Keep in touch every N days (0: never)",  # empty: the box says what closeness gives
    )  # fmt: skip
    snooze_until: date | None = info(
        None, "Snoozed until", imported=False, exported=False, mergeable=False
    )
    company_id: int | None = system(None, "Company id")
    last_contact: datetime | None = system(None, "Last contact", exported=True)
    is_stub: bool = system(False, "Stub")
    created_at: datetime | None = system(None, "Created")
    updated_at: datetime | None = system(None, "Updated")
    archived_at: datetime | None = system(None, "Archived")


# The person form: rows of field names, in tab order (a field left out is not on the form).
FORM_LAYOUT: tuple[tuple[str, ...], ...] = (
    ("full_name",),
    ("company", "title"),
    ("how_we_know_text",),
    ("email", "phone"),
    ("linkedin_url",),
    ("instagram", "snapchat", "other_channel"),
    ("city", "follow_up_on"),
    ("cadence_days",),
    ("role", "closeness", "how_we_know"),
    ("notes",),
)


@dataclass(frozen=True, slots=True)
class PersonField:
    """One field, resolved: its Python type and whether it may be None."""

    name: str
    kind: type  # str, int, bool, date, datetime or a StrEnum
    nullable: bool
    default: Any
    info: FieldInfo

    @property
    def enum(self) -> type[StrEnum] | None:
        return self.kind if issubclass(self.kind, StrEnum) else None

    @property
    def label(self) -> str:
        return self.info.label

    @property
    def sql_default(self) -> Any:
        """The default as the table stores it (an enum's value, a bool as 0/1)."""
        default = self.default
        if isinstance(default, bool):
            return int(default)
        return default.value if isinstance(default, StrEnum) else default

    def from_sql(self, value: Any) -> Any:
        """A stored value as this field's type. A value netui cannot read (a hand-edited
        file) reads as the default (dates: none); `Store.unreadable_values` names it."""
        if value is None:
            return None if self.nullable else self.default
        kind = self.kind
        try:
            if kind is datetime:
                return parse_utc(str(value))
            if kind is date:
                return date.fromisoformat(str(value))
            if kind is bool:
                return bool(value)
            if kind is int:
                return int(value)
            if issubclass(kind, StrEnum):
                return kind(value)
        except (TypeError, ValueError):
            return self.default
        return str(value)


def _resolve() -> tuple[PersonField, ...]:
    hints = typing.get_type_hints(PersonRecord)
    resolved = []
    for f in fields(PersonRecord):
        hint = hints[f.name]
        args = typing.get_args(hint) if isinstance(hint, types.UnionType) else ()
        nullable = type(None) in args
        base = next(a for a in args if a is not type(None)) if args else hint
        resolved.append(PersonField(f.name, base, nullable, f.default, f.metadata["netui"]))
    return tuple(resolved)


PERSON_FIELDS: tuple[PersonField, ...] = _resolve()
FIELDS: dict[str, PersonField] = {f.name: f for f in PERSON_FIELDS}
# What an import record carries, in netui's CSV column order.
RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in PERSON_FIELDS if f.info.imported)
MERGE_FIELDS: tuple[str, ...] = tuple(f.name for f in PERSON_FIELDS if f.info.mergeable)
FILL_FIELDS: tuple[str, ...] = tuple(f.name for f in PERSON_FIELDS if f.info.fill)
MULTILINE_FIELDS: frozenset[str] = frozenset(f.name for f in PERSON_FIELDS if f.info.multiline)
ENUM_FIELDS: dict[str, type[StrEnum]] = {
    f.name: f.kind for f in PERSON_FIELDS if f.enum is not None and f.info.imported
}
ENUM_DEFAULTS: dict[str, str] = {name: str(FIELDS[name].default) for name in ENUM_FIELDS}
DATE_FIELDS: tuple[str, ...] = tuple(
    f.name for f in PERSON_FIELDS if f.kind is date and f.info.imported
)
TEXT_FIELDS: tuple[str, ...] = tuple(
    f.name for f in PERSON_FIELDS if f.kind is str and f.info.stored and f.info.imported
)
# person columns an import writes (company as company_id), in INSERT order
IMPORT_COLUMNS: tuple[str, ...] = tuple(
    "company_id" if name == "company" else name for name in RECORD_FIELDS
)
# spreadsheet headers that mean a field: field -> its aliases
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    f.name: f.info.aliases for f in PERSON_FIELDS if f.info.aliases
}
# CSV export: field -> header, in column order
EXPORT_HEADERS: dict[str, str] = {f.name: f.label for f in PERSON_FIELDS if f.info.exported}
STORED: tuple[PersonField, ...] = tuple(f for f in PERSON_FIELDS if f.info.stored)


def record_from_values(stored: Sequence[Any], company: str) -> PersonRecord:
    """A PersonRecord from the stored columns' values (in STORED order) and the company."""
    values = {f.name: f.from_sql(v) for f, v in zip(STORED, stored, strict=True)}
    return PersonRecord(**values, company=company)
