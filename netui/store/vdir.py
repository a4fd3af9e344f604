"""The store side of `netui sync --vdir`: each person's card values, the sync state, and one
transaction that applies a sync (fields taken from cards, new people, archives, notes)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from netui.store.sql import insert, update
from netui.store.timeline import TimelineMixin
from netui.timeutil import format_utc
from netui.vdir import CARD_FIELDS, Values, row_hash

# each person's card fields (netui.vdir.CARD_FIELDS, in its order), then the bookkeeping
_CARD = len(CARD_FIELDS)
_PEOPLE_SQL = (
    "SELECT p.id, "
    + ", ".join("coalesce(c.name, '')" if f == "company" else f"p.{f}" for f in CARD_FIELDS)
    + ", p.updated_at, p.archived_at IS NOT NULL "
    "FROM person p LEFT JOIN company c ON c.id = p.company_id"
)

_STATE_SQL = (
    "SELECT person_id, uid, filename, mtime_ns, size, present, ours, netui_hash, '' "
    "FROM vdir_card WHERE folder = ?"
)
_UPSERT_SQL = (
    "INSERT INTO vdir_card (folder, person_id, uid, filename, mtime_ns, size, present, ours, "
    "netui_hash, base, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (folder, person_id) DO UPDATE SET uid = excluded.uid, "
    "filename = excluded.filename, mtime_ns = excluded.mtime_ns, size = excluded.size, "
    "present = excluded.present, ours = excluded.ours, netui_hash = excluded.netui_hash, "
    "base = CASE excluded.base WHEN '' THEN vdir_card.base ELSE excluded.base END, "
    "synced_at = excluded.synced_at"
)


@dataclass(frozen=True, slots=True)
class SyncPerson:
    id: int
    cells: tuple[str, ...]  # the card values in CARD_FIELDS order
    values_hash: str
    updated_at: str  # 'YYYY-MM-DD HH:MM:SS' UTC
    archived: bool

    @property
    def values(self) -> Values:
        return dict(zip(CARD_FIELDS, self.cells, strict=True))


@dataclass(slots=True)
class CardState:
    person_id: int
    uid: str
    filename: str
    mtime_ns: int
    size: int
    present: bool
    ours: bool
    netui_hash: str
    base_json: str  # read only when the person changed (vdir_base): it is the bulk of a row


@dataclass
class NewPerson:
    """A card netui has never seen: becomes a person; its state row is written with it."""

    values: Values
    state: CardState  # person_id is filled in once the person exists


@dataclass
class SyncWrite:
    """Everything one sync changes in netui, applied in one transaction."""

    updates: dict[int, Values] = field(default_factory=dict)
    new_people: list[NewPerson] = field(default_factory=list)
    archive: list[int] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    states: list[CardState] = field(default_factory=list)
    forget_gone: list[str] = field(default_factory=list)


class VdirMixin(TimelineMixin):
    def vdir_people(self) -> dict[int, SyncPerson]:
        with self.db.read() as conn:
            rows = conn.execute(_PEOPLE_SQL).fetchall()
        out: dict[int, SyncPerson] = {}
        for r in rows:
            cells = tuple(r[1 : 1 + _CARD])  # every column is NOT NULL text
            out[r[0]] = SyncPerson(r[0], cells, row_hash(cells), r[_CARD + 1], bool(r[_CARD + 2]))
        return out

    def vdir_base(self, folder: str, person_id: int) -> Values:
        """The card values both sides agreed on at the last sync."""
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT base FROM vdir_card WHERE folder = ? AND person_id = ?",
                (folder, person_id),
            ).fetchone()
        loaded: Values = json.loads(row[0]) if row and row[0] else {}
        return loaded

    def vdir_state(self, folder: str) -> dict[int, CardState]:
        with self.db.read() as conn:
            rows = conn.execute(_STATE_SQL, (folder,)).fetchall()
        # the columns are in CardState's order and SQLite's types (0/1 for the flags)
        return {r[0]: CardState(*r) for r in rows}

    def vdir_gone(self, folder: str) -> list[str]:
        with self.db.read() as conn:
            rows = conn.execute("SELECT filename FROM vdir_gone WHERE folder = ?", (folder,))
            return [str(r[0]) for r in rows]

    def apply_vdir_sync(self, folder: str, write: SyncWrite) -> dict[int, int]:
        """Apply one sync in one transaction; returns {index in new_people: new person id}."""
        from netui.store.people import clean_person_values

        created: dict[int, int] = {}
        now = self.now()
        stamp = format_utc(now)
        with self._write() as conn:
            for person_id, values in write.updates.items():
                if not conn.execute("SELECT 1 FROM person WHERE id = ?", (person_id,)).fetchone():
                    continue
                cleaned = clean_person_values(_valid(values))
                if "company" in cleaned:
                    name = str(cleaned.pop("company") or "")
                    cleaned["company_id"] = self._company_id_for(conn, name) if name else None
                update(conn, "person", person_id, {**cleaned, "updated_at": now})
            for index, new in enumerate(write.new_people):
                cleaned = clean_person_values(_valid(new.values))
                company = str(cleaned.pop("company", "") or "")
                if company:
                    cleaned["company_id"] = self._company_id_for(conn, company)
                stamps = {"created_at": now, "updated_at": now}
                created[index] = new.state.person_id = insert(conn, "person", {**cleaned, **stamps})
            conn.executemany(
                "UPDATE person SET archived_at = ?, updated_at = ? "
                "WHERE id = ? AND archived_at IS NULL",
                [(stamp, stamp, person_id) for person_id in write.archive],
            )
            for person_id, note in write.notes:
                self._log_interaction(conn, person_id, "note", at=now, summary=note)
            rows = [
                (folder, st.person_id, st.uid, st.filename, st.mtime_ns, st.size,
                 int(st.present), int(st.ours), st.netui_hash, st.base_json, stamp)
                for st in [*write.states, *(n.state for n in write.new_people)]
            ]  # fmt: skip
            conn.executemany(_UPSERT_SQL, rows)  # 30,000 rows: one statement, many bindings
            conn.executemany(
                "DELETE FROM vdir_gone WHERE folder = ? AND filename = ?",
                [(folder, name) for name in write.forget_gone],
            )
        return created


def _valid(values: Values) -> dict[str, Any]:
    """Card values netui can store: an unknown role or closeness from a card is left out."""
    from netui.person_spec import ENUM_FIELDS

    out: dict[str, Any] = {}
    for key, value in values.items():
        if key in ENUM_FIELDS:
            choices = {m.value for m in ENUM_FIELDS[key]}
            if value not in choices:
                continue
        out[key] = value
    return out
