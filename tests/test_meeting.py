"""Pure meeting logic: the default checklist, typed times, the brief."""

from __future__ import annotations

import time as time_module
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from netui.enums import MeetingStatus, Phase
from netui.errors import InputError
from netui.meeting import (
    ChecklistRow,
    InteractionFacts,
    MeetingRow,
    PersonFacts,
    brief_lines,
    build_brief,
    interaction_kind_for,
    load_default_checklist,
    local_to_utc,
    local_zone,
    parse_meeting_date,
    parse_meeting_time,
)
from netui.paths import config_dir

TODAY = date(2026, 11, 26)  # a Thursday


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/New_York")
    time_module.tzset()
    yield
    monkeypatch.undo()
    time_module.tzset()


def test_default_checklist_comes_from_the_chapter() -> None:
    items = load_default_checklist()
    texts = [text for _, text in items]
    assert len(items) == 14
    assert [p for p, _ in items] == sorted((p for p, _ in items), key=list(Phase).index)
    assert texts[0] == "Pick a place close to them, ideally a cafe"
    assert "Get there 5 minutes early" in texts
    assert "A minute before, ask what they would like so you can buy it" in texts
    assert (Phase.during, "End with a clear request") in items
    assert (Phase.after, "Send the follow-up email right away") in items


def test_user_checklist_replaces_only_the_phases_it_names() -> None:
    (config_dir() / "checklist.toml").write_text(
        'before = ["Book the cafe", "Reread their posts"]\nafter = []\n', encoding="utf-8"
    )
    items = load_default_checklist()
    assert [t for p, t in items if p == Phase.before] == ["Book the cafe", "Reread their posts"]
    assert not [t for p, t in items if p == Phase.after]
    assert (Phase.during, "Show genuine gratitude") in items  # kept from the shipped list


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("before = [", "not valid TOML"),
        ('lunch = ["x"]', "'lunch' is not a phase"),
        ("before = 3", "must be a list of text items"),
        (f'during = ["{"x" * 201}"]', "over 200 characters"),
    ],
)
def test_a_bad_user_checklist_is_one_sentence_naming_the_file(
    tmp_path: Path, content: str, message: str
) -> None:
    (tmp_path / "checklist.toml").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        load_default_checklist(tmp_path)
    assert str(tmp_path / "checklist.toml") in str(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", date(2026, 11, 26)),
        ("tomorrow", date(2026, 11, 27)),
        ("fri", date(2026, 11, 27)),
        ("Thursday", date(2026, 12, 3)),  # today is a Thursday: the next one
        ("mon", date(2026, 11, 30)),
        (" 2026-12-01 ", date(2026, 12, 1)),
    ],
)
def test_meeting_dates(text: str, expected: date) -> None:
    assert parse_meeting_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:00", time(10, 0)),
        ("9:30", time(9, 30)),
        ("15h30", time(15, 30)),
        ("10am", time(10, 0)),
        ("3:30 pm", time(15, 30)),
        ("12pm", time(12, 0)),
        ("12am", time(0, 0)),
        ("noon", time(12, 0)),
    ],
)
def test_meeting_times(text: str, expected: time) -> None:
    assert parse_meeting_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "10:75", "13pm", "soon", ""])
def test_bad_times_say_what_to_type(text: str) -> None:
    with pytest.raises(InputError, match="is not a time: use 10:00"):
        parse_meeting_time(text)


def test_bad_dates_say_what_to_type() -> None:
    with pytest.raises(InputError, match="'next week' is not a date"):
        parse_meeting_date("next week", TODAY)


def test_local_wall_time_is_stored_as_utc(new_york: None) -> None:
    assert local_to_utc(date(2026, 12, 1), time(9, 30)) == datetime(2026, 12, 1, 14, 30, tzinfo=UTC)
    assert local_to_utc(date(2026, 7, 1), time(9, 30)) == datetime(2026, 7, 1, 13, 30, tzinfo=UTC)
    assert str(local_zone()) == "America/New_York"


