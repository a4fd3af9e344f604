"""Message drafts: save, list, copy and mark sent; what a message may say about its recipient."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from netui.compose import CHANNELS, Channel, Intent, Tone
from netui.enums import DraftStatus, InteractionKind, Stage, stage_of
from netui.errors import InputError
from netui.pipeline import kind_label
from netui.store.base import found
from netui.store.meetings import MeetingMixin
from netui.store.sql import insert, record, update
from netui.store.timeline import stored_day
from netui.timeutil import local_date, parse_utc

if TYPE_CHECKING:
    from netui.recipient import Recipient

BODY_LIMIT = 100_000  # characters; far above any channel, a guard against pasted files
SUBJECT_LIMIT = 500

# An intro or a referral request is an ask: logging it moves the stage to "asked".
_ASK_KINDS = {Intent.intro: InteractionKind.intro, Intent.pitch: InteractionKind.referral}
_SETTLES_MEETING = frozenset({Intent.follow_up, Intent.thank_you})


@dataclass(frozen=True, slots=True)
class DraftRow:
    """A draft in a list: enough to show it and reopen it."""

    id: int
    person_id: int
    intent: str
    tone: str
    channel: str
    template_key: str
    subject: str
    preview: str  # the body's first non-empty line
    status: str
    updated_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True, slots=True)
class DraftRecord:
    """One whole draft, read without the write lock."""

    id: int
    person_id: int
    intent: Intent
    tone: Tone
    channel: Channel
    template_key: str
    subject: str
    body: str
    status: DraftStatus
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True, slots=True)
class SentDraft:
    """What marking a draft sent did, for the screen to say."""

    interaction_id: int
    stage: Stage
    follow_up_on: date | None
    settled_meetings: int  # meetings whose "follow-up owed" this cleared


_DRAFT_SQL = """
SELECT id, person_id, intent, tone, channel, template_key, subject, body, status,
       updated_at, sent_at
FROM draft
"""


def _draft_row(r: Any) -> DraftRow:
    preview = next((line.strip() for line in str(r[7]).splitlines() if line.strip()), "")
    return DraftRow(
        id=int(r[0]), person_id=int(r[1]), intent=str(r[2]), tone=str(r[3]),
        channel=str(r[4]), template_key=str(r[5]), subject=str(r[6]), preview=preview[:120],
        status=str(r[8]), updated_at=parse_utc(str(r[9])),
        sent_at=parse_utc(str(r[10])) if r[10] else None,
    )  # fmt: skip


def _check(intent: str, tone: str, channel: str, subject: str, body: str) -> None:
    for value, enum, what in ((intent, Intent, "intent"), (tone, Tone, "tone")):
        if value not in {m.value for m in enum}:
            choices = ", ".join(m.value for m in enum)
            raise InputError(f"The {what} '{value}' is not one of: {choices}.")
    if channel not in {c.value for c in Channel}:
        choices = ", ".join(c.value for c in Channel)
        raise InputError(f"The channel '{channel}' is not one of: {choices}.")
    if len(subject) > SUBJECT_LIMIT:
        raise InputError(f"The subject is {len(subject):,} characters; at most {SUBJECT_LIMIT}.")
    if len(body) > BODY_LIMIT:
        raise InputError(f"The message is {len(body):,} characters; at most {BODY_LIMIT:,}.")


def _reachable_by(email: str, linkedin: str, dm_handles: tuple[str, ...]) -> str:
    """The channel to suggest: email, then LinkedIn, then a text or DM."""
    if str(email).strip():
        return Channel.email.value
    if str(linkedin).strip():
        return Channel.linkedin_message.value
    if any(str(h).strip() for h in dm_handles):
        return Channel.dm.value
    return Channel.email.value


def _latest_shared(
    conn: sqlite3.Connection, person_id: int, from_them: Iterable[str]
) -> tuple[str, str, str] | None:
    """(kind, direction, at) of the newest entry of a kind you both share, or of one of
    `from_them` that came from them; None when there is none."""
    from netui.message_phrases import MENTIONABLE_KINDS

    shared = ", ".join(f"'{k}'" for k in MENTIONABLE_KINDS)
    theirs = ", ".join(f"'{k}'" for k in from_them)
    row: tuple[str, str, str] | None = conn.execute(
        "SELECT kind, direction, at FROM interaction WHERE person_id = ? AND "
        f"(kind IN ({shared}) OR (direction = 'in' AND kind IN ({theirs}))) "
        "ORDER BY at DESC, id DESC LIMIT 1",
        (person_id,),
    ).fetchone()
    return row


def _last_summary(row: Any) -> str:
    """'ask intro: to Dana on Payments': what the last entry was, then the user's note."""
    if not row:
        return ""
    what = kind_label(str(row[1]), str(row[2]))
    return f"{what}: {row[0]}" if str(row[0]).strip() else what


