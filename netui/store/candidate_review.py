"""Candidates for review: list them best evidence first, add, match, skip, not in tech, undo.

Adding or matching moves the candidate's evidence onto the person's timeline (one entry per
conversation day, kept by the same triggers as any entry). Skips and "not in tech" are
remembered by key (candidate_decision), so a re-import never asks again.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from netui.channel_ingest import (
    ADDED,
    DECIDED,
    MATCHED,
    WAITING,
    entry_kind,
    entry_summary,
    evidence_sentence,
    person_values,
    short_date,
    sources_text,
)
from netui.channels.model import handle_key
from netui.errors import InputError
from netui.names import fold
from netui.store.base import found, row_by_id
from netui.store.people import PeopleMixin
from netui.timeutil import format_utc, parse_utc

_STATUS_WORDS = {
    "added": "added", "matched": "matched to a person", "skipped": "skipped",
    "not_tech": "marked not in tech", "waiting": "waiting",
}  # fmt: skip
_KEY_FIELDS = ("email", "linkedin_url", "phone", "instagram", "snapchat")


@dataclass(frozen=True)
class CandidateRecord:
    """One candidate with the sum of their evidence."""

    id: int
    name: str
    email: str
    linkedin_url: str
    phone: str
    instagram: str
    snapchat: str
    company: str
    how_we_know: str
    detail: str
    mutual: bool
    sources: str  # channel keys, comma-separated, in the order first seen
    status: str
    person_id: int | None
    wrote: int  # messages you wrote them
    theirs: int  # messages they wrote
    days: int  # conversation days
    last_at: datetime | None

    @property
    def handle(self) -> str:
        """How to reach them: the address, else '@handle', phone or profile."""
        handle = self.instagram or self.snapchat
        return (
            self.email or (f"@{handle_key(handle)}" if handle else "")
            or self.phone or self.linkedin_url
        )  # fmt: skip

    @property
    def shown(self) -> str:
        return self.name or self.handle

    @property
    def source_text(self) -> str:
        return sources_text(self.sources)

    @property
    def two_way(self) -> bool:
        return bool(self.wrote and self.theirs)

    def evidence(self, today: date) -> str:
        return evidence_sentence(self.wrote, self.theirs, self.last_at, today, self.detail)

    def person_values(self) -> dict[str, str]:
        """What the person form is prefilled with."""
        return person_values(
            self.name, self.email, self.linkedin_url, self.phone,
            self.instagram, self.snapchat, self.company, self.how_we_know,
        )  # fmt: skip


@dataclass(frozen=True)
class CandidateUndo:
    """What one decision did, so undo can take it back."""

    candidate_id: int
    action: str  # added, matched, skipped, not_tech
    person_id: int | None = None
    filled: tuple[str, ...] = ()  # the person's empty fields a match filled

    def text(self, name: str) -> str:
        return f"{name}: {_STATUS_WORDS[self.action]}."


@dataclass(frozen=True)
class ReviewProgress:
    reviewed: int
    total: int

    def text(self) -> str:
        return f"{self.reviewed:,} of {self.total:,} reviewed"


@dataclass(frozen=True)
class Suggestion:
    """A person a candidate could be (the match picker)."""

    id: int
    full_name: str
    company: str
    score: int


_CANDIDATE_SQL = """
SELECT c.id, c.name, c.email, c.linkedin_url, c.phone, c.instagram, c.snapchat, c.company,
       c.how_we_know, c.detail, c.mutual, c.sources, c.status, c.person_id,
       coalesce(e.wrote, 0), coalesce(e.theirs, 0), coalesce(e.days, 0), e.last_at
FROM candidate c LEFT JOIN (
    SELECT candidate_id, sum(wrote) AS wrote, sum(count - wrote) AS theirs, count(*) AS days,
           max(at) AS last_at
    FROM channel_evidence WHERE candidate_id IS NOT NULL GROUP BY candidate_id
) e ON e.candidate_id = c.id
"""
# Best evidence first: two-way conversations, mutual follows, several sources, recent.
_BEST_FIRST = """
ORDER BY (coalesce(e.wrote, 0) > 0 AND coalesce(e.theirs, 0) > 0) DESC, c.mutual DESC,
         length(c.sources) - length(replace(c.sources, ',', '')) DESC,
         e.last_at IS NULL, e.last_at DESC, c.id
