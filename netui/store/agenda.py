"""Today and Progress reads (driver SQL: `netui today` stays fast) and their writes.

What the rows mean is decided in netui/agenda.py (Today), netui/progress.py and
netui/conversations.py: the 'kind/direction' pairs each query filters on come from there,
so the rules are written once.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from netui.enums import Closeness
from netui.errors import InputError
from netui.store.base import StoreBase, row_by_id
from netui.store.sql import marks
from netui.timeutil import format_utc, local_date, parse_utc, week_start
from netui.validate import CADENCE_MAX_DAYS, cadence_error

if TYPE_CHECKING:
    from netui.agenda import Fact, Section, TodayFacts
    from netui.conversations import Part
    from netui.progress import ProgressFacts
    from netui.settings import Settings

CLOSENESS_ORDER = (Closeness.close, Closeness.friend, Closeness.acquaintance, Closeness.met_once)
JOB_CHANGE = "job_change"
PROMISE = "promise"

_WHO = "p.full_name, coalesce(c.name, '')"
_JOIN = "JOIN person p ON p.id = {t}.person_id LEFT JOIN company c ON c.id = p.company_id"


def _day(text: str) -> date:
    return date.fromisoformat(text[:10])


def _put(facts: TodayFacts, section: Section, rows: list[Fact], total: int) -> None:
    if rows:
        facts.rows[section] = rows
        facts.totals[section] = total


def _follow_ups(conn: sqlite3.Connection, facts: TodayFacts, today: date) -> None:
    from netui.agenda import SECTION_LIMIT, Fact, Section

    where = "p.follow_up_on <= ? AND p.archived_at IS NULL"
    total = conn.execute(
        f"SELECT count(*) FROM person p INDEXED BY ix_person_due WHERE {where}",
        (today.isoformat(),),
    )
    rows = conn.execute(
        f"SELECT p.id, {_WHO}, p.follow_up_on, p.next_step, p.stage, p.role FROM person p "
        "INDEXED BY ix_person_due "
        f"LEFT JOIN company c ON c.id = p.company_id WHERE {where} "
        "ORDER BY p.follow_up_on, p.full_name COLLATE NOCASE, p.id LIMIT ?",
        (today.isoformat(), SECTION_LIMIT),
    ).fetchall()
    found = [Fact(r[0], r[1], r[2], _day(r[3]), detail=r[4], stage=r[5], role=r[6])
             for r in rows]  # fmt: skip
    _put(facts, Section.follow_ups, found, int(total.fetchone()[0]))


def _meetings(conn: sqlite3.Connection, facts: TodayFacts, today: date, now: datetime) -> None:
    from netui.agenda import MEETING_HOURS, SECTION_LIMIT, Fact, Section
    from netui.meeting import local_midnight_utc

    midnight = format_utc(local_midnight_utc(today))
    until = format_utc(now + timedelta(hours=MEETING_HOURS))
    select = f"SELECT m.id, m.person_id, {_WHO}, m.starts_at, m.place, m.follow_up_owed "
    soon = conn.execute(
        select + "FROM meeting m " + _JOIN.format(t="m") + " WHERE m.status = 'planned' "
        "AND m.starts_at >= ? AND m.starts_at < ? AND p.archived_at IS NULL "
        "ORDER BY m.starts_at, m.id",
        (midnight, until),
    ).fetchall()
    # past and not marked done, or done and owing the follow-up: two index reads
    wrap = conn.execute(
        select + "FROM meeting m " + _JOIN.format(t="m") + " WHERE p.archived_at IS NULL "
        "AND m.status = 'planned' AND m.starts_at < ? UNION "
        + select
        + "FROM meeting m INDEXED BY ix_meeting_owed "
        + _JOIN.format(t="m")
        + " WHERE p.archived_at IS NULL AND m.follow_up_owed = 1 ORDER BY 5, 1",
        (midnight,),
    ).fetchall()
    for section, rows in ((Section.meetings, soon), (Section.wrap_up, wrap)):
        found = [Fact(r[1], r[2], r[3], parse_utc(r[4]), ref=r[0], detail=r[5],
                      flag=bool(r[6])) for r in rows[:SECTION_LIMIT]]  # fmt: skip
        _put(facts, section, found, len(rows))


def _promises(conn: sqlite3.Connection, facts: TodayFacts) -> None:
    from netui.agenda import SECTION_LIMIT, Fact, Section
    from netui.conversations import keeps_promise_pairs

    kept = keeps_promise_pairs()
    rows = conn.execute(
        f"SELECT i.id, i.person_id, {_WHO}, i.at, i.summary, i.direction "
        "FROM interaction i INDEXED BY ix_interaction_promise "
        + _JOIN.format(t="i")
        + " WHERE i.kind = 'promise' "
        "AND p.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM agenda_entry e "
        "  WHERE e.interaction_id = i.id AND e.closed_at IS NOT NULL) "
        "AND NOT (i.direction = 'in' AND EXISTS (SELECT 1 FROM interaction j "
        "  WHERE j.person_id = i.person_id AND j.at >= i.at AND j.id != i.id "
        f"  AND j.kind || '/' || j.direction IN ({marks(len(kept))}))) "
        "ORDER BY i.at, i.id",
        kept,
    ).fetchall()
    for section, direction in ((Section.promised, "in"), (Section.owed, "out")):
        mine = [r for r in rows if r[6] == direction]
        found = [Fact(r[1], r[2], r[3], parse_utc(r[4]), ref=r[0], detail=r[5])
                 for r in mine[:SECTION_LIMIT]]  # fmt: skip
        _put(facts, section, found, len(mine))


def _replies(conn: sqlite3.Connection, facts: TodayFacts, today: date) -> None:
    from netui.agenda import REPLY_WINDOW_DAYS, SECTION_LIMIT, Fact, Section
    from netui.conversations import waiting_pairs
    from netui.meeting import local_midnight_utc

    since = format_utc(local_midnight_utc(today - timedelta(days=REPLY_WINDOW_DAYS)))
    waiting = waiting_pairs()
    # Each person's latest entry in the window (it is their latest of all: nothing is
    # later than the window), read from the timeline's date index; the bare columns of
    # a max() row come from that row (sqlite.org/lang_select.html#bareagg).
    rows = conn.execute(
        "SELECT l.id, l.person_id, l.at, count(*) OVER () FROM (SELECT id, person_id, "
        "  max(at) AS at, kind, direction FROM interaction INDEXED BY ix_interaction_at "
        "  WHERE at >= ? AND kind != 'note' GROUP BY person_id) l "
        "JOIN person p ON p.id = l.person_id WHERE p.archived_at IS NULL "
        f"AND l.kind || '/' || l.direction IN ({marks(len(waiting))}) "
        "ORDER BY l.at, l.person_id LIMIT ?",
        [since, *waiting, SECTION_LIMIT],
    ).fetchall()
    details = {
        r[0]: r[1:]
        for r in conn.execute(
            f"SELECT i.id, {_WHO}, i.summary FROM interaction i " + _JOIN.format(t="i")
            + f" WHERE i.id IN ({marks(len(rows))})",
            [r[0] for r in rows],
        )
    } if rows else {}  # fmt: skip
    found = [Fact(r[1], details[r[0]][0], details[r[0]][1], parse_utc(r[2]),
                  detail=details[r[0]][2]) for r in rows]  # fmt: skip
    _put(facts, Section.replies, found, int(rows[0][3]) if rows else 0)


def _job_changes(conn: sqlite3.Connection, facts: TodayFacts) -> None:
    from netui.agenda import SECTION_LIMIT, Fact, Section

    rows = conn.execute(
        f"SELECT e.interaction_id, p.id, {_WHO}, i.at, i.summary FROM agenda_entry e "
        "JOIN interaction i ON i.id = e.interaction_id " + _JOIN.format(t="e") + " "
        "WHERE e.kind = 'job_change' AND e.closed_at IS NULL AND p.archived_at IS NULL "
        "AND (p.last_contact IS NULL OR p.last_contact < i.at) "
        "ORDER BY i.at DESC, e.interaction_id DESC"
    ).fetchall()
    found = [Fact(r[1], r[2], r[3], parse_utc(r[4]), ref=r[0], detail=r[5]) for r in rows]
    _put(facts, Section.job_changes, found[:SECTION_LIMIT], len(found))


def _going_cold(
    conn: sqlite3.Connection, facts: TodayFacts, today: date, settings: Settings
) -> None:
    """Past their keep-in-touch cadence. Most people follow their closeness's cadence:
    for each closeness, those last in touch before (today - cadence) are read in
    last-contact order from ix_person_cold, 50 at most, and counted. The few on their
    own cadence or snoozed are read apart and judged by agenda.keep_in_touch_due."""
    from netui.agenda import SECTION_LIMIT, Fact, Section
    from netui.cadence import cadence_for, cadence_table, keep_in_touch_due
    from netui.meeting import local_midnight_utc

    table = cadence_table(settings)
    found: list[tuple[int, date, Fact]] = []
    total = 0
    select = (
        f"SELECT p.id, {_WHO}, p.last_contact, p.closeness, p.cadence_days, p.snooze_until "
        "FROM person p {index} LEFT JOIN company c ON c.id = p.company_id WHERE "
    )
    plain = (
        "p.archived_at IS NULL AND p.cadence_days IS NULL AND p.snooze_until IS NULL "
        "AND p.closeness = ? AND p.last_contact < ?"
    )
    for rank, closeness in enumerate(CLOSENESS_ORDER):
        cadence = table[closeness]
        if cadence <= 0:
            continue
        # last contact's local day + cadence <= today: before the next day's midnight
        bound = format_utc(local_midnight_utc(today - timedelta(days=cadence - 1)))
        index = "INDEXED BY ix_person_cold"
        total += int(conn.execute(
            f"SELECT count(*) FROM person p {index} WHERE {plain}", (closeness, bound)
        ).fetchone()[0])  # fmt: skip
        rows = conn.execute(
            select.format(index=index) + plain + " ORDER BY p.last_contact, p.id LIMIT ?",
            (closeness, bound, SECTION_LIMIT),
        ).fetchall()
        for r in rows:
            last = local_date(parse_utc(r[3]))
            fact = Fact(r[0], r[1], r[2], parse_utc(r[3]), closeness=r[4], cadence=cadence)
            found.append((rank, last + timedelta(days=cadence), fact))
    own = conn.execute(
        select.format(index="INDEXED BY ix_person_keep_own")
        + "(p.cadence_days IS NOT NULL OR p.snooze_until IS NOT NULL) "
        "AND p.archived_at IS NULL AND p.last_contact IS NOT NULL"
    ).fetchall()
    rank_of = {c: k for k, c in enumerate(CLOSENESS_ORDER)}
    for r in own:
        cadence = cadence_for(r[4], r[5], table)
        last = local_date(parse_utc(r[3]))
        due = keep_in_touch_due(last, cadence, _day(r[6]) if r[6] else None)
        if due is not None and due <= today:
            total += 1
            fact = Fact(r[0], r[1], r[2], parse_utc(r[3]), closeness=r[4], cadence=cadence,
                        due=due)  # fmt: skip
            found.append((rank_of.get(r[4], 9), due, fact))
    found.sort(key=lambda x: (x[0], x[1], x[2].name.casefold(), x[2].person_id))
    _put(facts, Section.going_cold, [f for _, _, f in found[:SECTION_LIMIT]], total)


def _drafts(conn: sqlite3.Connection, facts: TodayFacts) -> None:
    from netui.agenda import SECTION_LIMIT, Fact, Section

    where = "d.status IN ('draft', 'copied') AND p.archived_at IS NULL"
    total = conn.execute(
        "SELECT count(*) FROM draft d JOIN person p ON p.id = d.person_id WHERE " + where
    ).fetchone()[0]
    rows = conn.execute(
        f"SELECT d.id, d.person_id, {_WHO}, d.updated_at, d.intent, d.channel FROM draft d "
        + _JOIN.format(t="d")
        + f" WHERE {where} ORDER BY d.updated_at, d.id LIMIT ?",
        (SECTION_LIMIT,),
    ).fetchall()
    found = [Fact(r[1], r[2], r[3], parse_utc(r[4]), ref=r[0], detail=r[5], channel=r[6])
             for r in rows]  # fmt: skip
    _put(facts, Section.drafts, found, int(total))


def _day_parts(
    conn: sqlite3.Connection, first: date, last: date
) -> list[tuple[date, frozenset[Part], int]]:
    """Person-days from `first` to `last` (local), by the parts they hold, counted."""
    from netui.conversations import Part, part_pairs
    from netui.meeting import local_midnight_utc

    pairs = part_pairs()
    flags = ", ".join(
        f"max(kind || '/' || direction IN ({marks(len(pairs[part]))})) AS {part.value}"
        for part in Part
    )
    params: list[Any] = [p for part in Part for p in pairs[part]]
    since = format_utc(local_midnight_utc(first))
    until = format_utc(local_midnight_utc(last + timedelta(days=1)))
    names = ", ".join(part.value for part in Part)
    rows = conn.execute(
        f"SELECT day, {names}, count(*) FROM (SELECT person_id, "
        f"date(at, 'localtime') AS day, {flags} FROM interaction INDEXED BY ix_interaction_at "
        "WHERE at >= ? AND at < ? AND kind != 'note' GROUP BY person_id, day) "
        f"GROUP BY day, {names}",
        [*params, since, until],
    ).fetchall()
    out = []
    for row in rows:
        parts = frozenset(part for k, part in enumerate(Part, start=1) if row[k])
        out.append((date.fromisoformat(row[0]), parts, int(row[-1])))
    return out


def read_today(
    conn: sqlite3.Connection, settings: Settings, today: date, now: datetime
) -> TodayFacts:
    """Everything Today lists, from one connection (the store's, or a read-only one)."""
    from netui.agenda import TodayFacts
    from netui.conversations import count_conversations

    facts = TodayFacts()
    _follow_ups(conn, facts, today)
    _meetings(conn, facts, today, now)
    _promises(conn, facts)
    _replies(conn, facts, today)
    _job_changes(conn, facts)
    _going_cold(conn, facts, today, settings)
    _drafts(conn, facts)
    start = week_start(today)
    facts.week_conversations = count_conversations(_day_parts(conn, start, today), start, today)
    return facts


def read_progress(conn: sqlite3.Connection, today: date) -> ProgressFacts:
    """The Progress numbers' facts, from one connection."""
    from netui.conversations import response_pairs
    from netui.progress import ProgressFacts, progress_since

    answered = response_pairs()
    day_parts = _day_parts(conn, progress_since(today), today)
    stages = dict(
        conn.execute(
            "SELECT stage, count(*) FROM person WHERE archived_at IS NULL GROUP BY stage"
        ).fetchall()
    )
    sent = conn.execute(
        "SELECT intent, channel, answered, count(*) FROM (SELECT d.intent, d.channel, "
        "  EXISTS (SELECT 1 FROM interaction i WHERE i.person_id = d.person_id "
        "    AND i.at > d.sent_at "
        f"   AND i.kind || '/' || i.direction IN ({marks(len(answered))})) AS answered "
        "  FROM draft d WHERE d.status = 'sent' AND d.sent_at IS NOT NULL) "
        "GROUP BY intent, channel, answered",
        answered,
    ).fetchall()
    targets = conn.execute(
        "SELECT c.id, c.name, coalesce(p.stage, ''), count(p.id) FROM company c "
        "LEFT JOIN person p ON p.company_id = c.id AND p.archived_at IS NULL "
        "WHERE c.is_target = 1 GROUP BY c.id, p.stage ORDER BY c.id"
    ).fetchall()
    return ProgressFacts(
        day_parts=day_parts,
        stages={str(k): int(v) for k, v in stages.items()},
        sent=[(str(r[0]), str(r[1]), bool(r[2]), int(r[3])) for r in sent],
        targets=[(int(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in targets],
    )


class AgendaMixin(StoreBase):
    # ---- reads ------------------------------------------------------------------------

    def today_facts(self, settings: Settings, today: date | None = None,
                    now: datetime | None = None) -> TodayFacts:  # fmt: skip
        """Everything Today lists, read in one go on the read connection."""
        with self.db.read() as conn:
            return read_today(conn, settings, today or self.today(), now or self.now())

    def progress_facts(self, today: date | None = None) -> ProgressFacts:
        with self.db.read() as conn:
            return read_progress(conn, today or self.today())

    def never_contacted(self) -> int:
        """People (not stubs, not archived) with nothing logged yet: where the loop starts."""
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT count(*) FROM person WHERE archived_at IS NULL AND is_stub = 0"
                " AND last_contact IS NULL"
            ).fetchone()
        return int(row[0])

    # ---- writes -----------------------------------------------------------------------

    def snooze(self, person_id: int, until: date | None) -> date | None:
        """Not going cold before `until` (None: back to the cadence); no interaction logged.
        Returns the previous snooze (for undo). The next contact ends the snooze."""
        with self.db.write() as conn:
            row = row_by_id(conn, "person", "snooze_until", person_id)
            conn.execute(
                "UPDATE person SET snooze_until = ?, updated_at = ? WHERE id = ?",
                (until.isoformat() if until else None, format_utc(self.now()), person_id),
            )
        return _day(row[0]) if row[0] else None

    def set_cadence(self, person_id: int, days: int | None) -> int | None:
        """Keep in touch every `days` (0: never; None: from closeness); returns the old one."""
        if days is not None and not 0 <= days <= CADENCE_MAX_DAYS:
            raise InputError(cadence_error(str(days)) or "")
        with self.db.write() as conn:
            before = row_by_id(conn, "person", "cadence_days", person_id)
            conn.execute(
                "UPDATE person SET cadence_days = ?, updated_at = ? WHERE id = ?",
                (days, format_utc(self.now()), person_id),
            )
        return None if before[0] is None else int(before[0])

    def keep_in_touch(self, person_id: int) -> tuple[int | None, date | None]:
        """The person's own cadence (None: from closeness) and their snooze."""
        with self.db.read() as conn:
            row = row_by_id(conn, "person", "cadence_days, snooze_until", person_id)
        return (None if row[0] is None else int(row[0])), (_day(row[1]) if row[1] else None)

    def close_entry(self, interaction_id: int, *, reopen: bool = False) -> None:
        """Today stops listing a job change or a promise (dismissed / done); reopen undoes."""
        with self.db.write() as conn:
            row = row_by_id(
                conn, "interaction", "person_id, kind", interaction_id, what="timeline entry"
            )
            kind = PROMISE if row[1] == PROMISE else JOB_CHANGE
            closed = None if reopen else format_utc(self.now())
            conn.execute(
                "INSERT INTO agenda_entry (interaction_id, person_id, kind, closed_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (interaction_id) "
                "DO UPDATE SET closed_at = excluded.closed_at",
                (interaction_id, row[0], kind, closed),
            )


def note_job_change(conn: sqlite3.Connection, interaction_id: int, person_id: int) -> None:
    """An import logged a job change (a note): Today lists it until acted on or dismissed."""
    conn.execute(
        "INSERT OR IGNORE INTO agenda_entry (interaction_id, person_id, kind) VALUES (?, ?, ?)",
        (interaction_id, person_id, JOB_CHANGE),
    )
