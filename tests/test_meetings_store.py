"""Meetings in the store: plan, checklist edits, reschedule, cancel, done, follow-up owed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from netui.enums import MeetingStatus, Phase
from netui.errors import InputError, NotFoundError
from netui.paths import config_dir
from netui.store import PeopleQuery, Store

AT = datetime(2026, 11, 28, 17, 0, tzinfo=UTC)


@pytest.fixture
def sam(store: Store) -> int:
    return store.add_person("Sam Rivera", company="Stripe", role="other_tech", city="Oakland")


def _texts(store: Store, meeting_id: int, phase: Phase | None = None) -> list[str]:
    return [i.text for i in store.checklist(meeting_id) if phase is None or i.phase == phase]


def test_plan_a_meeting_with_the_default_checklist(store: Store, sam: int) -> None:
    meeting_id = store.plan_meeting(
        sam, AT, place=" Blue Bottle ", address="Mint Plaza", ask="An intro to Payments"
    )
    meeting = store.get_meeting(meeting_id)
    assert meeting.person_name == "Sam Rivera"
    assert meeting.company == "Stripe"
    assert meeting.starts_at == AT
    assert meeting.place == "Blue Bottle"
    assert meeting.status == MeetingStatus.planned
    assert meeting.progress == "2/14"  # a place picked and the request written: done
    done = [i.text for i in store.checklist(meeting_id) if i.done]
    assert done == ["Pick a place close to them, ideally a cafe", "Prepare one clear request"]
    items = store.checklist(meeting_id)
    assert [i.phase for i in items[:6]] == [Phase.before] * 6
    assert items[-1].text == "Log notes and the next step"
    assert [i.position for i in items] == list(range(14))


def test_plan_uses_the_users_checklist(store: Store, sam: int) -> None:
    (config_dir() / "checklist.toml").write_text('before = ["Book a table"]\n', encoding="utf-8")
    meeting_id = store.plan_meeting(sam, AT)
    assert _texts(store, meeting_id, Phase.before) == ["Book a table"]
    assert store.get_meeting(meeting_id).total_items == 9


def test_a_bad_user_checklist_plans_nothing(store: Store, sam: int) -> None:
    (config_dir() / "checklist.toml").write_text("before = [", encoding="utf-8")
    with pytest.raises(InputError, match=r"checklist\.toml: not valid TOML"):
        store.plan_meeting(sam, AT)
    assert store.meetings_for(sam) == []


def test_plan_for_nobody_or_with_a_naive_time_is_refused(store: Store, sam: int) -> None:
    with pytest.raises(NotFoundError, match="no person #999"):
        store.plan_meeting(999, AT)
    with pytest.raises(ValueError, match="naive"):
        store.plan_meeting(sam, datetime(2026, 11, 28, 17, 0))
    with pytest.raises(InputError, match="place is at most 200"):
        store.plan_meeting(sam, AT, place="x" * 201)
    with store.db.read() as conn:
        assert conn.execute("SELECT count(*) FROM checklist_item").fetchone()[0] == 0


def test_toggle_persists_and_counts(store: Store, sam: int) -> None:
    meeting_id = store.plan_meeting(sam, AT)
    first, second = store.checklist(meeting_id)[:2]
    assert store.toggle_item(first.id) is True
    assert store.toggle_item(second.id) is True
    assert store.toggle_item(second.id) is False
    assert store.get_meeting(meeting_id).progress == "1/14"
    assert store.checklist(meeting_id)[0].done


def test_add_remove_and_move_items(store: Store, sam: int) -> None:
    meeting_id = store.plan_meeting(
        sam, AT, checklist=[(Phase.before, "A"), (Phase.before, "B"), (Phase.during, "C")]
    )
    added = store.add_checklist_item(meeting_id, "before", "  Bring   the resume ")
    assert _texts(store, meeting_id) == ["A", "B", "Bring the resume", "C"]
    store.add_checklist_item(meeting_id, Phase.after, "Thank them")
    assert _texts(store, meeting_id) == ["A", "B", "Bring the resume", "C", "Thank them"]

    store.move_checklist_item(added, -1)
    assert _texts(store, meeting_id, Phase.before) == ["A", "Bring the resume", "B"]
    b = next(i for i in store.checklist(meeting_id) if i.text == "B")
    store.move_checklist_item(b.id, +1)  # past the end of "before": first of "during"
    assert _texts(store, meeting_id, Phase.during) == ["B", "C"]
    a = store.checklist(meeting_id)[0]
    store.move_checklist_item(a.id, -1)  # already first: stays
    assert _texts(store, meeting_id)[0] == "A"

    removed = store.remove_checklist_item(added)
    assert removed.text == "Bring the resume"
    assert _texts(store, meeting_id) == ["A", "B", "C", "Thank them"]
    with pytest.raises(InputError, match="needs some text"):
        store.add_checklist_item(meeting_id, "before", "   ")
    with pytest.raises(InputError, match="'lunch' is not a phase"):
        store.add_checklist_item(meeting_id, "lunch", "x")


def test_default_items_can_be_added_to_a_bare_meeting(store: Store, sam: int) -> None:
    meeting_id = store.plan_meeting(sam, AT, checklist=[(Phase.after, "Mine")])
    assert store.add_default_checklist(meeting_id) == 14
    texts = _texts(store, meeting_id)
    assert texts[0] == "Pick a place close to them, ideally a cafe"
    assert texts.index("Mine") > texts.index("End with a clear request")


def test_reschedule_and_cancel(store: Store, sam: int) -> None:
    meeting_id = store.plan_meeting(sam, AT, place="Blue Bottle")
    store.cancel_meeting(meeting_id)
    assert store.get_meeting(meeting_id).status == MeetingStatus.cancelled
    assert store.upcoming_meetings() == []
    later = AT + timedelta(days=2)
    store.reschedule_meeting(meeting_id, later, place="Sightglass", ask="Resume feedback")
    meeting = store.get_meeting(meeting_id)
    assert (meeting.status, meeting.starts_at, meeting.place) == ("planned", later, "Sightglass")
    assert meeting.ask == "Resume feedback"


def test_upcoming_soonest_first_from_the_start_of_today(store: Store, sam: int) -> None:
    priya = store.add_person("Priya Patel", company="Google", role="engineer")
    later = store.plan_meeting(sam, AT + timedelta(days=3))
    soon = store.plan_meeting(priya, AT)
    this_morning = store.plan_meeting(priya, datetime(2026, 11, 26, 12, 0, tzinfo=UTC))
    store.plan_meeting(priya, datetime(2026, 11, 20, 12, 0, tzinfo=UTC))  # last week
    assert [m.id for m in store.upcoming_meetings()] == [this_morning, soon, later]
    store.archive_person(priya)
    assert [m.id for m in store.upcoming_meetings()] == [later]


def test_mark_done_logs_it_moves_the_stage_and_owes_a_follow_up(store: Store, sam: int) -> None:
    meeting_id = store.plan_meeting(
        sam, datetime(2026, 11, 25, 17, 0, tzinfo=UTC), place="Blue Bottle Coffee"
    )
    assert store.mark_done(meeting_id, "Talked on-call;\nknows 2 Payments engineers") == sam
    meeting = store.get_meeting(meeting_id)
    assert meeting.status == MeetingStatus.done
    assert meeting.follow_up_owed
    entry = store.timeline(sam)[0]
    assert (entry.kind, entry.direction) == ("coffee", "out")
    assert entry.summary == "Talked on-call; knows 2 Payments engineers"
    assert entry.at == datetime(2026, 11, 25, 17, 0, tzinfo=UTC)  # when it happened
    person = store.get_person(sam)
    assert person.stage == "engaged"
    row = store.people_page(PeopleQuery(), 0, 10)[0]
    assert row.follow_up_owed
    assert [m.id for m in store.meetings_to_wrap_up()] == [meeting_id]

    with pytest.raises(InputError, match="already marked done"):
        store.mark_done(meeting_id, "again")
    with pytest.raises(InputError, match="is done; plan a new one"):
        store.reschedule_meeting(meeting_id, AT)
    assert len(store.timeline(sam)) == 1

    store.settle_follow_up(sam)
    assert not store.people_page(PeopleQuery(), 0, 10)[0].follow_up_owed
    assert store.meetings_to_wrap_up() == []


def test_mark_done_without_notes_still_says_what_happened(store: Store, sam: int) -> None:
    meeting_id = store.plan_meeting(sam, AT, place="Stripe HQ")
    store.mark_done(meeting_id)
    entry = store.timeline(sam)[0]
    assert (entry.kind, entry.summary) == ("meeting", "Meeting at Stripe HQ")
    assert entry.at == store.now()  # marked done before its time: logged now


def test_a_cancelled_meeting_cannot_be_marked_done(store: Store, sam: int) -> None:
    meeting_id = store.plan_meeting(sam, AT)
    store.cancel_meeting(meeting_id)
    with pytest.raises(InputError, match="was cancelled; reschedule it first"):
        store.mark_done(meeting_id, "x")
    assert store.timeline(sam) == []
    assert not store.get_meeting(meeting_id).follow_up_owed


def test_brief_reads_the_person_and_the_last_five(store: Store, sam: int) -> None:
    for day in range(7):
        store.log_interaction(
            sam, "message", direction="out", at=AT - timedelta(days=10 - day), summary=f"m{day}"
        )
    meeting_id = store.plan_meeting(sam, AT, ask="An intro")
    brief = store.meeting_brief(meeting_id)
    assert brief.name == "Sam Rivera"
    assert brief.ask == "An intro"
    assert len(brief.last) == 5
    assert brief.last[0].endswith("m6")
    assert brief.progress == "1/14"  # the request is written
    with pytest.raises(NotFoundError, match="no meeting #42"):
        store.meeting_brief(42)


def test_meetings_for_a_person_latest_first(store: Store, sam: int) -> None:
    first = store.plan_meeting(sam, AT)
    second = store.plan_meeting(sam, AT + timedelta(days=7))
    assert [m.id for m in store.meetings_for(sam)] == [second, first]
