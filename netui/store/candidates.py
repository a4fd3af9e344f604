"""Archives in: match contacts to people (evidence on their timelines) or keep candidates.

`preview_channel` reads only; `ingest_channel` writes everything in one transaction. Both
work out the same plan (netui/channel_ingest.py) from what the database holds; re-reading
the same archive finds everything known and changes nothing. Deciding about candidates
(add, match, skip, not in tech, undo) is in store/candidate_review.py.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from netui.channel_ingest import (
    DECIDED,
    FILLED_FIELDS,
    ChannelPlan,
    Entry,
    Known,
    Target,
    contact_keys,
    entry_kind,
    needed_keys,
    person_keys,
    plan_channel,
)
from netui.channels.model import ChannelResult, Contact
from netui.plural import count_of
from netui.store.candidate_review import CandidateReviewMixin
from netui.store.import_plan import paused_gc
from netui.textsafe import clean_line
from netui.timeutil import format_utc


@dataclass(frozen=True)
class ChannelPreview:
    """What bringing an archive in would do (nothing written)."""

    matched_people: int
    new_candidates: int
    known_candidates: int
    new_entries: int
    known_entries: int
    skipped: dict[str, int] = field(default_factory=dict)
    me: list[str] = field(default_factory=list)
    me_inferred: bool = False

    def lines(self) -> list[str]:
        """The preview's sentences, one a line."""
        out = [
            f"{count_of(self.matched_people, 'person')} already here: their "
            "conversations go on their timelines."
            if self.matched_people
            else "No one in it is already here by email, profile, phone, handle or full name."
        ]
        known = f" ({self.known_candidates:,} seen before)" if self.known_candidates else ""
        out.append(f"{count_of(self.new_candidates, 'new candidate')} to review{known}.")
        already = f" ({self.known_entries:,} already in)" if self.known_entries else ""
        out.append(f"{count_of(self.new_entries, 'new conversation day')}{already}.")
        if self.skipped:
            out.append(left_out(self.skipped))
        return out


def left_out(skipped: dict[str, int]) -> str:
    """'Left out: bulk mail (…): 35; no readable Date header: 1.' (preview and summary; the
    count after the reason, as reasons are worded for any count)."""
    return "Left out: " + "; ".join(f"{why}: {n:,}" for why, n in sorted(skipped.items())) + "."


@dataclass(frozen=True)
class ChannelSummary:
    """What bringing an archive in did."""

    matched_people: int
    new_candidates: int
    known_candidates: int
    new_entries: int
    known_entries: int
    timeline_entries: int = 0  # of the new entries, how many went on people's timelines
    skipped: dict[str, int] = field(default_factory=dict)
    me: list[str] = field(default_factory=list)
    me_inferred: bool = False

    def text(self) -> str:
        """'Brought in evidence for 2 people already here, 4 new candidates to review, 6 new
        conversation days (2 on timelines, 3 already in).' (no part that is zero), then the
        Left out sentence when something was left out."""
        left = f" {left_out(self.skipped)}" if self.skipped else ""
        if not (self.new_candidates or self.new_entries):
            seen = self.matched_people or self.known_candidates or self.known_entries
            return (
                "Nothing new: everything in it was already here."
                if seen
                else "Nothing brought in: no one in it to match or review."
            )
        parts = []
        here = count_of(self.matched_people, "person") + " already here"
        if self.matched_people and self.timeline_entries:
            parts.append(f"evidence for {here}")
        if self.new_candidates:
            parts.append(f"{count_of(self.new_candidates, 'new candidate')} to review")
        if self.new_entries:
            notes = []
            if self.timeline_entries:
                notes.append(f"{self.timeline_entries:,} on timelines")
            if self.known_entries:
                notes.append(f"{self.known_entries:,} already in")
            days = count_of(self.new_entries, "new conversation day")
            parts.append(days + (f" ({', '.join(notes)})" if notes else ""))
        text = "Brought in " + ", ".join(parts) + "."
        if self.matched_people and not self.timeline_entries:  # found them, nothing to add
            text = f"Matched {here}; b{text[1:]}"
        return text + left