"""


def _record(row: Any) -> CandidateRecord:
    (cid, name, email, linkedin_url, phone, instagram, snapchat, company, how_we_know, detail,
     mutual, sources, status, person_id, wrote, theirs, days, last_at) = row  # fmt: skip
    return CandidateRecord(
        id=cid, name=name, email=email, linkedin_url=linkedin_url, phone=phone,
        instagram=instagram, snapchat=snapchat, company=company, how_we_know=how_we_know,
        detail=detail, mutual=bool(mutual), sources=sources, status=status,
        person_id=person_id, wrote=int(wrote), theirs=int(theirs), days=int(days),
        last_at=parse_utc(last_at) if last_at else None,
    )  # fmt: skip


class CandidateReviewMixin(PeopleMixin):
    # ---- reads ----------------------------------------------------------------------

    def waiting_candidates(self, limit: int | None = None) -> list[CandidateRecord]:
        """The candidates waiting for review, best evidence first."""
        sql = _CANDIDATE_SQL + " WHERE c.status = 'waiting'" + _BEST_FIRST
        with self.db.read() as conn:
            if limit is not None:
                return [_record(r) for r in conn.execute(sql + " LIMIT ?", (limit,))]
            return [_record(r) for r in conn.execute(sql)]

    def get_candidate(self, candidate_id: int) -> CandidateRecord:
        with self.db.read() as conn:
            row = conn.execute(_CANDIDATE_SQL + " WHERE c.id = ?", (candidate_id,)).fetchone()
        return _record(found(row, "candidate", candidate_id))

    def review_progress(self) -> ReviewProgress:
        with self.db.read() as conn:
            total, waiting = conn.execute(
                "SELECT count(*), coalesce(sum(status = 'waiting'), 0) FROM candidate"
            ).fetchone()
        return ReviewProgress(int(total) - int(waiting), int(total))

    def candidate_topics(self, candidate_id: int, today: date, limit: int = 3) -> list[str]:
        """The latest conversation days, each with its day (two days of one thread would
        read alike without it): '12 Jan · Coffee next week? (2 messages)'."""
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT day, topic, count FROM channel_evidence WHERE candidate_id = ? "
                "ORDER BY at DESC LIMIT ?",
                (candidate_id, limit),
            ).fetchall()
        return [
            f"{short_date(date.fromisoformat(day), today)} · {entry_summary(topic, count)}"
            for day, topic, count in rows
        ]

    def match_suggestions(self, candidate_id: int, limit: int = 5) -> list[Suggestion]:
        """People whose names are most like the candidate's (or their handle's words)."""
        from rapidfuzz import fuzz, process

        candidate = self.get_candidate(candidate_id)
        query = candidate.name or handle_key(candidate.instagram or candidate.snapchat)
        query = query or candidate.email.partition("@")[0]
        query = " ".join(fold(query).replace(".", " ").replace("_", " ").split())
        if not query:
            return []
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT p.id, p.full_name, coalesce(c.name, '') FROM person p "
                "LEFT JOIN company c ON c.id = p.company_id WHERE p.archived_at IS NULL"
            ).fetchall()
        names = [fold(r[1]) for r in rows]
        found = process.extract(query, names, scorer=fuzz.WRatio, limit=limit, score_cutoff=50)
        return [Suggestion(rows[i][0], rows[i][1], rows[i][2], int(score))
                for _, score, i in found]  # fmt: skip

    # ---- decisions ------------------------------------------------------------------

    def decide_candidate(self, candidate_id: int, status: str) -> CandidateUndo:
        """Skip a candidate or mark them not in tech; remembered across re-imports."""
        if status not in DECIDED:
            raise InputError(f"'{status}' is not a decision (skipped or not_tech).")
        with self._write() as conn:
            self._waiting_or_raise(conn, candidate_id)
            now = format_utc(self.now())
            conn.execute(
                "UPDATE candidate SET status = ?, decided_at = ? WHERE id = ?",
                (status, now, candidate_id),
            )
            conn.execute(
                "INSERT OR REPLACE INTO candidate_decision (key, status, decided_at) "
                "SELECT key, ?, ? FROM candidate_key WHERE candidate_id = ?",
                (status, now, candidate_id),
            )
        return CandidateUndo(candidate_id, status)

    def match_candidate(self, candidate_id: int, person_id: int) -> CandidateUndo:
        """The candidate is someone already here: their evidence goes on that timeline, and
        the person's empty email, profile, phone and handles are filled from it."""
        with self._write() as conn:
            row = self._waiting_or_raise(conn, candidate_id)
            row_by_id(conn, "person", "1", person_id)
            filled = []
            for column, value in zip(_KEY_FIELDS, row, strict=True):
                if (
                    value
                    and conn.execute(
                        f"UPDATE person SET {column} = ? WHERE id = ? AND {column} = ''",
                        (value, person_id),
                    ).rowcount
                ):
                    filled.append(column)
            self._land(conn, candidate_id, person_id, MATCHED)
        return CandidateUndo(candidate_id, MATCHED, person_id, tuple(filled))

    def candidate_added(self, candidate_id: int, person_id: int) -> CandidateUndo:
        """The person was just added from this candidate (the form): the evidence follows.
        Undo removes that person again."""
        with self._write() as conn:
            self._waiting_or_raise(conn, candidate_id)
            self._land(conn, candidate_id, person_id, ADDED)
        return CandidateUndo(candidate_id, ADDED, person_id)

    def add_candidate(self, candidate_id: int, company: str | None = None) -> CandidateUndo:
        """Add the candidate as a person (their known values; `company` overrides the
        guess) with their evidence on the new timeline."""
        candidate = self.get_candidate(candidate_id)
        if candidate.status != WAITING:
            raise InputError(
                f"Candidate #{candidate_id} is already {_STATUS_WORDS[candidate.status]}."
            )
        values: dict[str, Any] = candidate.person_values()
        if company is not None:
            values["company"] = company
        name = values.pop("full_name")
        person_id = self.add_person(name, **values)
        try:
            return self.candidate_added(candidate_id, person_id)
        except BaseException:
            self._delete_person(person_id)
            raise

    def undo_candidate(self, undo: CandidateUndo) -> None:
        """Take a decision back: the candidate waits again, as before it."""
        with self._write() as conn:
            cid = undo.candidate_id
            if undo.person_id is not None:
                self._unland(conn, cid, undo.person_id)
                for column in undo.filled:
                    conn.execute(f"UPDATE person SET {column} = '' WHERE id = ?",
                                 (undo.person_id,))  # fmt: skip
            conn.execute(
                "DELETE FROM candidate_decision WHERE key IN "
                "(SELECT key FROM candidate_key WHERE candidate_id = ?)",
                (cid,),
            )
            conn.execute(
                "UPDATE candidate SET status = 'waiting', person_id = NULL, decided_at = NULL "
                "WHERE id = ?",
                (cid,),
            )
            if undo.action == ADDED and undo.person_id is not None:
                conn.execute("DELETE FROM person WHERE id = ?", (undo.person_id,))

    # ---- inside a transaction -------------------------------------------------------

    def _delete_person(self, person_id: int) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM person WHERE id = ?", (person_id,))

    @staticmethod
    def _waiting_or_raise(conn: sqlite3.Connection, candidate_id: int) -> tuple[str, ...]:
        """The candidate's key fields; one sentence if there is none or it was decided."""
        row = row_by_id(conn, "candidate", f"status, {', '.join(_KEY_FIELDS)}", candidate_id)
        if row[0] != WAITING:
            raise InputError(f"Candidate #{candidate_id} is already {_STATUS_WORDS[row[0]]}.")
        return tuple(row[1:])

    def _land(self, conn: sqlite3.Connection, cid: int, pid: int, status: str) -> None:
        """Move a candidate's evidence onto a person's timeline (a day the person already
        has from the same conversation stays theirs)."""
        now = format_utc(self.now())
        rows = conn.execute(
            "SELECT id, channel, conversation, day, at, count, wrote, topic FROM "
            "channel_evidence WHERE candidate_id = ? AND person_id IS NULL ORDER BY at",
            (cid,),
        ).fetchall()
        for row_id, channel, conversation, day, at, count, wrote, topic in rows:
            taken = conn.execute(
                "SELECT 1 FROM channel_evidence WHERE person_id = ? AND channel = ? AND "
                "conversation = ? AND day = ?",
                (pid, channel, conversation, day),
            ).fetchone()
            if taken:
                continue
            cursor = conn.execute(
                "INSERT INTO interaction (person_id, kind, direction, at, summary, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (pid, entry_kind(channel), "out" if wrote else "in", at,
                 entry_summary(topic, count), now),
            )  # fmt: skip
            conn.execute(
                "UPDATE channel_evidence SET person_id = ?, interaction_id = ? WHERE id = ?",
                (pid, cursor.lastrowid, row_id),
            )
        conn.execute(
            "UPDATE candidate SET status = ?, person_id = ?, decided_at = ? WHERE id = ?",
            (status, pid, now, cid),
        )

    @staticmethod
    def _unland(conn: sqlite3.Connection, cid: int, pid: int) -> None:
        conn.execute(
            "DELETE FROM interaction WHERE id IN (SELECT interaction_id FROM channel_evidence "
            "WHERE candidate_id = ? AND person_id = ?)",
            (cid, pid),
        )
        conn.execute(
            "UPDATE channel_evidence SET person_id = NULL, interaction_id = NULL "
            "WHERE candidate_id = ? AND person_id = ?",
            (cid, pid),
        )
