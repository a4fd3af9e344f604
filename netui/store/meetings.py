"""Meetings: plan, reschedule, cancel, mark done, the follow-up owed, reads and the brief
(the checklist itself: store/checklist.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from netui.enums import MeetingStatus, Phase
from netui.errors import InputError
from netui.store.base import found
from netui.store.checklist import ChecklistMixin
from netui.store.sql import insert, marks, record, update
from netui.timeutil import format_utc, parse_utc

if TYPE_CHECKING:
    from netui.meeting import Brief, MeetingRow


TEXT_LIMITS = {"place": 200, "address": 300, "ask": 1000, "notes": 10_000, "agreed": 300}

_MEETING_SQL = """
SELECT m.id, m.person_id, p.full_name, coalesce(c.name, ''), p.city, m.starts_at, m.place,
       m.address, m.ask, m.notes, m.status, m.follow_up_owed,
       (SELECT count(*) FROM checklist_item i WHERE i.meeting_id = m.id AND i.done = 1),
       (SELECT count(*) FROM checklist_item i WHERE i.meeting_id = m.id)
FROM meeting m JOIN person p ON p.id = m.person_id LEFT JOIN company c ON c.id = p.company_id
"""


def _meeting_row(r: Any) -> MeetingRow:
    from netui.meeting import MeetingRow

    return MeetingRow(
        id=r[0], person_id=r[1], person_name=r[2], company=r[3], city=r[4],
        starts_at=parse_utc(r[5]), place=r[6], address=r[7], ask=r[8], notes=r[9],
        status=MeetingStatus(r[10]), follow_up_owed=bool(r[11]), done_items=r[12] or 0,
        total_items=r[13] or 0,
    )  # fmt: skip


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("naive datetime given for a meeting; use an aware datetime")
    return value.astimezone(UTC).replace(microsecond=0)


def _clean_details(details: dict[str, str | None]) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    for key, value in details.items():
        if value is None:
            continue
        if key not in TEXT_LIMITS:
            raise InputError(f"'{key}' is not a field of a meeting.")
        text = value.strip()
        if len(text) > TEXT_LIMITS[key]:
            raise InputError(f"The meeting's {key} is at most {TEXT_LIMITS[key]} characters.")
        cleaned[key] = text
    return cleaned


def _done_by_details(phase: Phase | str, text: str, details: dict[str, str]) -> bool:
    """An item the meeting's details already do: a place picked, the request written."""
    from netui.meeting import needs_request, picks_place

    return (bool(details.get("place")) and picks_place(phase, text)) or (
        bool(details.get("ask")) and needs_request(phase, text)
    )


