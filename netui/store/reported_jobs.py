"""What each kind of source last said someone's job was, so a job change is a real one.

A LinkedIn export says "Senior Software Engineer", a Google Contacts CSV "Software
Engineer": two sources, two spellings of one job. Comparing each import with the person's
current title would log "Now Software Engineer (was Senior…)" and back again on every
import. Instead each kind of source (the import format: linkedin, google, vcard, csv…) keeps
the company and title it last reported for each person (table reported_job), and an import
changes someone's job only when the same kind of source now reports a different company or
title than it did before. A source kind's first report fills what is empty and changes
nothing else; you confirm anything more by editing the person.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from netui.names import fold

Report = tuple[str, str]  # (company name key, title) as the source reported them


def load_reports(conn: sqlite3.Connection, source_kind: str) -> dict[int, Report]:
    """person id -> what this kind of source reported last."""
    rows = conn.execute(
        "SELECT person_id, company, title FROM reported_job WHERE source_kind = ?", (source_kind,)
    )
    return {int(pid): (str(company), str(title)) for pid, company, title in rows}


def reported_change(before: Report | None, company_key: str, title: str) -> tuple[bool, bool]:
    """(company changed, title changed) by the same kind of source since its last report;
    (False, False) when it never reported on this person."""
    if before is None:
        return False, False
    moved = bool(company_key) and company_key != before[0]
    retitled = bool(title.strip()) and fold(title.strip()) != fold(before[1].strip())
    return moved, retitled


def save_reports(
    conn: sqlite3.Connection, source_kind: str, rows: Iterable[tuple[int, Report]]
) -> None:
    """Remember this import's reports (one per person: the first row of the file)."""
    conn.executemany(
        "INSERT INTO reported_job (person_id, source_kind, company, title) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (person_id, source_kind) DO UPDATE SET "
        "company = excluded.company, title = excluded.title",
        [(pid, source_kind, company, title) for pid, (company, title) in rows],
    )
