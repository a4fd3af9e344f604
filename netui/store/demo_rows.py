"""Writing a demo network: netui/demo.py decides who is in it, this writes it, one
transaction each. Values arrive as the table stores them (text dates and times); the
curated network names its people, a generated one refers to them by their place in it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from netui.db import Database
from netui.names import company_key
from netui.person_spec import STORED
from netui.store.sql import marks

# The person columns a demo writes: every field the user keeps (the person spec's), the
# company as company_id, and the bookkeeping a new row needs; each defaults as the spec says.
PERSON_COLUMNS = (
    "company_id", *(f.name for f in STORED if f.info.typed), "is_stub", "created_at",
    "updated_at",
)  # fmt: skip
_DEFAULTS = {f.name: f.sql_default for f in STORED}
_INSERT_PERSON = (
    f"INSERT INTO person ({', '.join(PERSON_COLUMNS)}) VALUES ({marks(len(PERSON_COLUMNS))})"
)
_INSERT_COMPANY = (
    "INSERT INTO company (name, name_key, aliases, website, is_target, notes, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_INTERACTION = (
    "INSERT INTO interaction (person_id, kind, direction, at, summary, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True)
class DemoCompany:
    name: str
    aliases: Sequence[str] = ()
    website: str = ""
    is_target: bool = False
    notes: str = ""


@dataclass(frozen=True)
class DemoEntry:
    """One timeline entry (`at` as stored: 'YYYY-MM-DD HH:MM:SS' UTC)."""

    kind: str
    direction: str
    at: str
    summary: str


@dataclass(frozen=True)
class DemoPerson:
    values: dict[str, Any]  # person columns by name (not company_id); the rest default
    company: str = ""
    entries: Sequence[DemoEntry] = ()


@dataclass(frozen=True)
class DemoMeeting:
    person: str
    starts_at: str
    place: str = ""
    address: str = ""
    ask: str = ""
    notes: str = ""
    checklist: Sequence[tuple[str, str, bool]] = ()  # phase, text, done


@dataclass(frozen=True)
class DemoNetwork:
    """The curated network; links and drafts name their people."""

    now: str
    companies: Sequence[DemoCompany]
    people: Sequence[DemoPerson]
    links: Sequence[tuple[str, str, str, str]] = ()  # a, b, kind, note
    drafts: Sequence[dict[str, str]] = ()  # person, intent, tone, channel, subject, body
    meetings: Sequence[DemoMeeting] = field(default_factory=tuple)


def person_row(values: dict[str, Any]) -> tuple[Any, ...]:
    """A row for PERSON_COLUMNS: the values given, every other column its default."""
    return tuple(values[c] if c in values else _DEFAULTS[c] for c in PERSON_COLUMNS)


def _company(conn: Any, company: DemoCompany, now: str) -> int:
    cur = conn.execute(
        _INSERT_COMPANY,
        (company.name, company_key(company.name), "\n".join(company.aliases), company.website,
         int(company.is_target), company.notes, now),
    )  # fmt: skip
    return int(cur.lastrowid or 0)


def write_network(db: Database, network: DemoNetwork) -> int:
    """Write the curated network in one transaction; returns the people added."""
    now = network.now
    ids: dict[str, int] = {}
    with db.write() as conn:
        companies = {c.name: _company(conn, c, now) for c in network.companies}
        for person in network.people:
            values = {**person.values, "company_id": companies.get(person.company)}
            cur = conn.execute(_INSERT_PERSON, person_row(values))
            pid = int(cur.lastrowid or 0)
            ids[str(person.values["full_name"])] = pid
            conn.executemany(
                _INSERT_INTERACTION,
                [(pid, e.kind, e.direction, e.at, e.summary, now) for e in person.entries],
            )
        for a, b, kind, note in network.links:
            conn.execute(
                "INSERT INTO link (person_a, person_b, kind, note, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (ids[a], ids[b], kind, note, now),
            )
        for d in network.drafts:
            conn.execute(
                "INSERT INTO draft (person_id, intent, tone, channel, subject, body, status, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?)",
                (ids[d["person"]], d["intent"], d["tone"], d["channel"], d.get("subject", ""),
                 d["body"], now, now),
            )  # fmt: skip
        for m in network.meetings:
            cur = conn.execute(
                "INSERT INTO meeting (person_id, starts_at, place, address, ask, notes, status, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'planned', ?, ?)",
                (ids[m.person], m.starts_at, m.place, m.address, m.ask, m.notes, now, now),
            )
            conn.executemany(
                "INSERT INTO checklist_item (meeting_id, phase, text, done, position) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (cur.lastrowid, phase, text, int(done), pos)
                    for pos, (phase, text, done) in enumerate(m.checklist)
                ],
            )
    return len(ids)


def write_generated(
    db: Database,
    now: str,
    company_names: Sequence[str],
    people: Sequence[tuple[int, dict[str, Any]]],
    entries: Sequence[tuple[int, DemoEntry]],
) -> None:
    """Write a generated network in one transaction (executemany): companies (one already
    there by the same name is reused), people as (their company's place in
    `company_names`, columns), entries as (their person's place in `people`, entry)."""
    with db.write() as conn:
        existing = dict(conn.execute("SELECT name_key, id FROM company").fetchall())
        company_ids = [
            existing.get(company_key(name)) or _company(conn, DemoCompany(name), now)
            for name in company_names
        ]
        start = int(conn.execute("SELECT coalesce(max(id), 0) FROM person").fetchone()[0])
        conn.executemany(
            _INSERT_PERSON,
            [person_row({**values, "company_id": company_ids[c]}) for c, values in people],
        )
        conn.executemany(
            _INSERT_INTERACTION,
            [(start + 1 + i, e.kind, e.direction, e.at, e.summary, now) for i, e in entries],
        )
