"""Bulk import and export: records in one transaction (driver executemany), JSON restore."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from netui.errors import InputError
from netui.schema import SCHEMA_VERSION
from netui.store.agenda import note_job_change
from netui.store.duplicates import DuplicateMixin
from netui.store.exports import TABLES
from netui.store.import_plan import NEW_FIELDS, ImportPlan, Outcome, Planner, paused_gc
from netui.store.reported_jobs import save_reports
from netui.store.sql import marks
from netui.store.value_rules import (
    ColumnRule,
    column_ok,
    shown,
    table_rules,
    value_problem,
)
from netui.timeutil import format_utc

if TYPE_CHECKING:
    from pathlib import Path
    from subprocess import Popen

    from netui.importers.record import ParseResult, Problem, Record
    from netui.importers.registry import Me
    from netui.store.import_preview import Preview

Progress = Callable[[int, int, str], None]  # done, total, what is happening
_CHUNK = 5000


@dataclass
class ImportReport:
    """What an import did (or, dry run, would do): counts and the lines behind them."""

    source: str
    format: str
    rows: int
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    companies_added: int = 0
    dry_run: bool = False

    @property
    def job_changes(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.detail.startswith("Now ")]

    @property
    def errors(self) -> int:
        return len(self.problems)

    def summary(self) -> str:
        return (
            f"new {self.new:,} · updated {self.updated:,} · unchanged {self.unchanged:,} · "
            f"skipped {len(self.skipped):,} · errors {self.errors:,}"
            + (f" · warnings {len(self.warnings):,}" if self.warnings else "")
        )


def _report(result: ParseResult, plan: ImportPlan, dry_run: bool) -> ImportReport:
    return ImportReport(
        source=result.source,
        format=result.format,
        rows=result.rows,
        new=plan.count("new"),
        updated=plan.count("updated"),
        unchanged=plan.count("unchanged"),
        skipped=list(result.skipped),
        problems=list(result.problems),
        warnings=list(result.warnings),
        outcomes=plan.outcomes,
        companies_added=len(plan.companies),
        dry_run=dry_run,
    )


def _plan(
    conn: sqlite3.Connection,
    records: Sequence[Record],
    how_we_know: str,
    progress: Progress | None,
    source_kind: str = "",
) -> ImportPlan:
    with paused_gc():
        planner = Planner(conn, how_we_know.strip(), source_kind)
        total = len(records)
        for i, record in enumerate(records, start=1):
            planner.add(record)
            if progress is not None and i % 2000 == 0:
                progress(i, total, "matching")
    return planner.plan


def _save_reports(
    conn: sqlite3.Connection, source_kind: str, plan: ImportPlan, first_new: int
) -> None:
    """Each person's job as this kind of source reported it (see store/reported_jobs.py).
    New people got ids first_new, first_new + 1, … in plan order (one transaction)."""
    last = int(conn.execute("SELECT coalesce(max(id), 0) FROM person").fetchone()[0])
    new = zip(range(first_new, first_new + len(plan.new)), plan.new, strict=True)
    rows = [(pid, s.reported) for pid, s in new if s.reported and last >= pid]
    rows += [(s.id, s.reported) for s in plan.matched if s.id is not None and s.reported]
    save_reports(conn, source_kind, rows)


class ImportMixin(DuplicateMixin):
    # ---- import -------------------------------------------------------------------------

    def preview_import(self, result: ParseResult, how_we_know: str = "") -> ImportReport:
        """What importing would do, without writing (the dry run and the screen's preview)."""
        with self.db.read() as conn:
            plan = _plan(conn, result.records, how_we_know, None, result.format)
        return _report(result, plan, dry_run=True)

    def preview_elsewhere(
        self,
        path: Path,
        how_we_know: str = "",
        mapping: dict[str, str] | None = None,
        me: Me | None = None,
        started: Callable[[Popen[bytes]], None] | None = None,
    ) -> Preview | None:
        """`preview_import` of a whole file, read and planned in a child process that hands
        back what the Import screen shows (store/import_preview.py); None: not contacts."""
        from netui.store.import_preview import preview_elsewhere

        return preview_elsewhere(self.db.path, path, how_we_know, mapping, me=me, started=started)

    def import_records(
        self, result: ParseResult, how_we_know: str = "", progress: Progress | None = None
    ) -> ImportReport:
        """Import parsed records in ONE transaction: all of them or, on any error, none."""
        with paused_gc(), self._write() as conn:
            plan = _plan(conn, result.records, how_we_know, progress, result.format)
            first_new = int(
                conn.execute("SELECT coalesce(max(id), 0) + 1 FROM person").fetchone()[0]
            )
            self._write_plan(conn, plan, progress)
            _save_reports(conn, result.format, plan, first_new)
            for slot in plan.updated:
                if slot.job_change and slot.id is not None:
                    note = self._log_interaction(conn, slot.id, "note", summary=slot.job_change)
                    note_job_change(conn, note, slot.id)  # Today lists it until acted on
        return _report(result, plan, dry_run=False)

    def _write_plan(
        self, conn: sqlite3.Connection, plan: ImportPlan, progress: Progress | None
    ) -> None:
        now = format_utc(self.now())
        company_ids = plan.company_ids
        if plan.companies:
            conn.executemany(
                "INSERT INTO company (name, name_key, created_at) VALUES (?, ?, ?)",
                [(name, key, now) for key, name in plan.companies.items()],
            )
            company_ids = {k: i for k, i in conn.execute("SELECT name_key, id FROM company")}
        fields = NEW_FIELDS
        total = len(plan.new) + len(plan.updated)
        insert = (
            f"INSERT INTO person (company_id, {', '.join(fields)}, created_at, updated_at) "
            f"VALUES ({marks(len(fields) + 3)})"
        )
        row = itemgetter(*fields)  # a Slot's values in INSERT order
        for start in range(0, len(plan.new), _CHUNK):
            chunk = plan.new[start : start + _CHUNK]
            conn.executemany(
                insert,
                [(company_ids.get(s.company_key), *row(s.values), now, now) for s in chunk],
            )
            if progress is not None:
                progress(start + len(chunk), total, "writing")
        if plan.updated:
            sets = ", ".join(f"{f} = ?" for f in fields)
            conn.executemany(
                f"UPDATE person SET company_id = ?, {sets}, updated_at = ? WHERE id = ?",
                [
                    (company_ids.get(s.company_key), *[s.values[f] for f in fields], now, s.id)
                    for s in plan.updated
                ],
            )
        if progress is not None:
            progress(total, total, "writing")

    # ---- JSON: everything, restored exactly --------------------------------------------

    def restore_json(self, data: dict[str, Any], source: str = "the file") -> dict[str, int]:
        """Put a JSON export back exactly (same ids) into a database with no one in it.

        Every value is checked against its column's rule (netui.store.value_rules) before
        anything is written: the first bad one is one InputError naming table, row and
        column, and nothing is restored.
        """
        schema = data.get("schema", 0)
        if not isinstance(schema, int) or isinstance(schema, bool) or schema > SCHEMA_VERSION:
            raise InputError(f"{source} comes from a newer netui (schema {shown(schema)}).")
        tables = data["tables"]
        unknown = sorted(set(tables) - set(TABLES))
        if unknown:
            raise InputError(f"{source}: {shown(unknown[0])} is not a netui table.")
        counts: dict[str, int] = {}
        with self._write() as conn:
            people = conn.execute("SELECT (SELECT count(*) FROM person) + "
                                  "(SELECT count(*) FROM company)").fetchone()[0]  # fmt: skip
            if people:
                raise InputError(
                    f"{source} restores a whole network and this database is not empty; "
                    "restore into a new one: netui --db NEW.db import FILE."
                )
            ids: dict[str, set[int]] = {}
            blocks = {t: _check_table(conn, t, tables.get(t), source, ids) for t in TABLES}
            for table, block in blocks.items():
                counts[table] = _insert_rows(conn, table, block, source)
            person = blocks["person"]
            if person is not None and "last_contact" in person[0]:
                at, pid = person[0].index("last_contact"), person[0].index("id")
                conn.executemany(
                    "UPDATE person SET last_contact = ? WHERE id = ?",
                    [(r[at], r[pid]) for r in person[1]],
                )
        return counts


def _check_table(
    conn: sqlite3.Connection, table: str, block: Any, source: str, ids: dict[str, set[int]]
) -> tuple[list[str], list[list[Any]]] | None:
    """The table's columns and rows once every value passed its rule; else InputError.
    `ids` collects each table's ids so later tables' foreign keys can be checked."""
    ids[table] = set()
    if block is None:
        return None
    where = f"{source}: table '{table}'"
    if not isinstance(block, dict) or not isinstance(block.get("rows"), list):
        raise InputError(f"{where} has no rows list.")
    columns = block.get("columns")
    info = list(conn.execute(f"PRAGMA table_info({table})"))
    known = {r[1] for r in info}
    if (
        not isinstance(columns, list)
        or not columns
        or not all(isinstance(c, str) for c in columns)
        or not set(columns) <= known
    ):
        extra = [c for c in columns if c not in known] if isinstance(columns, list) else []
        what = f"column {shown(extra[0])}" if extra else "its column list"
        raise InputError(f"{where} has an unknown {what}.")
    if len(set(columns)) != len(columns):
        twice = next(c for c in columns if columns.count(c) > 1)
        raise InputError(f"{where} names the column '{twice}' twice.")
    needed = [r[1] for r in info if r[5] or (r[3] and r[4] is None)]
    missing = [c for c in needed if c not in columns]
    if missing:
        raise InputError(f"{where} has no column '{missing[0]}' (every row needs one).")
    rules = table_rules(table, conn)
    checks = [rules[c] for c in columns]
    seen = ids[table]
    rows: list[list[Any]] = block["rows"]
    if _all_valid(table, checks, rows, ids):  # the usual case, a column at a time
        return columns, rows
    for i, row in enumerate(rows, start=1):
        if not isinstance(row, list) or len(row) != len(columns):
            raise InputError(
                f"{where}, row {i} does not have {len(columns)} values (one per column)."
            )
        for rule, value in zip(checks, row, strict=True):
            problem = value_problem(rule, value)
            known_ids = ids.get(rule.references or "", set())
            if problem is None and rule.references and value is not None and value not in known_ids:
                problem = f"names no row of table '{rule.references}' in the file"
            if problem is None and rule.kind == "id":
                if value in seen:
                    problem = "is the id of an earlier row too"
                seen.add(value)
            if problem:
                raise InputError(
                    f"{where}, row {i}, column '{rule.column}': {shown(value)} {problem}; "
                    "nothing was restored."
                )
    return columns, rows


def _all_valid(
    table: str, checks: list[ColumnRule], rows: list[list[Any]], ids: dict[str, set[int]]
) -> bool:
    """True when the row-by-row check below would find nothing (and `ids[table]` then holds
    the table's ids); False when it may find something: it then runs, for the message."""
    if not rows:
        return True
    if set(map(type, rows)) != {list} or set(map(len, rows)) != {len(checks)}:
        return False
    own: list[Any] = []
    for rule, values in zip(checks, zip(*rows, strict=True), strict=True):
        if rule.references == table or not column_ok(rule, values):
            return False  # (a row may name only an earlier row of its own table)
        if rule.references and not {v for v in values if v is not None} <= ids.get(
            rule.references, set()
        ):
            return False
        if rule.kind == "id":
            own += values
    if len(set(own)) != len(own):
        return False
    ids[table].update(own)
    return True


def _insert_rows(
    conn: sqlite3.Connection, table: str, block: tuple[list[str], list[list[Any]]] | None,
    source: str,
) -> int:  # fmt: skip
    if block is None:
        return 0
    columns, rows = block
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks(len(columns))})"
    try:
        conn.executemany(sql, rows)
    except sqlite3.IntegrityError as exc:
        # the table started empty: the rows before the refused one are in it
        row = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) + 1
        raise InputError(
            f"{source}: table '{table}', row {row} breaks a rule of the database "
            f"({_constraint(exc)}); nothing was restored."
        ) from None
    return len(rows)


def _constraint(exc: sqlite3.Error) -> str:
    text = str(exc)
    if text.startswith("UNIQUE constraint failed: "):
        return "the same " + text.removeprefix("UNIQUE constraint failed: ") + " as an earlier row"
    return text
