"""Export reads: every person for CSV and vCard, every table for JSON, streamed.

Both read inside one read transaction (a consistent snapshot) and hand rows over as SQLite
gives them, so an export of 100,000 people holds one batch of rows, not all of them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any, NamedTuple

from netui.person_spec import EXPORT_HEADERS
from netui.schema import SCHEMA_VERSION
from netui.store.base import StoreBase

# foreign keys first: the order a restore inserts them
TABLES = (
    "company", "person", "interaction", "draft", "meeting", "checklist_item", "link",
    "agenda_entry", "reported_job",
)  # fmt: skip
# the CSV export's fields (the person spec's exported ones, in column order), then the id
EXPORT_FIELDS = (*EXPORT_HEADERS, "id")
_EXPORT_SQL = (
    "SELECT "
    + ", ".join("coalesce(c.name, '')" if f == "company" else f"p.{f}" for f in EXPORT_FIELDS)
    + " FROM person p LEFT JOIN company c ON c.id = p.company_id "
    "WHERE p.archived_at IS NULL ORDER BY p.full_name COLLATE NOCASE, p.id"
)
JSON_HEADER: dict[str, Any] = {"format": "netui", "version": 1, "schema": SCHEMA_VERSION}
_BATCH = 2000


class TableRows(NamedTuple):
    """One table of a JSON export: its columns and its rows in id order (read lazily)."""

    name: str
    columns: list[str]
    rows: Iterator[tuple[Any, ...]]


def _batched(cursor: sqlite3.Cursor) -> Iterator[tuple[Any, ...]]:
    while batch := cursor.fetchmany(_BATCH):
        yield from batch


class ExportMixin(StoreBase):
    def iter_export_people(self) -> Iterator[dict[str, Any]]:
        """Every person not archived (by name), with the company's name: CSV and vCard."""
        with self.db.read() as conn:
            for row in _batched(conn.execute(_EXPORT_SQL)):
                yield dict(zip(EXPORT_FIELDS, row, strict=True))

    def export_people(self) -> list[dict[str, Any]]:
        """`iter_export_people()` as a list."""
        return list(self.iter_export_people())

    def iter_export_tables(self) -> Iterator[TableRows]:
        """Every table, foreign keys first, from one snapshot. Read each table's rows
        before asking for the next table."""
        with self.db.read() as conn:
            for table in TABLES:
                columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
                cursor = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id")
                yield TableRows(table, columns, _batched(cursor))

    def export_tables(self) -> dict[str, Any]:
        """The JSON export as one value: `JSON_HEADER` and "tables" {name: columns, rows}."""
        tables = {
            t.name: {"columns": t.columns, "rows": [list(r) for r in t.rows]}
            for t in self.iter_export_tables()
        }
        return {**JSON_HEADER, "tables": tables}
