"""Interactions on a person's timeline, stages moved by what is logged, follow-ups."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from netui.enums import Direction, InteractionKind, Stage, stage_of
from netui.errors import InputError
from netui.pipeline import MESSAGE_KINDS, advance_stage, settles_follow_up
from netui.store.base import found
from netui.store.people import PeopleMixin
from netui.store.sql import insert, record, update
from netui.timeutil import format_utc, local_date, parse_utc


@dataclass(frozen=True, slots=True)
class InteractionRow:
    """One timeline entry, light; also what undo needs to restore it."""

    id: int
    person_id: int
    kind: str
    direction: str
    at: datetime  # aware UTC
    summary: str
    created_at: datetime

    @property
    def day(self) -> date:
        """The local calendar day it happened."""
        return local_date(self.at)


_ROW_SQL = "SELECT id, person_id, kind, direction, at, summary, created_at FROM interaction "


def _row(r: Any) -> InteractionRow:
    return InteractionRow(
        id=int(r[0]), person_id=int(r[1]), kind=str(r[2]), direction=str(r[3]),
        at=parse_utc(str(r[4])), summary=str(r[5]), created_at=parse_utc(str(r[6])),
    )  # fmt: skip


def coerce_kind(kind: InteractionKind | str) -> InteractionKind:
    try:
        return InteractionKind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in InteractionKind)
        raise InputError(f"'{kind}' is not a kind of interaction (one of: {choices}).") from None


def coerce_direction(direction: Direction | str) -> Direction:
    value = "in" if direction == "in_" else direction
    try:
        return Direction(value)
    except ValueError:
        raise InputError(f"Direction '{direction}' is not one of: out, in, none.") from None


def coerce_stage(stage: Stage | str) -> Stage:
    try:
        return Stage(stage)
    except ValueError:
        choices = ", ".join(s.value for s in Stage)
        raise InputError(f"Stage '{stage}' is not one of: {choices}.") from None


def stored_day(value: object) -> date | None:
    """A stored date ('YYYY-MM-DD') as a date; None when empty or unreadable (a hand-edited
    file)."""
    try:
        return None if value is None else date.fromisoformat(str(value))
    except ValueError:
        return None


def _utc(at: datetime) -> datetime:
    """Aware UTC without microseconds; a naive value is taken as local time."""
    return at.astimezone(UTC).replace(microsecond=0)


class TimelineMixin(PeopleMixin):
    # ---- logging ------------------------------------------------------------------

    def _person_or_raise(self, conn: sqlite3.Connection, person_id: int) -> dict[str, Any]:
        """The person's row (column -> stored value), or "There is no person #N."."""
        return record(conn, "person", person_id, "person")

    def _log_interaction(
        self,
        conn: sqlite3.Connection,
        person_id: int,
        kind: InteractionKind | str,
        *,
        direction: Direction | str = "none",
        at: datetime | None = None,
        summary: str = "",
    ) -> int:
        """Log inside the caller's transaction: the entry, the stage rule, the follow-up.

        last_contact is kept by SQL triggers. An outgoing message or email schedules the
        follow-up `follow_up_days` after it was sent (never earlier than today). A reply or
        a conversation settles a pending one (due within `follow_up_days`) unless you wrote
        again after it; a far-off date the user chose stays.
        """
        kind_ = coerce_kind(kind)
        direction_ = coerce_direction(direction)
        person = record(conn, "person", person_id, "person", "stage, follow_up_on")
        when = _utc(at) if at is not None else self.now()
        day = local_date(when) if at is not None else self.today()
        entry = {
            "person_id": person_id, "kind": kind_, "direction": direction_, "at": when,
            "summary": summary.strip(), "created_at": self.now(),
        }  # fmt: skip
        entry_id = insert(conn, "interaction", entry)
        changes: dict[str, object] = {}
        new_stage = advance_stage(person["stage"], kind_, direction_)
        if new_stage != person["stage"]:
            changes["stage"] = new_stage
            changes["next_step"] = ""  # a written plan for the old stage is done with
        follow_up_on = stored_day(person["follow_up_on"])
        if kind_ in MESSAGE_KINDS and direction_ is Direction.out:
            nudge = day + timedelta(days=self.follow_up_days)
            changes["follow_up_on"] = max(nudge, self.today())
        elif (
            settles_follow_up(kind_, direction_)
            and follow_up_on is not None
            and follow_up_on <= max(day, self.today()) + timedelta(days=self.follow_up_days)
            and not self._reached_out_after(conn, person_id, when)
        ):
            changes["follow_up_on"] = None
        changes["updated_at"] = self.now()
        update(conn, "person", person_id, changes)
        return entry_id

    @staticmethod
    def _reached_out_after(conn: sqlite3.Connection, person_id: int, when: datetime) -> bool:
        """Is there an outgoing message or email later than `when` (still unanswered)?"""
        row = conn.execute(
            "SELECT 1 FROM interaction WHERE person_id = :p AND at > :at "
            "AND kind IN ('message', 'email') AND direction = 'out' LIMIT 1",
            {"p": person_id, "at": format_utc(when)},
        ).fetchone()
        return row is not None

    def log_interaction(
        self,
        person_id: int,
        kind: InteractionKind | str,
        *,
        direction: Direction | str = "none",
        at: datetime | None = None,
        summary: str = "",
    ) -> int:
        """Log one interaction in its own transaction; returns its id."""
        with self._write() as conn:
            return self._log_interaction(
                conn, person_id, kind, direction=direction, at=at, summary=summary
            )

    # ---- edits --------------------------------------------------------------------

    def update_interaction(
        self,
        interaction_id: int,
        *,
        kind: InteractionKind | str | None = None,
        direction: Direction | str | None = None,
        at: datetime | None = None,
        summary: str | None = None,
    ) -> InteractionRow:
        """Change an entry; returns it as it was (for undo). The stage only moves forward.
        Only the fields that change are written (an unchanged entry fires no trigger)."""
        with self._write() as conn:
            row = conn.execute(_ROW_SQL + "WHERE id = ?", (interaction_id,)).fetchone()
            before = _row(found(row, "timeline entry", interaction_id))
            after = {
                "kind": before.kind if kind is None else coerce_kind(kind),
                "direction": before.direction if direction is None else coerce_direction(direction),
                "at": before.at if at is None else _utc(at),
                "summary": before.summary if summary is None else summary.strip(),
            }
            was = {"kind": before.kind, "direction": before.direction, "at": before.at,
                   "summary": before.summary}  # fmt: skip
            update(conn, "interaction", interaction_id,
                   {k: v for k, v in after.items() if v != was[k]})  # fmt: skip
            person = record(conn, "person", before.person_id, "person", "stage")
            new_stage = advance_stage(person["stage"], str(after["kind"]), str(after["direction"]))
            if new_stage != person["stage"]:
                update(conn, "person", before.person_id, {"stage": new_stage})
            return before

    def delete_interaction(self, interaction_id: int) -> InteractionRow:
        """Delete an entry; returns it whole so `restore_interaction` can undo."""
        before = self.get_interaction(interaction_id)
        with self._write() as conn:
            conn.execute("DELETE FROM interaction WHERE id = ?", (interaction_id,))
        return before

    def restore_interaction(self, row: InteractionRow) -> int:
        """Put a deleted entry back as it was (same id), or as an edit's previous state."""
        values = {
            "id": row.id, "person_id": row.person_id, "kind": row.kind,
            "direction": row.direction, "at": row.at, "summary": row.summary,
            "created_at": row.created_at,
        }  # fmt: skip
        with self._write() as conn:
            record(conn, "person", row.person_id, "person", "id")
            # Delete, then insert (not INSERT OR REPLACE): a replaced row fires no delete
            # trigger, so the derived counts (contact_stats) would count it twice.
            conn.execute("DELETE FROM interaction WHERE id = ?", (row.id,))
            insert(conn, "interaction", values)
        return row.id

    # ---- person fields the timeline drives ----------------------------------------

    def set_follow_up(self, person_id: int, day: date | None) -> date | None:
        """Set (or clear with None) the follow-up date; returns the previous one."""
        with self._write() as conn:
            person = record(conn, "person", person_id, "person", "follow_up_on")
            update(conn, "person", person_id, {"follow_up_on": day, "updated_at": self.now()})
            return stored_day(person["follow_up_on"])

    def set_stage(self, person_id: int, stage: Stage | str) -> Stage:
        """The user's choice of stage, backwards allowed; returns the previous stage."""
        stage_ = coerce_stage(stage)
        with self._write() as conn:
            person = record(conn, "person", person_id, "person", "stage")
            update(conn, "person", person_id, {"stage": stage_, "updated_at": self.now()})
            return stage_of(person["stage"])

    # ---- reads --------------------------------------------------------------------

    def get_interaction(self, interaction_id: int) -> InteractionRow:
        with self.db.read() as conn:
            r = conn.execute(_ROW_SQL + "WHERE id = ?", (interaction_id,)).fetchone()
        return _row(found(r, "timeline entry", interaction_id))

    def timeline(self, person_id: int, limit: int = 500) -> list[InteractionRow]:
        """A person's newest `limit` entries, newest first (index interaction(person_id, at)).
        The screen's list reads pages instead (`timeline_page`)."""
        sql = _ROW_SQL + "WHERE person_id = ? ORDER BY at DESC, id DESC LIMIT ?"
        with self.db.read() as conn:
            rows = conn.execute(sql, (person_id, limit)).fetchall()
        return [_row(r) for r in rows]

    def timeline_months(self, person_id: int) -> list[tuple[date, int]]:
        """(first day of the month, how many entries) per local month, newest first: the
        timeline's month headers, laid out without reading the entries. One indexed count
        per month between local month starts (in UTC), so no date function runs per row and
        a month is the one `InteractionRow.day` falls in."""
        with self.db.read() as conn:
            first, last = conn.execute(
                "SELECT min(at), max(at) FROM interaction WHERE person_id = ?", (person_id,)
            ).fetchone()
            if first is None:
                return []
            start, end = local_date(parse_utc(str(first))), local_date(parse_utc(str(last)))
            month = date(end.year, end.month, 1)
            upper: str | None = None  # the next month's start, as stored (UTC)
            out: list[tuple[date, int]] = []
            while month >= date(start.year, start.month, 1):
                lower = format_utc(datetime(month.year, month.month, 1).astimezone())
                # (the bounds stay plain comparisons: the index interaction(person_id, at)
                # then counts one month's range and nothing else)
                n = conn.execute(
                    "SELECT count(*) FROM interaction WHERE person_id = ? AND at >= ? AND at < ?",
                    (person_id, lower, upper or "~"),  # "~" sorts after every stored time
                ).fetchone()[0]
                if n:
                    out.append((month, int(n)))
                upper = lower
                month = date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)
        return out

    def timeline_page(self, person_id: int, offset: int, limit: int) -> list[InteractionRow]:
        """Entries offset..offset+limit of a person's timeline, newest first."""
        sql = _ROW_SQL + "WHERE person_id = ? ORDER BY at DESC, id DESC LIMIT ? OFFSET ?"
        with self.db.read() as conn:
            rows = conn.execute(sql, (person_id, limit, max(0, offset))).fetchall()
        return [_row(r) for r in rows]

    def timeline_position(self, person_id: int, interaction_id: int) -> int | None:
        """Where an entry is in its person's timeline (0 = newest); None if it is not there."""
        with self.db.read() as conn:
            found = conn.execute(
                "SELECT at FROM interaction WHERE id = ? AND person_id = ?",
                (interaction_id, person_id),
            ).fetchone()
            if found is None:
                return None
            row = conn.execute(
                "SELECT count(*) FROM interaction WHERE person_id = ? "
                "AND (at > ? OR (at = ? AND id > ?))",
                (person_id, found[0], found[0], interaction_id),
            ).fetchone()
        return int(row[0])

    def interaction_count(self, person_id: int) -> int:
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT count(*) FROM interaction WHERE person_id = ?", (person_id,)
            ).fetchone()
        return int(row[0])