class MeetingMixin(ChecklistMixin):
    # ---- meetings -----------------------------------------------------------------

    def plan_meeting(
        self,
        person_id: int,
        starts_at: datetime,
        *,
        place: str = "",
        address: str = "",
        ask: str = "",
        notes: str = "",
        checklist: Sequence[tuple[Phase, str]] | None = None,
    ) -> int:
        """A planned meeting and its checklist (the defaults unless given), in one transaction."""
        from netui.meeting import PHASES, clean_item_text, load_default_checklist

        details = _clean_details({"place": place, "address": address, "ask": ask, "notes": notes})
        items = load_default_checklist() if checklist is None else list(checklist)
        items = [(Phase(phase), clean_item_text(text)) for phase, text in items]
        with self._write() as conn:
            record(conn, "person", person_id, "person", "id")
            now = self.now()
            meeting_id = insert(
                conn,
                "meeting",
                {
                    "person_id": person_id,
                    "starts_at": _utc(starts_at),
                    "place": details["place"],
                    "address": details["address"],
                    "ask": details["ask"],
                    "notes": details["notes"],
                    "status": MeetingStatus.planned,
                    "follow_up_owed": False,
                    "agreed": "",
                    "created_at": now,
                    "updated_at": now,
                },
            )
            order = sorted(range(len(items)), key=lambda k: (PHASES.index(items[k][0]), k))
            for position, k in enumerate(order):
                phase, text = items[k]
                done = _done_by_details(phase, text, details)
                insert(
                    conn,
                    "checklist_item",
                    {
                        "meeting_id": meeting_id,
                        "phase": phase,
                        "text": text,
                        "done": done,
                        "position": position,
                    },
                )
            return meeting_id

    def reschedule_meeting(
        self, meeting_id: int, starts_at: datetime, **details: str | None
    ) -> None:
        """New time (and place, address, ask, notes if given); a cancelled meeting is back on."""
        cleaned = _clean_details(details)
        with self._write() as conn:
            meeting = self._meeting_record(conn, meeting_id)
            if meeting["status"] == MeetingStatus.done:
                raise InputError(f"Meeting #{meeting_id} is done; plan a new one instead.")
            changes: dict[str, object] = {
                "starts_at": _utc(starts_at), "status": MeetingStatus.planned, **cleaned
            }  # fmt: skip
            update(conn, "meeting", meeting_id, {**changes, "updated_at": self.now()})
            self._tick_done_by_details(conn, meeting_id, cleaned)

    def update_meeting(self, meeting_id: int, **details: str | None) -> None:
        """Change place, address, ask or notes."""
        cleaned = _clean_details(details)
        with self._write() as conn:
            self._meeting_record(conn, meeting_id)
            update(conn, "meeting", meeting_id, {**cleaned, "updated_at": self.now()})
            self._tick_done_by_details(conn, meeting_id, cleaned)

    def _tick_done_by_details(
        self, conn: sqlite3.Connection, meeting_id: int, details: dict[str, str]
    ) -> None:
        self._tick_items(
            conn, [meeting_id], lambda phase, text: _done_by_details(phase, text, details)
        )

    def cancel_meeting(self, meeting_id: int) -> None:
        with self._write() as conn:
            meeting = self._meeting_record(conn, meeting_id)
            if meeting["status"] == MeetingStatus.done:
                raise InputError(f"Meeting #{meeting_id} is already done; it cannot be cancelled.")
            changes = {"status": MeetingStatus.cancelled, "updated_at": self.now()}
            update(conn, "meeting", meeting_id, changes)

    def mark_done(self, meeting_id: int, notes: str = "", *, agreed: str = "") -> int:
        """Done, logged on the timeline (coffee or meeting), follow-up owed: one transaction.
        `agreed` is the next step agreed, written to them ("you'll pass my resume to Jo"):
        the follow-up message says it.

        Returns the person's id (the composer opens next for the follow-up).
        """
        from netui.meeting import done_with_notes, interaction_kind_for

        summary = " ".join(notes.split()) if len(notes) <= TEXT_LIMITS["notes"] else None
        if summary is None:
            raise InputError(f"Meeting notes are at most {TEXT_LIMITS['notes']} characters.")
        agreed = " ".join(agreed.split()).rstrip(".")
        if len(agreed) > TEXT_LIMITS["agreed"]:
            raise InputError(f"The agreed next step is at most {TEXT_LIMITS['agreed']} characters.")
        with self._write() as conn:
            meeting = self._meeting_record(conn, meeting_id)
            if meeting["status"] == MeetingStatus.done:
                raise InputError(f"Meeting #{meeting_id} is already marked done.")
            if meeting["status"] == MeetingStatus.cancelled:
                raise InputError(f"Meeting #{meeting_id} was cancelled; reschedule it first.")
            place, person_id = str(meeting["place"]), int(meeting["person_id"])
            kind = interaction_kind_for(place)
            if not summary:
                summary = f"{kind.value.capitalize()}" + (f" at {place}" if place else "")
            changes = {"status": MeetingStatus.done, "follow_up_owed": True, "agreed": agreed}
            update(conn, "meeting", meeting_id, {**changes, "updated_at": self.now()})
            self._log_interaction(
                conn,
                person_id,
                kind,
                direction="out",
                # when it happened, if marked later
                at=min(parse_utc(str(meeting["starts_at"])), self.now()),
                summary=summary,
            )
            if notes.strip() or agreed:  # the notes and the next step are logged now
                self._tick_items(conn, [meeting_id], done_with_notes)
            return person_id

    def settle_follow_up(self, person_id: int) -> None:
        """The follow-up was sent (outside netui too): no meeting of theirs owes one now."""
        with self._write() as conn:
            self._clear_follow_up_owed(conn, person_id)

    def _clear_follow_up_owed(self, conn: sqlite3.Connection, person_id: int) -> int:
        """No meeting of theirs owes a follow-up, and the follow-up item of each is ticked;
        returns how many meetings owed one."""
        from netui.meeting import sent_with_follow_up

        owing = [
            int(r[0])
            for r in conn.execute(
                "SELECT id FROM meeting WHERE person_id = ? AND follow_up_owed = 1", (person_id,)
            )
        ]
        if owing:
            self._tick_items(conn, owing, sent_with_follow_up)
            conn.execute("UPDATE meeting SET follow_up_owed = 0 WHERE person_id = ?", (person_id,))
        return len(owing)

    @staticmethod
    def _tick_items(
        conn: sqlite3.Connection,
        meeting_ids: list[int],
        done_by: Callable[[Phase | str, str], bool],
    ) -> None:
        rows = conn.execute(
            "SELECT id, phase, text FROM checklist_item WHERE done = 0 "
            f"AND meeting_id IN ({marks(len(meeting_ids))})",
            meeting_ids,
        ).fetchall()
        ids = [int(r[0]) for r in rows if done_by(str(r[1]), str(r[2]))]
        if ids:
            conn.execute(f"UPDATE checklist_item SET done = 1 WHERE id IN ({marks(len(ids))})", ids)

    # ---- reads --------------------------------------------------------------------

    def get_meeting(self, meeting_id: int) -> MeetingRow:
        with self.db.read() as conn:
            row = conn.execute(_MEETING_SQL + " WHERE m.id = ?", (meeting_id,)).fetchone()
        return _meeting_row(found(row, "meeting", meeting_id))

    def _meetings_where(self, where: str, args: tuple[object, ...]) -> list[MeetingRow]:
        """The meetings `_MEETING_SQL + where` finds (`where` also orders and limits)."""
        with self.db.read() as conn:
            rows = conn.execute(_MEETING_SQL + where, args).fetchall()
        return [_meeting_row(r) for r in rows]

    def meetings_for(self, person_id: int) -> list[MeetingRow]:
        """A person's meetings, latest first."""
        where = " WHERE m.person_id = ? ORDER BY m.starts_at DESC, m.id DESC"
        return self._meetings_where(where, (person_id,))

    def upcoming_meetings(self, today: date | None = None, limit: int = 200) -> list[MeetingRow]:
        """Planned meetings from the start of today (local) on, soonest first."""
        from netui.meeting import local_midnight_utc

        since = format_utc(local_midnight_utc(today or self.today()))
        where = (
            " WHERE m.status = 'planned' AND m.starts_at >= ?"
            " AND p.archived_at IS NULL ORDER BY m.starts_at, m.id LIMIT ?"
        )
        return self._meetings_where(where, (since, limit))

    def meetings_to_wrap_up(self, today: date | None = None, limit: int = 200) -> list[MeetingRow]:
        """Past meetings still planned (not marked done) or owing a follow-up, oldest first."""
        from netui.meeting import local_midnight_utc

        since = format_utc(local_midnight_utc(today or self.today()))
        where = (
            " WHERE ((m.status = 'planned' AND m.starts_at < ?)"
            " OR m.follow_up_owed = 1) AND p.archived_at IS NULL"
            " ORDER BY m.starts_at, m.id LIMIT ?"
        )
        return self._meetings_where(where, (since, limit))

    def meeting_brief(self, meeting_id: int, today: date | None = None) -> Brief:
        from netui.meeting import InteractionFacts, PersonFacts, build_brief

        meeting = self.get_meeting(meeting_id)
        with self.db.read() as conn:
            p = conn.execute(
                "SELECT p.full_name, p.first_name, coalesce(c.name, ''), p.title, p.role,"
                " p.closeness, p.how_we_know, p.how_we_know_text, p.city, p.notes, p.stage,"
                " p.next_step FROM person p LEFT JOIN company c ON c.id = p.company_id"
                " WHERE p.id = ?",
                (meeting.person_id,),
            ).fetchone()
            recent = conn.execute(
                "SELECT kind, direction, at, summary FROM interaction WHERE person_id = ?"
                " ORDER BY at DESC, id DESC LIMIT 5",
                (meeting.person_id,),
            ).fetchall()
        person = PersonFacts(*p)
        interactions = [InteractionFacts(r[0], r[1], parse_utc(r[2]), r[3]) for r in recent]
        return build_brief(
            person, meeting, interactions, self.checklist(meeting_id), today or self.today()
        )