def test_a_cafe_is_logged_as_coffee() -> None:
    assert interaction_kind_for("Blue Bottle Coffee") == "coffee"
    assert interaction_kind_for("Café Réveille") == "coffee"
    assert interaction_kind_for("Devoción") == "coffee"  # most cafes don't say so
    assert interaction_kind_for("Stripe HQ") == "meeting"
    assert interaction_kind_for("Lunch at Nopa") == "meeting"
    assert interaction_kind_for("") == "meeting"


def _person(**changes: str) -> PersonFacts:
    values = dict(
        full_name="Sam Rivera", first_name="Sam", company="Stripe", title="Account Executive",
        role="other_tech", closeness="friend", how_we_know="college",
        how_we_know_text="roommate sophomore year", city="San Francisco",
        notes="Loves climbing.", stage="engaged", next_step="",
    )  # fmt: skip
    values.update(changes)
    return PersonFacts(**values)


def _meeting(**changes: object) -> MeetingRow:
    values: dict[str, object] = dict(
        id=1, person_id=1, person_name="Sam Rivera", company="Stripe", city="San Francisco",
        starts_at=datetime(2026, 11, 28, 17, 0, tzinfo=UTC), place="Blue Bottle Coffee",
        address="Mint Plaza", ask="An intro to an engineer on Payments", notes="",
        status=MeetingStatus.planned, follow_up_owed=False, done_items=1, total_items=3,
    )  # fmt: skip
    values.update(changes)
    return MeetingRow(**values)  # type: ignore[arg-type]


CHECKLIST = [
    ChecklistRow(1, 1, Phase.before, "Confirm the day before", True, 0),
    ChecklistRow(2, 1, Phase.before, "Prepare one clear request", False, 1),
    ChecklistRow(3, 1, Phase.after, "Send the follow-up email right away", False, 2),
]


def test_brief_from_a_fixture_person(new_york: None) -> None:
    history = [
        InteractionFacts("coffee", "out", datetime(2026, 11, 17, 18, tzinfo=UTC), "On-call talk"),
        InteractionFacts("reply", "in", datetime(2026, 11, 7, 18, tzinfo=UTC), "Happy to meet"),
    ] + [
        InteractionFacts("note", "none", datetime(2026, 10, d, tzinfo=UTC), "")
        for d in (1, 2, 3, 4)
    ]
    brief = build_brief(_person(), _meeting(), history, CHECKLIST, TODAY)
    assert brief.name == "Sam Rivera"
    assert brief.headline == "Account Executive @ Stripe · San Francisco"
    assert brief.approach == "other (tech): ask for an introduction to engineers at Stripe"
    assert brief.how_we_know == "roommate sophomore year · friend"
    assert brief.when == "Sat 28 Nov 12:00 (in 2d)"  # 17:00 UTC shown in New York time
    assert brief.where == "Blue Bottle Coffee, Mint Plaza"
    assert brief.ask == "An intro to an engineer on Payments"
    assert brief.progress == "1/3"
    assert brief.still_to_do == ["Prepare one clear request"]
    assert len(brief.last) == 5
    assert brief.last[0] == "9d ago: → coffee — On-call talk"
    assert brief.last[1] == "19d ago: ← reply — Happy to meet"
    text = "\n".join(brief_lines(brief))
    assert "Ask       An intro to an engineer on Payments" in text
    assert "Checklist 1/3 — still to do: Prepare one clear request" in text


def test_brief_for_an_engineer_with_nothing_planned_says_what_is_missing(new_york: None) -> None:
    person = _person(role="engineer", company="", title="", city="", notes="", how_we_know_text="")
    brief = build_brief(person, _meeting(place="", address="", ask=""), [], [], TODAY)
    assert brief.approach == "engineer: pitch yourself (once you have caught up)"
    assert brief.headline == "(no title or company yet)"
    assert brief.where == "(no place yet: pick a cafe close to them)"
    assert brief.ask == "(no request planned: prepare one clear request)"
    assert brief.how_we_know == "from college · friend"
    assert "Last together: nothing logged yet" in brief_lines(brief)