_PEOPLE_SQL = "SELECT id, email, linkedin_url, phone, instagram, snapchat, full_name FROM person"


def read_known(
    conn: sqlite3.Connection, result: ChannelResult, keys_of: dict[str, list[str]]
) -> Known:
    """What the database holds that this archive's contacts could hit."""
    known = Known()
    names: Counter[str] = Counter()
    for pid, *values in conn.execute(_PEOPLE_SQL + " ORDER BY id"):
        theirs = person_keys(*values)
        known.keys_of[("person", pid)] = set(theirs)
        for key in theirs:
            if key.startswith("name:"):
                names[key] += 1
            known.person_keys.setdefault(key, pid)
    for key, n in names.items():
        if n > 1:  # two people of that name: a name alone says neither
            del known.person_keys[key]
    keys = json.dumps(needed_keys(keys_of))
    for key, cid in conn.execute(
        "SELECT key, candidate_id FROM candidate_key WHERE key IN (SELECT value FROM json_each(?))",
        (keys,),
    ):
        known.candidate_keys[key] = cid
    hit = json.dumps(sorted(set(known.candidate_keys.values())))
    for key, cid in conn.execute(
        "SELECT key, candidate_id FROM candidate_key WHERE candidate_id IN "
        "(SELECT value FROM json_each(?))",
        (hit,),
    ):
        known.keys_of.setdefault(("candidate", cid), set()).add(key)
    for cid, pid, mutual, sources, *values in conn.execute(
        f"SELECT id, person_id, mutual, sources, {', '.join(FILLED_FIELDS)} FROM candidate "
        "WHERE id IN (SELECT value FROM json_each(?))",
        (hit,),
    ):
        if pid is not None:
            known.candidate_person[cid] = pid
        known.candidate_values[cid] = (tuple(values), bool(mutual), sources)
    for key, status in conn.execute(
        "SELECT key, status FROM candidate_decision WHERE key IN (SELECT value FROM json_each(?))",
        (keys,),
    ):
        known.decisions[key] = status
    for row_id, pid, cid, conversation, day, count in conn.execute(
        "SELECT id, person_id, candidate_id, conversation, day, count FROM channel_evidence "
        "WHERE channel = ?",
        (result.channel,),
    ):
        target: Target = ("person", pid) if pid is not None else ("candidate", cid)
        known.evidence[(target, conversation, date.fromisoformat(day))] = (row_id, count)
    return known


def _plan_counts(plan: ChannelPlan, result: ChannelResult) -> dict[str, Any]:
    """What a preview and a summary both say of a plan: who matched, what is new, what was
    known already or left out, and who "you" are."""
    return {
        "matched_people": len(set(plan.matched.values())),
        "new_candidates": len(plan.new_candidates),
        "known_candidates": len(plan.known_candidates),
        "new_entries": len(plan.new_entries) + len(plan.grown),
        "known_entries": plan.known_entries,
        "skipped": dict(plan.skipped),
        "me": list(result.me),
        "me_inferred": result.me_inferred,
    }