def _draft(conn: sqlite3.Connection, draft_id: int) -> dict[str, Any]:
    """The draft's row (column -> stored value), or "There is no draft #N."."""
    return record(conn, "draft", draft_id, "draft")


class DraftMixin(MeetingMixin):  # a sent follow-up closes the meeting's loop
    # ---- writes -------------------------------------------------------------------

    def save_draft(
        self,
        person_id: int,
        *,
        intent: str,
        tone: str,
        channel: str,
        subject: str,
        body: str,
        template_key: str = "",
        draft_id: int | None = None,
    ) -> int:
        """Create a draft, or update `draft_id` (its status is kept); returns its id."""
        _check(intent, tone, channel, subject, body)
        values = {
            "intent": intent, "tone": tone, "channel": channel, "subject": subject,
            "body": body, "template_key": template_key,
        }  # fmt: skip
        with self._write() as conn:
            record(conn, "person", person_id, "person", "id")
            if draft_id is None:
                new = {
                    "person_id": person_id, **values, "status": DraftStatus.draft,
                    "created_at": self.now(),
                }  # fmt: skip
                return insert(conn, "draft", {**new, "updated_at": self.now(), "sent_at": None})
            draft = _draft(conn, draft_id)
            if draft["person_id"] != person_id:
                raise InputError(f"Draft #{draft_id} is for someone else.")
            changed = {key: value for key, value in values.items() if draft[key] != value}
            if changed:
                update(conn, "draft", draft_id, {**changed, "updated_at": self.now()})
            return draft_id

    def mark_copied(self, draft_id: int) -> None:
        """A draft that was copied out; a sent one stays sent."""
        with self._write() as conn:
            draft = _draft(conn, draft_id)
            if draft["status"] == DraftStatus.draft:
                changes = {"status": DraftStatus.copied, "updated_at": self.now()}
                update(conn, "draft", draft_id, changes)

    def mark_sent(self, draft_id: int) -> SentDraft:
        """Sent, in one transaction: the draft's status and time, an outgoing interaction on
        the timeline (which moves the stage), the follow-up date, and for a follow-up or a
        thank-you, the person's meetings no longer owe one."""

        with self._write() as conn:
            draft = _draft(conn, draft_id)
            if draft["status"] == DraftStatus.sent:
                sent_on = local_date(parse_utc(str(draft["sent_at"])))
                raise InputError(f"This draft was already marked sent on {sent_on}.")
            if not str(draft["body"]).strip():
                raise InputError("The message is empty; write it before marking it sent.")
            intent = Intent(draft["intent"])
            spec = CHANNELS[Channel(draft["channel"])]
            kind = _ASK_KINDS.get(intent, spec.kind)
            what = str(draft["subject"]).strip() or intent.label.lower()
            now = self.now()
            changes = {"status": DraftStatus.sent, "sent_at": now, "updated_at": now}
            update(conn, "draft", draft_id, changes)
            person_id = int(draft["person_id"])
            interaction_id = self._log_interaction(
                conn, person_id, kind, direction="out", summary=f"{spec.label}: {what}"
            )
            person = record(conn, "person", person_id, "person", "stage, follow_up_on")
            follow_up_on = stored_day(person["follow_up_on"])
            if follow_up_on is None or follow_up_on <= self.today():
                # an ask (intro, referral) gets a follow-up date like any message
                follow_up_on = self.today() + timedelta(days=self.follow_up_days)
                update(conn, "person", person_id, {"follow_up_on": follow_up_on})
            settled = 0
            if intent in _SETTLES_MEETING:  # the follow-up item of the meeting is ticked too
                settled = self._clear_follow_up_owed(conn, person_id)
            return SentDraft(interaction_id, stage_of(person["stage"]), follow_up_on, settled)

    def delete_draft(self, draft_id: int) -> None:
        with self._write() as conn:
            _draft(conn, draft_id)
            conn.execute("DELETE FROM draft WHERE id = ?", (draft_id,))

    # ---- reads --------------------------------------------------------------------

    def get_draft(self, draft_id: int) -> DraftRecord:
        """The full draft."""
        sql = (
            "SELECT id, person_id, intent, tone, channel, template_key, subject, body, status, "
            "created_at, updated_at, sent_at FROM draft WHERE id = ?"
        )
        with self.db.read() as conn:
            r = found(conn.execute(sql, (draft_id,)).fetchone(), "draft", draft_id)
        return DraftRecord(
            id=int(r[0]), person_id=int(r[1]), intent=Intent(r[2]), tone=Tone(r[3]),
            channel=Channel(r[4]), template_key=str(r[5]), subject=str(r[6]), body=str(r[7]),
            status=DraftStatus(r[8]), created_at=parse_utc(str(r[9])),
            updated_at=parse_utc(str(r[10])), sent_at=parse_utc(str(r[11])) if r[11] else None,
        )  # fmt: skip

    def drafts_for(self, person_id: int) -> list[DraftRow]:
        """A person's drafts, newest first."""
        sql = _DRAFT_SQL + "WHERE person_id = ? ORDER BY updated_at DESC, id DESC"
        with self.db.read() as conn:
            return [_draft_row(r) for r in conn.execute(sql, (person_id,)).fetchall()]

    def unsent_drafts(self, limit: int = 50) -> list[DraftRow]:
        """Drafts not yet marked sent (copied ones too), oldest first, archived people left out."""
        sql = """
        SELECT d.id, d.person_id, d.intent, d.tone, d.channel, d.template_key, d.subject,
               d.body, d.status, d.updated_at, d.sent_at
        FROM draft d JOIN person p ON p.id = d.person_id
        WHERE d.status != 'sent' AND p.archived_at IS NULL
        ORDER BY d.updated_at, d.id LIMIT ?
        """
        with self.db.read() as conn:
            return [_draft_row(r) for r in conn.execute(sql, (limit,)).fetchall()]

    def template_sent_before(
        self, person_id: int, template_key: str, *, exclude_draft_id: int | None = None
    ) -> bool:
        """Was a draft from this template already sent to this person?"""
        if not template_key:
            return False
        sql = (
            "SELECT 1 FROM draft WHERE person_id = ? AND template_key = ? AND status = 'sent' "
            "AND id != ? LIMIT 1"
        )
        with self.db.read() as conn:
            row = conn.execute(sql, (person_id, template_key, exclude_draft_id or -1)).fetchone()
        return row is not None

    def recipient_for(self, person_id: int) -> Recipient:
        """What a message to this person can say: their details, your last conversation,
        who introduced you, and the company you want in at."""
        from netui.message_phrases import (
            MENTIONABLE_FROM_THEM,
            THANKABLE_FROM_THEM,
            how_we_know_phrase,
            interaction_phrase,
            long_ago_phrase,
            talk_phrase,
        )
        from netui.recipient import Recipient

        person_sql = """
        SELECT p.first_name, p.full_name, coalesce(c.name, ''), coalesce(c.is_target, 0),
               p.title, p.how_we_know, p.how_we_know_text, p.notes, p.closeness, p.email,
               p.stage, p.role, p.linkedin_url, p.phone, p.instagram, p.snapchat,
               EXISTS (SELECT 1 FROM meeting m WHERE m.person_id = p.id AND m.follow_up_owed),
               p.last_contact
        FROM person p LEFT JOIN company c ON c.id = p.company_id WHERE p.id = ?
        """
        with self.db.read() as conn:
            p = found(conn.execute(person_sql, (person_id,)).fetchone(), "person", person_id)
            last = _latest_shared(conn, person_id, MENTIONABLE_FROM_THEM)
            talk = _latest_shared(conn, person_id, THANKABLE_FROM_THEM)
            owed = conn.execute(
                "SELECT agreed, ask FROM meeting WHERE person_id = ? AND follow_up_owed "
                "ORDER BY starts_at DESC, id DESC LIMIT 1",
                (person_id,),
            ).fetchone()
            summary = conn.execute(
                "SELECT summary, kind, direction FROM interaction WHERE person_id = ?"
                " AND kind != 'note' "
                "ORDER BY at DESC, id DESC LIMIT 1",
                (person_id,),
            ).fetchone()
            connector = conn.execute(
                "SELECT o.full_name FROM link l JOIN person o ON o.id = l.person_b "
                "WHERE l.person_a = ? AND l.kind = 'introduced_by' AND o.archived_at IS NULL "
                "ORDER BY l.id DESC LIMIT 1",
                (person_id,),
            ).fetchone()
            target = self._target_company(conn, person_id, str(p[2]), bool(p[3]))
        today = self.today()
        phrase = long_ago = talked = ""
        if last is not None:
            day = local_date(parse_utc(str(last[2])))
            phrase = interaction_phrase(str(last[0]), str(last[1]), day, today)
            contact = local_date(parse_utc(str(p[17]))) if p[17] else None
            long_ago = long_ago_phrase(str(last[0]), str(last[1]), day, today, contact)
        if talk is not None:
            day = local_date(parse_utc(str(talk[2])))
            talked = talk_phrase(str(talk[0]), str(talk[1]), day, today)
        return Recipient(
            first_name=str(p[0]), full_name=str(p[1]), company=str(p[2]), title=str(p[4]),
            how_we_know=how_we_know_phrase(str(p[6]), str(p[5])),
            how_we_know_note=str(p[6]).strip(),
            last_interaction=phrase, last_talk=talked, long_ago=long_ago,
            agreed_step=str(owed[0]).strip() if owed else "",
            meeting_ask=str(owed[1]).strip() if owed else "",
            last_summary=_last_summary(summary),
            connector=str(connector[0]) if connector else "", target_company=target,
            notes=str(p[7]), closeness=str(p[8]), email=str(p[9]), stage=str(p[10]),
            role=str(p[11]), channel=_reachable_by(p[9], p[12], p[13:16]),
            follow_up_owed=bool(p[16]),
        )  # fmt: skip

    def _target_company(self, conn: Any, person_id: int, company: str, is_target: bool) -> str:
        """Theirs if it is a target; else a target company of someone they are linked to;
        else theirs; else your first target company."""
        if company and is_target:
            return company
        linked = conn.execute(
            "SELECT c.name FROM link l "
            "JOIN person o ON o.id = CASE WHEN l.person_a = ? THEN l.person_b ELSE l.person_a END "
            "JOIN company c ON c.id = o.company_id "
            "WHERE (l.person_a = ? OR l.person_b = ?) AND c.is_target = 1 "
            "ORDER BY l.id LIMIT 1",
            (person_id, person_id, person_id),
        ).fetchone()
        if linked:
            return str(linked[0])
        if company:
            return company
        first = conn.execute(
            "SELECT name FROM company WHERE is_target = 1 ORDER BY name COLLATE NOCASE LIMIT 1"
        ).fetchone()
        return str(first[0]) if first else ""
