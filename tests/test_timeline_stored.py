"""What the timeline, draft and meeting writes leave in the file, as text a raw SQL reader
(an export, another tool, the next netui) sees it: times in UTC from the store's clock,
dates ISO, flags 0/1, an undo that puts back the very row it took away."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from netui.errors import InputError
from netui.store import Store

STORE_NOW = "2026-11-26 15:00:00"  # conftest's NOW: the store's clock, not the machine's
PACIFIC = timezone(timedelta(hours=-8))


def _row(db_path: Path, table: str, key: int) -> list[tuple[Any, str]]:
    """The stored row with each value's SQLite type, read from the file itself."""
    with sqlite3.connect(db_path) as conn:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        picks = ", ".join(f"{c}, typeof({c})" for c in columns)
        row = conn.execute(f"SELECT {picks} FROM {table} WHERE id = ?", (key,)).fetchone()
    return list(zip(row[::2], row[1::2], strict=True))


def _person_facts(db_path: Path, pid: int) -> tuple[Any, ...]:
    with sqlite3.connect(db_path) as conn:
        return tuple(
            conn.execute(
                "SELECT p.last_contact, p.stage, s.interactions, s.replies, s.last_at, "
                "s.last_kind FROM person p LEFT JOIN contact_stats s ON s.person_id = p.id "
                "WHERE p.id = ?",
                (pid,),
            ).fetchone()
        )


def test_an_edits_undo_puts_back_the_exact_entry(store: Store, db_path: Path) -> None:
    pid = store.add_person("Sam Lee")
    at = datetime(2026, 11, 20, 9, 30, 5, tzinfo=PACIFIC)
    iid = store.log_interaction(pid, "message", direction="out", at=at, summary=" hi Sam ")
    stored, facts = _row(db_path, "interaction", iid), _person_facts(db_path, pid)
    before = store.update_interaction(
        iid, kind="reply", direction="in", at=datetime(2026, 11, 21, tzinfo=UTC), summary="yo"
    )
    assert _row(db_path, "interaction", iid) != stored
    store.restore_interaction(before)
    assert _row(db_path, "interaction", iid) == stored  # same text, same types
    assert _person_facts(db_path, pid)[0] == facts[0]  # last contact back too
    assert _person_facts(db_path, pid)[2:] == facts[2:]  # counted once, not twice


def test_timeline_times_are_utc_text_from_the_store_clock(store: Store, db_path: Path) -> None:
    pid = store.add_person("Sam Lee")
    at = datetime(2026, 11, 20, 9, 30, 5, 123456, tzinfo=PACIFIC)
    iid = store.log_interaction(pid, "message", direction="out", at=at, summary=" hi ")
    assert _row(db_path, "interaction", iid) == [
        (iid, "integer"), (pid, "integer"), ("message", "text"), ("out", "text"),
        ("2026-11-20 17:30:05", "text"), ("hi", "text"), (STORE_NOW, "text"),
    ]  # fmt: skip
    with sqlite3.connect(db_path) as conn:
        person = dict(
            zip(
                ("stage", "follow_up_on", "updated_at", "last_contact"),
                conn.execute(
                    "SELECT stage, follow_up_on, updated_at, last_contact FROM person WHERE id = ?",
                    (pid,),
                ).fetchone(),
                strict=True,
            )
        )
    assert person == {
        "stage": "reconnecting", "follow_up_on": "2026-11-26",  # never before today
        "updated_at": STORE_NOW, "last_contact": "2026-11-20 17:30:05",
    }  # fmt: skip


def test_draft_and_meeting_times_are_the_store_clock(store: Store, db_path: Path) -> None:
    pid = store.add_person("Sam Lee")
    draft_id = store.save_draft(
        pid, intent="follow_up", tone="warm", channel="email", subject="Thanks", body="Hi Sam"
    )
    store.mark_sent(draft_id)
    draft = [v for v, _ in _row(db_path, "draft", draft_id)]
    assert draft[-4:] == ["sent", STORE_NOW, STORE_NOW, STORE_NOW]  # created, updated, sent
    starts = datetime(2026, 11, 28, 9, 0, 0, 999, tzinfo=PACIFIC)
    meeting_id = store.plan_meeting(pid, starts, place="Blue Bottle", checklist=[])
    store.mark_done(meeting_id)
    assert _row(db_path, "meeting", meeting_id)[2:] == [
        ("2026-11-28 17:00:00", "text"), ("Blue Bottle", "text"), ("", "text"), ("", "text"),
        ("", "text"), ("done", "text"), (1, "integer"), (STORE_NOW, "text"),
        (STORE_NOW, "text"), ("", "text"),
    ]  # fmt: skip
    # marked done before it started: logged at the store's now, not in the future
    assert store.timeline(pid)[0].at == datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def test_a_rule_that_fails_writes_nothing(store: Store, db_path: Path) -> None:
    pid = store.add_person("Sam Lee")
    other = store.add_person("Dana Ruiz")
    draft_id = store.save_draft(pid, intent="meet", tone="warm", channel="email",
                                subject="Coffee?", body="Hi")  # fmt: skip
    stored = _row(db_path, "draft", draft_id)
    with pytest.raises(InputError, match="is for someone else"):
        store.save_draft(other, intent="meet", tone="warm", channel="email", subject="x",
                         body="y", draft_id=draft_id)  # fmt: skip
    meeting_id = store.plan_meeting(pid, datetime(2026, 11, 25, 17, tzinfo=UTC))
    store.cancel_meeting(meeting_id)
    meeting = _row(db_path, "meeting", meeting_id)
    with pytest.raises(InputError, match="was cancelled"):
        store.mark_done(meeting_id, "notes")
    assert _row(db_path, "draft", draft_id) == stored
    assert _row(db_path, "meeting", meeting_id) == meeting
    assert store.timeline(pid) == []
