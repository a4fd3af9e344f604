"""People: add, update, archive, restore, purge, get, count, search, list pages."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from netui.db import OutOfTime, stopping
from netui.errors import InputError, NotFoundError
from netui.folding import fold_sql, fts_query, search_words
from netui.names import first_name_of
from netui.person_spec import FIELDS, STORED, PersonRecord, record_from_values
from netui.quickadd import parse_quick_add
from netui.store.base import StoreBase
from netui.store.companies import CompanyMixin
from netui.store.rows import PeopleQuery, PeopleWindow, PersonRow
from netui.store.sql import insert, marks, record, update
from netui.store.value_rules import bad_values
from netui.textsafe import NAME_FIELDS, clean_line
from netui.validate import field_errors

# The list's rows, fetched by id once the page's ids are known: sorting and skipping run
# over narrow index entries, and the joins and EXISTS run for the shown rows only.
_ROW_SQL = """
SELECT p.id, p.full_name, coalesce(c.name, ''), p.title, p.role, p.closeness, p.stage,
       p.next_step, p.follow_up_on, p.last_contact, p.archived_at IS NOT NULL,
       EXISTS (SELECT 1 FROM meeting m WHERE m.person_id = p.id AND m.follow_up_owed = 1)
FROM person p LEFT JOIN company c ON c.id = p.company_id
WHERE p.id IN ({marks})
"""

# One person's record: every stored column of the spec, then the company's name.
_RECORD_SQL = (
    f"SELECT {', '.join(f'p.{f.name}' for f in STORED)}, coalesce(c.name, '') "
    "FROM person p LEFT JOIN company c ON c.id = p.company_id"
)

_SORT_SQL = {
    "name": f"{fold_sql('p.full_name')}{{d}}",  # as search folds: the index ix_person_live_sort
    "company": "c.name IS NULL, c.name COLLATE NOCASE{d}",
    "title": "p.title = '', p.title COLLATE NOCASE{d}",
    "role": "p.role{d}",
    "closeness": (
        "CASE p.closeness WHEN 'close' THEN 0 WHEN 'friend' THEN 1 "
        "WHEN 'acquaintance' THEN 2 ELSE 3 END{d}"
    ),
    "stage": (
        "CASE p.stage WHEN 'new' THEN 0 WHEN 'reconnecting' THEN 1 WHEN 'engaged' THEN 2 "
        "WHEN 'asked' THEN 3 WHEN 'introduced' THEN 4 WHEN 'referred' THEN 5 "
        "WHEN 'interviewing' THEN 6 WHEN 'done' THEN 7 ELSE 8 END{d}"
    ),
    "follow_up": "p.follow_up_on IS NULL, p.follow_up_on{d}",
    "last_contact": "p.last_contact IS NULL, p.last_contact{d}",
}

DENSE_SHARE = 20  # a filter matching 1 in 20 people or more is read in name order
# ... and one matching 30% of people and 30,000 or more is checked row by row as it is
# read: each check costs ~5-90 us (more as the index has more segments), gathering every
# match ~0.2-0.3 us a match, so the checks win only when there are very many matches.
MOST_SHARE = 0.3
MOST_MATCHES = 30_000
_MATCH_IN = "p.id IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ?)"
_MATCH_EXISTS = (
    "EXISTS (SELECT 1 FROM person_fts WHERE person_fts MATCH ? AND person_fts.rowid = p.id)"
)


@contextmanager
def _stoppable(
    reader: AbstractContextManager[sqlite3.Connection], should_stop: Callable[[], bool]
) -> Iterator[sqlite3.Connection]:
    """A read whose statements are interrupted (OutOfTime) once `should_stop()` is true:
    asked every thousand SQLite steps and before the read begins."""
    with reader as conn:
        if should_stop():
            raise OutOfTime()
        with stopping(conn, should_stop, 1000):
            yield conn


def _prefix_indexed(text: str) -> bool:
    """One word of one or two letters: the search index keeps those prefixes merged
    (schema step 11), so checking one row against it is cheap; longer ones are not."""
    words = search_words(text)
    return len(words) == 1 and len(words[0]) <= 2


def clean_person_values(values: dict[str, Any]) -> dict[str, Any]:
    """Validate and convert form/CLI/import values (each as its spec field's type); raise
    one InputError naming the field."""
    text_values = {k: str(v) for k, v in values.items() if isinstance(v, str)}
    errors = field_errors(text_values)
    if errors:
        raise InputError(next(iter(errors.values())))
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        spec = FIELDS.get(key)
        if key in NAME_FIELDS:
            cleaned[key] = clean_line(value or "")
        elif key in ("company", "company_id", "is_stub"):
            cleaned[key] = value
        elif spec is None or not spec.info.typed:
            raise InputError(f"'{key}' is not a field of a person.")
        elif spec.enum is not None:
            try:
                cleaned[key] = spec.enum(value)
            except ValueError:
                choices = ", ".join(m.value for m in spec.enum)
                raise InputError(f"{key} '{value}' is not one of: {choices}.") from None
        elif spec.kind is date:
            cleaned[key] = (
                None if value in (None, "") else
                value if isinstance(value, date) else date.fromisoformat(str(value).strip())
            )  # fmt: skip
        elif spec.kind is int:
            cleaned[key] = None if value in (None, "") else int(str(value).strip())
        else:
            cleaned[key] = (value or "").strip()
    return cleaned


def _undo_value(column: str, stored: Any) -> Any:
    """A person's stored value as `update_person` returns it for undo: an enum field's as
    its stored text (as stored: even a value netui cannot read), any other
    as its field's type (`PersonField.from_sql`: a date, a datetime, a bool, an int)."""
    spec = FIELDS[column]
    return stored if spec.enum is not None else spec.from_sql(stored)


def _person_row(row: Any) -> PersonRow:
    return PersonRow(
        id=row[0], full_name=row[1], company=row[2], title=row[3], role=row[4],
        closeness=row[5], stage=row[6], next_step=row[7], follow_up_on=row[8],
        last_contact=row[9], archived=bool(row[10]), follow_up_owed=bool(row[11]),
    )  # fmt: skip


class PeopleMixin(CompanyMixin, StoreBase):
    # ---- writes -------------------------------------------------------------------

    def add_person(self, full_name: str, **values: Any) -> int:
        """Add one person; `company=` is a name, resolved or created. Returns the new id."""
        cleaned = clean_person_values({"full_name": full_name, **values})
        company = cleaned.pop("company", None)
        cleaned.setdefault("first_name", first_name_of(cleaned["full_name"]))
        with self._write() as conn:
            if company:
                cleaned["company_id"] = self._company_id_for(conn, str(company))
            now = self.now()
            return insert(conn, "person", {**cleaned, "created_at": now, "updated_at": now})

    def quick_add(self, line: str) -> int:
        parsed = parse_quick_add(line)
        return self.add_person(parsed.full_name, company=parsed.company, **parsed.fields)

    def update_person(self, person_id: int, **values: Any) -> dict[str, Any]:
        """Change fields; returns the previous values of what changed (for undo): each as
        `_undo_value` gives it, the company as its name."""
        cleaned = clean_person_values(values)
        unreadable = {column for column, _, _ in self.unreadable_values(person_id)}
        with self._write() as conn:
            stored = record(conn, "person", person_id, "person")
            current = {key: _undo_value(key, value) for key, value in stored.items()}
            before: dict[str, Any] = {}
            changes: dict[str, Any] = {}
            if "company" in cleaned:
                name = str(cleaned.pop("company") or "")
                old = self._company_name_in(conn, current["company_id"])
                new_id = self._company_id_for(conn, name) if name else None
                if new_id != current["company_id"]:
                    before["company"] = old
                    current["company_id"] = changes["company_id"] = new_id
            for key, value in cleaned.items():
                if current[key] != value or key in unreadable:
                    before[key] = current[key]
                    current[key] = changes[key] = value
            if before:
                update(conn, "person", person_id, {**changes, "updated_at": self.now()})
            return before

    def archive_person(self, person_id: int) -> None:
        self._set_archived(person_id, self.now())

    def restore_person(self, person_id: int) -> None:
        self._set_archived(person_id, None)

    def _set_archived(self, person_id: int, when: datetime | None) -> None:
        with self._write() as conn:
            record(conn, "person", person_id, "person", "id")
            update(conn, "person", person_id, {"archived_at": when, "updated_at": self.now()})

    def purge_person(self, person_id: int) -> bool:
        """Erase for real: secure_delete, rebuild the search index, truncate the WAL.
        True when the file is scrubbed; False while another program holds an older
        snapshot open (the person is gone from netui, but that program's copy keeps their
        pages in the file): `self.db.scrub()` again until it is True."""
        with self._write() as conn:
            conn.execute("PRAGMA secure_delete=ON")
            if conn.execute("DELETE FROM person WHERE id = ?", (person_id,)).rowcount == 0:
                raise NotFoundError(f"There is no person #{person_id}.")
            conn.execute("INSERT INTO person_fts(person_fts) VALUES ('optimize')")
        return self.db.scrub()

    # ---- reads --------------------------------------------------------------------

    def get_person(self, person_id: int) -> PersonRecord:
        """The full record, read without the write lock."""
        with self.db.read() as conn:
            row = conn.execute(_RECORD_SQL + " WHERE p.id = ?", (person_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"There is no person #{person_id}.")
        return record_from_values(row[:-1], str(row[-1]))

    def unreadable_values(self, person_id: int) -> list[tuple[str, Any, str]]:
        """(column, stored value, why) for each of a person's values netui cannot read."""
        with self.db.read() as conn:
            cursor = conn.execute("SELECT * FROM person WHERE id = ?", (person_id,))
            row = cursor.fetchone()
            names = [d[0] for d in cursor.description]
            return bad_values("person", dict(zip(names, row, strict=True)), conn) if row else []

    def company_name(self, company_id: int | None) -> str:
        if company_id is None:
            return ""  # no read needed
        with self.db.read() as conn:
            return self._company_name_in(conn, company_id)

    def _where(self, query: PeopleQuery) -> tuple[str, list[Any]]:
        clauses = ["p.archived_at IS NOT NULL" if query.archived else "p.archived_at IS NULL"]
        params: list[Any] = []
        match = fts_query(query.text)
        if match:
            clauses.append(_MATCH_IN)
            params.append(match)
        for column in ("stage", "role", "closeness", "company_id"):
            value = getattr(query, column)
            if value is not None:
                clauses.append(f"p.{column} = ?")
                params.append(value)
        if query.due_only:
            clauses.append("p.follow_up_on <= ?")
            params.append(self.today().isoformat())
        if query.tech_only:  # at a tech company (netui/tech.py: what you said, else a guess)
            clauses.append("p.company_id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(self.tech_company_ids()))
        return " WHERE " + " AND ".join(clauses), params

    def _count(self, conn: sqlite3.Connection, query: PeopleQuery) -> int:
        text_only = replace(query, sort="name", descending=False) == PeopleQuery(
            text=query.text, archived=query.archived
        )
        match = fts_query(query.text)
        if match and text_only and not query.archived:
            # Count in the search index alone, less the (few) archived matches: ~5x faster
            # than checking every match against the person table.
            sql = (
                "SELECT count(*) FROM person_fts WHERE person_fts MATCH ? AND rowid NOT IN "
                "(SELECT id FROM person WHERE archived_at IS NOT NULL)"
            )
            return int(conn.execute(sql, [match]).fetchone()[0])
        where, params = self._where(query)
        return int(conn.execute("SELECT count(*) FROM person p" + where, params).fetchone()[0])

    def _page(
        self,
        conn: sqlite3.Connection,
        query: PeopleQuery,
        offset: int,
        limit: int,
        *,
        dense: bool | str = False,
    ) -> list[PersonRow]:
        where, params = self._where(query)
        direction = " DESC" if query.descending else ""
        order = _SORT_SQL.get(query.sort, _SORT_SQL["name"]).format(d=direction)
        then = ", p.id" if query.sort == "name" else ", p.full_name COLLATE NOCASE, p.id"
        join = " LEFT JOIN company c ON c.id = p.company_id" if query.sort == "company" else ""
        if dense and query.sort == "name" and not query.archived:
            # Many matches: walk the name index and stop after one page, instead of
            # sorting every match (21,000 for 'e' at 30,000 people: 8.7 -> ~1 ms).
            join = " INDEXED BY ix_person_live_sort"
            if dense == "most" and _prefix_indexed(query.text):
                # Most people match one letter: check the walked rows one by one in the
                # prefix index rather than gather every match first ('e' at 100,000:
                # 71,000 matches, 12-24 ms -> 1-7 ms).
                where = where.replace(_MATCH_IN, _MATCH_EXISTS)
        ids_sql = f"SELECT p.id FROM person p{join}{where} ORDER BY {order}{then} LIMIT ? OFFSET ?"
        ids = [r[0] for r in conn.execute(ids_sql, [*params, limit, offset])]
        if not ids:
            return []
        rows = conn.execute(_ROW_SQL.format(marks=marks(len(ids))), ids).fetchall()
        by_id = {row[0]: row for row in rows}
        return [_person_row(by_id[i]) for i in ids]

    def _window_reader(
        self, budget: float | None, should_stop: Callable[[], bool] | None
    ) -> AbstractContextManager[sqlite3.Connection | None]:
        if budget is not None:
            return self.db.try_read(budget)
        if should_stop is not None:
            return _stoppable(self.db.read(), should_stop)
        return self.db.read()

    def count_people(self, query: PeopleQuery | None = None) -> int:
        with self.db.read() as conn:
            return self._count(conn, query or PeopleQuery())

    def people_page(self, query: PeopleQuery, offset: int, limit: int) -> list[PersonRow]:
        """Rows offset..offset+limit of the list, sorted with a stable secondary order."""
        with self.db.read() as conn:
            return self._page(conn, query, offset, limit)

    def people_window(
        self,
        query: PeopleQuery,
        offset: int,
        limit: int,
        *,
        budget: float | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> PeopleWindow | None:
        """The list's count, its unfiltered total and one window of rows, read together.

        With a budget (seconds), give up and return None rather than take longer or wait
        for a busy reader: the caller then asks again off the UI thread. With
        `should_stop`, the read is cut off (None) as soon as it says yes: a newer keystroke
        made this query stale, and its SQL would only take the CPU from the new one.
        """
        unfiltered = PeopleQuery(archived=query.archived)
        filtered = replace(query, sort="name", descending=False) != unfiltered
        if budget is not None and query.tech_only and not self.tech_ids_known():
            return None  # working out which companies are tech takes a worker's time
        try:
            with self._window_reader(budget, should_stop) as conn:
                if conn is None:
                    return None
                # The unfiltered count is kept until anything commits (data_version):
                # esc back to the full list at 100,000 people skips a ~4 ms count.
                version = (self.data_version(), query.archived)
                known = self._total_cache
                cached = known[1] if known is not None and known[0] == version else None
                count = self._count(conn, query) if filtered or cached is None else cached
                if not filtered:
                    total = count
                elif cached is not None:
                    total = cached
                else:
                    total = self._count(conn, unfiltered)
                self._total_cache = (version, total)
                dense: bool | str = count * DENSE_SHARE >= total and count > offset + limit
                if dense and count >= MOST_SHARE * total and count >= MOST_MATCHES:
                    dense = "most"
                rows = self._page(conn, query, offset, limit, dense=dense)
        except OutOfTime:
            return None
        return PeopleWindow(count, total, offset, rows)

    def search_people(self, text: str, limit: int = 20) -> list[PersonRow]:
        return self.people_page(PeopleQuery(text=text), 0, limit)

    def total_people(self) -> int:
        return self.count_people(PeopleQuery())
