"""The timeline on a real temp database: logging moves stages, schedules follow-ups, undo."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from netui.enums import Stage
from netui.errors import InputError, NotFoundError
from netui.store import Store

TODAY = date(2026, 11, 26)


def test_outgoing_message_moves_to_reconnecting_and_schedules_follow_up(store: Store) -> None:
    pid = store.add_person("Sam Lee", company="Stripe", title="Product Manager")
    iid = store.log_interaction(pid, "message", direction="out", summary="  hey Sam  ")
    person = store.get_person(pid)
    assert person.stage == Stage.reconnecting
    assert person.follow_up_on == date(2026, 12, 1)  # today + 5
    assert person.last_contact == datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
    [row] = store.timeline(pid)
    assert (row.id, row.kind, row.direction, row.summary) == (iid, "message", "out", "hey Sam")


def test_follow_up_days_come_from_the_store_setting(store: Store) -> None:
    store.follow_up_days = 3
    pid = store.add_person("Sam Lee")
    store.log_interaction(pid, "email", direction="out")
    assert store.get_person(pid).follow_up_on == date(2026, 11, 29)


def test_coffee_engages_and_stage_never_goes_backwards(store: Store) -> None:
    pid = store.add_person("Sam Lee")
    store.log_interaction(pid, "coffee", summary="on-call talk")
    assert store.get_person(pid).stage == Stage.engaged
    store.log_interaction(pid, "message", direction="out")
    assert store.get_person(pid).stage == Stage.engaged
    store.log_interaction(pid, "intro", direction="out", summary="asked for an intro")
    assert store.get_person(pid).stage == Stage.asked
    store.log_interaction(pid, "intro", direction="in", summary="intro to Priya")
    assert store.get_person(pid).stage == Stage.introduced


def test_paused_stays_paused_until_the_user_sets_a_stage(store: Store) -> None:
    pid = store.add_person("Sam Lee")
    assert store.set_stage(pid, "paused") == Stage.new
    store.log_interaction(pid, "coffee")
    assert store.get_person(pid).stage == Stage.paused
    assert store.set_stage(pid, Stage.reconnecting) == Stage.paused
    assert store.get_person(pid).stage == Stage.reconnecting


def test_user_can_set_a_stage_backwards(store: Store) -> None:
    pid = store.add_person("Sam Lee")
    store.log_interaction(pid, "coffee")
    store.set_stage(pid, "new")
    assert store.get_person(pid).stage == Stage.new


def test_note_does_not_count_as_contact(store: Store) -> None:
    pid = store.add_person("Sam Lee")
    store.log_interaction(pid, "note", summary="likes climbing")
    person = store.get_person(pid)
    assert person.last_contact is None
    assert person.stage == Stage.new


def test_timeline_is_newest_first(store: Store) -> None:
    pid = store.add_person("Sam Lee")
    store.log_interaction(pid, "call", at=datetime(2026, 10, 1, 12, tzinfo=UTC), summary="a")
    store.log_interaction(pid, "email", at=datetime(2026, 11, 20, 12, tzinfo=UTC), summary="b")
    store.log_interaction(pid, "note", at=datetime(2026, 9, 3, 12, tzinfo=UTC), summary="c")
    assert [r.summary for r in store.timeline(pid)] == ["b", "a", "c"]
    assert store.timeline(pid, limit=1)[0].summary == "b"


def test_an_old_outgoing_message_is_followed_up_no_earlier_than_today(store: Store) -> None:
    pid = store.add_person("Sam Lee")
    store.log_interaction(pid, "message", direction="out", at=datetime(2026, 11, 1, 12, tzinfo=UTC))
    assert store.get_person(pid).follow_up_on == TODAY


def test_delete_and_restore_bring_back_entry_and_last_contact(store: Store) -> None:
    pid = store.add_person("Sam Lee")
    store.log_interaction(pid, "call", at=datetime(2026, 10, 1, 12, tzinfo=UTC), summary="old")
    newest = store.log_interaction(pid, "coffee", summary="new")
    deleted = store.delete_interaction(newest)
    assert [r.summary for r in store.timeline(pid)] == ["old"]
    assert store.get_person(pid).last_contact == datetime(2026, 10, 1, 12, tzinfo=UTC)
    store.restore_interaction(deleted)
    assert [r.summary for r in store.timeline(pid)] == ["new", "old"]
    assert store.timeline(pid)[0] == deleted
    assert store.get_person(pid).last_contact == NOW_UTC


NOW_UTC = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def test_update_returns_the_previous_state_for_undo(store: Store) -> None:
    pid = store.add_person("Sam Lee")
    iid = store.log_interaction(pid, "message", direction="out", summary="hi")
    before = store.update_interaction(iid, kind="coffee", summary="coffee at Blue Bottle")
    assert before.summary == "hi"
    assert store.get_interaction(iid).kind == "coffee"
    assert store.get_person(pid).stage == Stage.engaged  # an edit can move it forward
    store.restore_interaction(before)
    assert store.get_interaction(iid).summary == "hi"


def test_follow_up_set_clear_and_previous_value(store: Store) -> None:
    pid = store.add_person("Sam Lee")
    assert store.set_follow_up(pid, date(2026, 12, 3)) is None
    assert store.set_follow_up(pid, None) == date(2026, 12, 3)
    assert store.get_person(pid).follow_up_on is None


def test_bad_input_is_refused_and_changes_nothing(store: Store) -> None:
    pid = store.add_person("Sam Lee")
    with pytest.raises(InputError, match="not a kind of interaction"):
        store.log_interaction(pid, "telegram")
    with pytest.raises(InputError, match="Direction"):
        store.log_interaction(pid, "message", direction="sideways")
    with pytest.raises(InputError, match="Stage"):
        store.set_stage(pid, "married")
    with pytest.raises(NotFoundError):
        store.log_interaction(9999, "call")
    assert store.timeline(pid) == []
    assert store.get_person(pid).stage == Stage.new


def test_log_inside_a_callers_transaction_rolls_back_with_it(store: Store) -> None:
    pid = store.add_person("Sam Lee")
    with pytest.raises(RuntimeError), store._write() as conn:
        store._log_interaction(conn, pid, "email", direction="out", summary="sent")
        raise RuntimeError("the caller failed after logging")
    assert store.timeline(pid) == []
    assert store.get_person(pid).follow_up_on is None


def test_a_reply_or_a_coffee_settles_a_pending_follow_up(store: Store) -> None:
    pid = store.add_person("Sam Lee")
    store.log_interaction(pid, "message", direction="out")
    assert store.get_person(pid).follow_up_on == date(2026, 12, 1)
    store.log_interaction(pid, "reply", direction="in", summary="sure, coffee next week?")
    assert store.get_person(pid).follow_up_on is None
    store.log_interaction(pid, "email", direction="out")
    store.log_interaction(pid, "coffee")
    assert store.get_person(pid).follow_up_on is None


def test_a_far_off_follow_up_the_user_chose_stays(store: Store) -> None:
    pid = store.add_person("Sam Lee")
    store.set_follow_up(pid, date(2027, 1, 15))
    store.log_interaction(pid, "call")
    store.log_interaction(pid, "note", summary="not a reply")
    assert store.get_person(pid).follow_up_on == date(2027, 1, 15)


def test_backfilled_history_leaves_no_stale_follow_up(store: Store) -> None:
    pid = store.add_person("Sam Lee")
    store.log_interaction(pid, "message", direction="out", at=datetime(2026, 10, 28, tzinfo=UTC))
    assert store.get_person(pid).follow_up_on == TODAY
    store.log_interaction(pid, "coffee", at=datetime(2026, 11, 20, tzinfo=UTC))
    assert store.get_person(pid).follow_up_on is None


def test_an_old_reply_does_not_settle_a_newer_message(store: Store) -> None:
    pid = store.add_person("Sam Lee")
    store.log_interaction(pid, "message", direction="out")
    store.log_interaction(pid, "reply", direction="in", at=datetime(2026, 9, 1, tzinfo=UTC))
    assert store.get_person(pid).follow_up_on == date(2026, 12, 1)
