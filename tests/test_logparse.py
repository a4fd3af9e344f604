"""The one-line log parser: kind, direction, date words relative to a fixed today, summary."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from netui.enums import Direction, InteractionKind
from netui.errors import InputError
from netui.logparse import at_for, parse_future_day, parse_log_line

TODAY = date(2026, 11, 26)  # a Thursday


def test_the_example_from_the_issue() -> None:
    entry = parse_log_line("coffee yesterday: talked about their team's on-call", TODAY)
    assert entry.kind is InteractionKind.coffee
    assert entry.direction is Direction.none
    assert entry.day == date(2026, 11, 25)
    assert entry.summary == "talked about their team's on-call"


@pytest.mark.parametrize(
    ("word", "day"),
    [
        ("today", TODAY),
        ("yesterday", date(2026, 11, 25)),
        ("mon", date(2026, 11, 23)),
        ("Monday", date(2026, 11, 23)),
        ("wed", date(2026, 11, 25)),
        ("thu", date(2026, 11, 19)),  # same weekday means last week's
        ("fri", date(2026, 11, 20)),
        ("2026-11-20", date(2026, 11, 20)),
        ("3d", date(2026, 11, 23)),
        ("2w", date(2026, 11, 12)),
    ],
)
def test_date_words(word: str, day: date) -> None:
    assert parse_log_line(f"call {word}: x", TODAY).day == day


def test_no_date_means_today_and_no_colon_still_works() -> None:
    entry = parse_log_line("coffee talked about on-call", TODAY)
    assert (entry.day, entry.summary) == (TODAY, "talked about on-call")
    entry = parse_log_line("call 3d ago about offers", TODAY)
    assert (entry.day, entry.summary) == (date(2026, 11, 23), "about offers")
    entry = parse_log_line("text last fri hi there", TODAY)
    assert (entry.kind, entry.day, entry.summary) == (
        InteractionKind.message, date(2026, 11, 20), "hi there"
    )  # fmt: skip


def test_without_a_colon_ordinary_words_stay_in_the_summary() -> None:
    entry = parse_log_line("coffee in Berlin with Sam", TODAY)
    assert entry.direction is Direction.none
    assert entry.summary == "in Berlin with Sam"


def test_directions_default_and_explicit() -> None:
    assert parse_log_line("message: hi", TODAY).direction is Direction.out
    assert parse_log_line("email from: offer", TODAY).direction is Direction.in_
    assert parse_log_line("reply: sure!", TODAY).direction is Direction.in_
    assert parse_log_line("message in yesterday: hey", TODAY).direction is Direction.in_


def test_asks_are_outgoing_intros_or_referrals() -> None:
    ask = parse_log_line("asked for an intro mon: to an engineer on payments", TODAY)
    assert (ask.kind, ask.direction, ask.day) == (
        InteractionKind.intro, Direction.out, date(2026, 11, 23)
    )  # fmt: skip
    assert ask.summary == "to an engineer on payments"
    ref = parse_log_line("ask for a referral: backend role", TODAY)
    assert (ref.kind, ref.direction) == (InteractionKind.referral, Direction.out)


def test_synonyms() -> None:
    assert parse_log_line("texted: hi", TODAY).kind is InteractionKind.message
    assert parse_log_line("lunch: tacos", TODAY).kind is InteractionKind.meeting
    assert parse_log_line("Zoom: 30 min", TODAY).kind is InteractionKind.call
    assert parse_log_line("intro: to Priya", TODAY).kind is InteractionKind.intro
    assert parse_log_line("note: likes climbing", TODAY).kind is InteractionKind.note


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("", "Start the line with what happened"),
        ("hung out yesterday", "'hung' is not something that happened"),
        ("coffee with Sam: x", "'with' before the colon is not a date"),
        ("call 2026-13-01: x", "'2026-13-01' is not a date"),
        ("call 2026-12-01: x", "2026-12-01 is in the future"),
    ],
)
def test_bad_lines_get_one_clear_sentence(line: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_log_line(line, TODAY)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("today", TODAY),
        ("tomorrow", date(2026, 11, 27)),
        ("fri", date(2026, 11, 27)),
        ("thu", date(2026, 12, 3)),
        ("3d", date(2026, 11, 29)),
        ("in 3 days", date(2026, 11, 29)),
        ("2w", date(2026, 12, 10)),
        ("next week", date(2026, 12, 3)),
        ("2026-12-24", date(2026, 12, 24)),
    ],
)
def test_follow_up_dates(text: str, day: date) -> None:
    assert parse_future_day(text, TODAY) == day


def test_follow_up_date_error() -> None:
    with pytest.raises(InputError, match="'someday' is not a date"):
        parse_future_day("someday", TODAY)


def test_at_for_today_is_now_and_past_days_are_that_local_day() -> None:
    now = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
    assert at_for(TODAY, TODAY, now) == now
    at = at_for(date(2026, 11, 20), TODAY, now)
    assert at.tzinfo is not None
    assert at.astimezone().date() == date(2026, 11, 20)