class CandidateMixin(CandidateReviewMixin):
    # ---- archives in --------------------------------------------------------------------

    def preview_channel(self, result: ChannelResult) -> ChannelPreview:
        """What `ingest_channel` would do, read without the write lock."""
        with paused_gc(), self.db.read() as conn:
            keys_of = contact_keys(result)
            plan = plan_channel(result, read_known(conn, result, keys_of), keys_of)
        return ChannelPreview(**_plan_counts(plan, result))

    def ingest_channel(self, result: ChannelResult) -> ChannelSummary:
        """Evidence onto people, the rest kept as candidates: one transaction, all or none."""
        with paused_gc(), self._write() as conn:
            keys_of = contact_keys(result)
            plan = plan_channel(result, read_known(conn, result, keys_of), keys_of)
            timeline = self._write_channel(conn, plan)
        return ChannelSummary(timeline_entries=timeline, **_plan_counts(plan, result))

    def _write_channel(self, conn: sqlite3.Connection, plan: ChannelPlan) -> int:
        """Write a plan; returns how many timeline entries it made or grew."""
        now = format_utc(self.now())
        first = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM candidate").fetchone()[0])
        ids = {c.ref: first + i for i, c in enumerate(plan.new_candidates)}
        conn.executemany(
            "INSERT INTO candidate (id, name, email, linkedin_url, phone, instagram, snapchat, "
            "company, how_we_know, detail, mutual, sources, status, created_at, decided_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (ids[c.ref], *_columns(c.contact), plan.channel, c.status, now,
                 now if c.status in DECIDED else None)
                for c in plan.new_candidates
            ],
        )  # fmt: skip
        keys = [(k, ids[c.ref]) for c in plan.new_candidates for k in c.keys]
        keys += [(k, u.id) for u in plan.updates.values() for k in u.keys]
        conn.executemany(
            "INSERT OR IGNORE INTO candidate_key (key, candidate_id) VALUES (?, ?)", keys
        )
        conn.executemany(
            "UPDATE candidate SET "
            + ", ".join(f"{c} = CASE WHEN {c} = '' THEN ? ELSE {c} END" for c in _FILLED)
            + ", mutual = max(mutual, ?), sources = CASE "
            "WHEN instr(',' || sources || ',', ',' || ? || ',') > 0 THEN sources "
            "WHEN sources = '' THEN ? ELSE sources || ',' || ? END WHERE id = ?",
            [
                (*_columns(u.contact), plan.channel, plan.channel, plan.channel, u.id)
                for u in plan.updates.values()
            ],
        )
        real = [
            Entry((e.target[0], ids.get(e.target[1], e.target[1])), e.evidence)
            for e in plan.new_entries
        ]
        return self._write_entries(conn, plan.channel, real, plan.grown, now)

    def _write_entries(
        self,
        conn: sqlite3.Connection,
        channel: str,
        new: list[Entry],
        grown: list[Entry],
        now: str,
    ) -> int:
        kind = entry_kind(channel)
        on_people = [e for e in new if e.target[0] == "person"]
        first = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM interaction").fetchone()[0])
        interaction = {id(e): first + i for i, e in enumerate(on_people)}
        conn.executemany(
            "INSERT INTO interaction (id, person_id, kind, direction, at, summary, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (interaction[id(e)], e.target[1], kind, e.evidence.direction,
                 _stamp(e.evidence.at), e.evidence.summary(), now)
                for e in on_people
            ],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO channel_evidence (candidate_id, person_id, interaction_id, channel, "
            "conversation, day, at, count, wrote, topic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (e.target[1] if e.target[0] == "candidate" else None,
                 e.target[1] if e.target[0] == "person" else None,
                 interaction.get(id(e)), channel, ev.conversation, ev.day.isoformat(),
                 _stamp(ev.at), ev.count, ev.wrote, ev.topic)
                for e in new
                for ev in (e.evidence,)
            ],
        )  # fmt: skip
        for e in grown:  # a newer archive: more messages that day
            ev = e.evidence
            conn.execute(
                "UPDATE channel_evidence SET count = ?, wrote = ?, at = ?, "
                "topic = CASE WHEN topic = '' THEN ? ELSE topic END WHERE id = ?",
                (ev.count, ev.wrote, format_utc(ev.at), ev.topic, e.row_id),
            )
            conn.execute(
                "UPDATE interaction SET direction = ?, at = ?, summary = ? WHERE id = "
                "(SELECT interaction_id FROM channel_evidence WHERE id = ?)",
                (ev.direction, format_utc(ev.at), ev.summary(), e.row_id),
            )
        return len(on_people) + sum(1 for e in grown if e.target[0] == "person")


_ZERO = timedelta(0)


def _stamp(at: datetime) -> str:
    """`format_utc` for the aware UTC times the readers give, without strftime (3x faster:
    one a conversation day)."""
    return at.isoformat(" ", "seconds")[:19] if at.utcoffset() == _ZERO else format_utc(at)


_FILLED = FILLED_FIELDS


def _columns(contact: Contact) -> tuple[object, ...]:
    """A contact's values in `_FILLED` order, then mutual."""
    values = [getattr(contact, c) for c in _FILLED]
    values[0] = clean_line(values[0])
    values[6] = clean_line(values[6])
    return (*values, int(contact.mutual))
