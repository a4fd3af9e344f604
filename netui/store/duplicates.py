"""Likely duplicates already in the database, and merging two people (undoable)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from netui.duplicates import (
    DuplicatePair,
    DuplicatePairs,
    Found,
    PersonBrief,
    SearchCancelled,
    find_duplicates,
)
from netui.enums import STAGE_ORDER, Closeness
from netui.errors import InputError, NotFoundError
from netui.gcpause import paused_gc
from netui.person_spec import ENUM_DEFAULTS, MERGE_FIELDS  # merge order: the screen's
from netui.store.sql import insert, marks, update
from netui.store.timeline import TimelineMixin

_CLOSENESS_ORDER = [c.value for c in Closeness]
_STAGES = [s.value for s in STAGE_ORDER]
_CHILD_TABLES = ("interaction", "draft", "meeting")
__all__ = [
    "DuplicatePair",
    "DuplicatePairs",
    "MergeField",
    "MergeUndo",
    "PersonBrief",
    "SearchCancelled",
]


@dataclass(frozen=True, slots=True)
class MergeField:
    """One field of a merge: both values, and which one netui would keep."""

    name: str
    a: Any
    b: Any
    choice: str  # "a" or "b"

    @property
    def differs(self) -> bool:
        return bool(self.a != self.b)


@dataclass
class MergeUndo:
    """Everything needed to put two merged people back exactly as they were."""

    keep_row: dict[str, Any]
    drop_row: dict[str, Any]
    moved: dict[str, list[int]] = field(default_factory=dict)
    links_moved: list[dict[str, Any]] = field(default_factory=list)
    links_deleted: list[dict[str, Any]] = field(default_factory=list)
    note_id: int | None = None

    @property
    def label(self) -> str:
        return f"{self.drop_row['full_name']} into {self.keep_row['full_name']}"


_FIND_SQL = (
    "SELECT id, full_name, company_id, email, phone, linkedin_url FROM person NOT INDEXED "
    "WHERE archived_at IS NULL"
)
_BRIEF_SQL = (
    "SELECT p.id, p.full_name, coalesce(c.name, ''), p.title, p.email, p.phone, "
    "p.linkedin_url FROM person p LEFT JOIN company c ON c.id = p.company_id "
    "WHERE p.archived_at IS NULL"
)


def _row_dict(
    conn: sqlite3.Connection, table: str, where: str, args: tuple[Any, ...]
) -> list[dict[str, Any]]:
    cur = conn.execute(f"SELECT * FROM {table} WHERE {where}", args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _default_choice(name: str, a: Any, b: Any) -> str:
    if a == b or b in (None, "") or (name in ENUM_DEFAULTS and b == ENUM_DEFAULTS[name]):
        return "a"
    if a in (None, "") or (name in ENUM_DEFAULTS and a == ENUM_DEFAULTS[name]):
        return "b"
    if name == "stage" and a in _STAGES and b in _STAGES:
        return "b" if _STAGES.index(b) > _STAGES.index(a) else "a"
    if name == "closeness" and a in _CLOSENESS_ORDER and b in _CLOSENESS_ORDER:
        return "b" if _CLOSENESS_ORDER.index(b) < _CLOSENESS_ORDER.index(a) else "a"
    if name in ("follow_up_on", "connected_on"):
        return "b" if str(b) < str(a) else "a"
    return "a"


class DuplicateMixin(TimelineMixin):
    # ---- finding ------------------------------------------------------------------------

    def likely_duplicates(
        self, limit: int = 500, should_stop: Callable[[], bool] | None = None
    ) -> DuplicatePairs:
        """Pairs that look like one person: same LinkedIn, email or phone, or a (similar)
        name at the same company. Strongest first. `should_stop` is asked between steps;
        when it says yes, SearchCancelled is raised (the screen asking has closed)."""
        stop = should_stop or (lambda: False)
        with paused_gc():  # ~10 objects a person, none freed: a collection would be for nothing
            found, total = self._find(limit, stop)
        ids = sorted({pid for x, y, _, _ in found for pid in (x, y)})
        briefs: dict[int, PersonBrief] = {}
        with self.db.read() as conn:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for row in conn.execute(f"{_BRIEF_SQL} AND p.id IN ({marks(len(chunk))})", chunk):
                    briefs[row[0]] = PersonBrief(*row)
        pairs = [
            DuplicatePair(briefs[x], briefs[y], reason, score)
            for x, y, reason, score in found
            if x in briefs and y in briefs  # (one archived meanwhile)
        ]
        return DuplicatePairs(pairs, total - (len(found) - len(pairs)))

    def _find(self, limit: int, stop: Callable[[], bool]) -> tuple[list[Found], int]:
        with self.db.read() as conn:
            conn.set_progress_handler(lambda: int(stop()), 20000)  # the read stops too
            try:
                companies = dict(conn.execute("SELECT id, name FROM company").fetchall())
                # a plain scan in rowid order: the live-name index would cost a lookup a row
                rows = conn.execute(_FIND_SQL).fetchall()
            except sqlite3.OperationalError as exc:
                if "interrupt" in str(exc) and stop():
                    raise SearchCancelled() from None
                raise
            finally:
                conn.set_progress_handler(None, 0)
        return find_duplicates(rows, companies, limit, stop)

    # ---- merging ------------------------------------------------------------------------

    def merge_fields(self, a_id: int, b_id: int) -> list[MergeField]:
        """Both people's values for every mergeable field, with netui's suggested pick."""
        a, b = self._merge_values(a_id), self._merge_values(b_id)
        return [MergeField(n, a[n], b[n], _default_choice(n, a[n], b[n])) for n in MERGE_FIELDS]

    def _merge_values(self, person_id: int) -> dict[str, Any]:
        with self.db.read() as conn:
            rows = _row_dict(conn, "person", "id = ?", (person_id,))
        if not rows:
            raise NotFoundError(f"There is no person #{person_id}.")
        row = rows[0]
        row["company"] = self.company_name(row["company_id"])
        return {n: row[n] for n in MERGE_FIELDS}

    def merge_people(self, keep_id: int, drop_id: int, values: dict[str, Any]) -> MergeUndo:
        """Make one person of two: keep_id takes `values` (field -> value) and everything
        drop_id had (timeline, drafts, meetings, links); drop_id is removed. Undoable."""
        if keep_id == drop_id:
            raise InputError("A person cannot be merged with themselves.")
        unknown = set(values) - set(MERGE_FIELDS)
        if unknown:
            raise InputError(f"'{sorted(unknown)[0]}' is not a field that can be merged.")
        with self._write() as conn:
            keep = _row_dict(conn, "person", "id = ?", (keep_id,))
            drop = _row_dict(conn, "person", "id = ?", (drop_id,))
            if not keep or not drop:
                missing = keep_id if not keep else drop_id
                raise NotFoundError(f"There is no person #{missing}.")
            undo = MergeUndo(keep_row=keep[0], drop_row=drop[0])
            self._apply_merge_values(conn, keep_id, values)
            for table in _CHILD_TABLES:
                ids = [r[0] for r in conn.execute(
                    f"SELECT id FROM {table} WHERE person_id = ?", (drop_id,))]  # fmt: skip
                undo.moved[table] = ids
                conn.execute(
                    f"UPDATE {table} SET person_id = ? WHERE person_id = ?", (keep_id, drop_id)
                )
            self._move_links(conn, keep_id, drop_id, undo)
            undo.note_id = self._log_interaction(
                conn, keep_id, "note", summary=f"Merged a duplicate record: {drop[0]['full_name']}"
            )
            conn.execute("DELETE FROM person WHERE id = ?", (drop_id,))
        return undo

    def _apply_merge_values(
        self, conn: sqlite3.Connection, keep_id: int, values: dict[str, Any]
    ) -> None:
        from netui.store.people import clean_person_values

        cleaned = clean_person_values(dict(values))
        if "company" in cleaned:
            name = str(cleaned.pop("company") or "").strip()
            cleaned["company_id"] = self._company_id_for(conn, name) if name else None
        update(conn, "person", keep_id, cleaned)

    @staticmethod
    def _move_links(conn: sqlite3.Connection, keep_id: int, drop_id: int, undo: MergeUndo) -> None:
        links = _row_dict(conn, "link", "person_a = ? OR person_b = ?", (drop_id, drop_id))
        for link in links:
            a = keep_id if link["person_a"] == drop_id else link["person_a"]
            b = keep_id if link["person_b"] == drop_id else link["person_b"]
            clash = conn.execute(
                "SELECT 1 FROM link WHERE person_a = ? AND person_b = ? AND kind = ? AND id != ?",
                (a, b, link["kind"], link["id"]),
            ).fetchone()
            if a == b or clash:
                undo.links_deleted.append(link)
                conn.execute("DELETE FROM link WHERE id = ?", (link["id"],))
            else:
                undo.links_moved.append(link)
                conn.execute(
                    "UPDATE link SET person_a = ?, person_b = ? WHERE id = ?", (a, b, link["id"])
                )

    def undo_merge(self, undo: MergeUndo) -> None:
        """Put both people back exactly as they were before `merge_people`."""
        drop_id = undo.drop_row["id"]
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM person WHERE id = ?", (drop_id,)).fetchone():
                raise InputError(
                    f"The merge of {undo.label} cannot be undone: #{drop_id} is taken."
                )
            insert(conn, "person", undo.drop_row)
            for table, ids in undo.moved.items():
                conn.executemany(
                    f"UPDATE {table} SET person_id = ? WHERE id = ?", [(drop_id, i) for i in ids]
                )
            for link in undo.links_moved:
                conn.execute(
                    "UPDATE link SET person_a = ?, person_b = ? WHERE id = ?",
                    (link["person_a"], link["person_b"], link["id"]),
                )
            for link in undo.links_deleted:
                insert(conn, "link", link)
            if undo.note_id is not None:
                conn.execute("DELETE FROM interaction WHERE id = ?", (undo.note_id,))
            keep = {k: v for k, v in undo.keep_row.items() if k != "id"}
            sets = ", ".join(f"{k} = ?" for k in keep)
            conn.execute(
                f"UPDATE person SET {sets} WHERE id = ?", (*keep.values(), undo.keep_row["id"])
            )
