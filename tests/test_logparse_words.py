"""The one-line logger takes the words a user types for what happened: past tenses,
nouns and short phrases ('lunched', 'had lunch', 'grabbed a coffee', 'DM'd')."""

from __future__ import annotations

from datetime import date

import pytest

from netui.enums import Direction, InteractionKind
from netui.logparse import parse_log_line

TODAY = date(2026, 11, 26)
K = InteractionKind

TYPED = [
    # meals and meetings
    ("lunched yesterday: talked about their on-call", K.meeting, Direction.none),
    ("had lunch yesterday: talked about their on-call", K.meeting, Direction.none),
    ("had a lunch yesterday: talked about their on-call", K.meeting, Direction.none),
    ("went for lunch yesterday: talked about their on-call", K.meeting, Direction.none),
    ("dined yesterday: talked about their on-call", K.meeting, Direction.none),
    ("had dinner yesterday: talked about their on-call", K.meeting, Direction.none),
    ("had drinks yesterday: talked about their on-call", K.meeting, Direction.none),
    ("brunch yesterday: talked about their on-call", K.meeting, Direction.none),
    ("met yesterday: talked about their on-call", K.meeting, Direction.none),
    ("met up yesterday: talked about their on-call", K.meeting, Direction.none),
    ("had a meeting yesterday: talked about their on-call", K.meeting, Direction.none),
    # coffee
    ("grabbed coffee yesterday: talked about their on-call", K.coffee, Direction.none),
    ("grabbed a coffee yesterday: talked about their on-call", K.coffee, Direction.none),
    ("had coffee yesterday: talked about their on-call", K.coffee, Direction.none),
    ("got coffee yesterday: talked about their on-call", K.coffee, Direction.none),
    ("went for a coffee yesterday: talked about their on-call", K.coffee, Direction.none),
    ("coffeed yesterday: talked about their on-call", K.coffee, Direction.none),
    # calls
    ("called yesterday: talked about their on-call", K.call, Direction.none),
    ("rang yesterday: talked about their on-call", K.call, Direction.none),
    ("had a call yesterday: talked about their on-call", K.call, Direction.none),
    ("hopped on a call yesterday: talked about their on-call", K.call, Direction.none),
    ("facetimed yesterday: talked about their on-call", K.call, Direction.none),
    ("zoomed yesterday: talked about their on-call", K.call, Direction.none),
    ("video call yesterday: talked about their on-call", K.call, Direction.none),
    ("phone call yesterday: talked about their on-call", K.call, Direction.none),
    # messages
    ("texted yesterday: talked about their on-call", K.message, Direction.out),
    ("DM'd yesterday: talked about their on-call", K.message, Direction.out),
    ("DM’d yesterday: talked about their on-call", K.message, Direction.out),
    ("dmd yesterday: talked about their on-call", K.message, Direction.out),
    ("pinged yesterday: talked about their on-call", K.message, Direction.out),
    ("whatsapped yesterday: talked about their on-call", K.message, Direction.out),
    ("sent a message yesterday: talked about their on-call", K.message, Direction.out),
    ("got a text yesterday: talked about their on-call", K.message, Direction.in_),
    # email
    ("emailed yesterday: talked about their on-call", K.email, Direction.out),
    ("sent an email yesterday: talked about their on-call", K.email, Direction.out),
    ("got an email yesterday: talked about their on-call", K.email, Direction.in_),
    # replies, intros
    ("heard back yesterday: talked about their on-call", K.reply, Direction.in_),
    ("got a reply yesterday: talked about their on-call", K.reply, Direction.in_),
    ("intro'd yesterday: talked about their on-call", K.intro, Direction.none),
]


@pytest.mark.parametrize(("line", "kind", "direction"), TYPED, ids=[t[0] for t in TYPED])
def test_what_a_user_types_is_understood(
    line: str, kind: InteractionKind, direction: Direction
) -> None:
    entry = parse_log_line(line, TODAY)
    assert (entry.kind, entry.direction) == (kind, direction)
    assert entry.day == date(2026, 11, 25)
    assert entry.summary == "talked about their on-call"


def test_without_a_colon_the_phrase_is_not_the_summary() -> None:
    entry = parse_log_line("had lunch yesterday with Sam near their office", TODAY)
    assert entry.kind is K.meeting
    assert entry.summary == "with Sam near their office"
    entry = parse_log_line("grabbed a coffee with Sam", TODAY)
    assert (entry.kind, entry.summary) == (K.coffee, "with Sam")


def test_a_lead_verb_alone_is_still_refused_by_name() -> None:
    from netui.errors import InputError

    with pytest.raises(InputError, match="'had' is not something that happened"):
        parse_log_line("had fun yesterday", TODAY)


@pytest.mark.parametrize(
    ("line", "kind", "day"),
    [
        ("lunched yesterday, talked about their on-call", K.meeting, date(2026, 11, 25)),
        ("coffee yesterday; talked about their on-call", K.coffee, date(2026, 11, 25)),
        ("call tue - talked about their on-call", K.call, date(2026, 11, 24)),
        ("coffee, talked about their on-call", K.coffee, TODAY),
    ],
)
def test_a_comma_or_a_dash_after_the_opening_words_is_not_the_summary(
    line: str, kind: InteractionKind, day: date
) -> None:
    # typed as people write: the date is not lost in the summary ('yesterday, talked…'
    # logged for today) and the summary does not start with the separator
    entry = parse_log_line(line, TODAY)
    assert (entry.kind, entry.day, entry.summary) == (kind, day, "talked about their on-call")


@pytest.mark.parametrize(
    ("line", "direction", "summary"),
    [
        ("message sent him my resume", Direction.out, "sent him my resume"),
        ("message from dana about the role", Direction.in_, "from dana about the role"),
        ("email received the offer details", Direction.in_, "received the offer details"),
        ("email sent yesterday", Direction.out, ""),
        ("message sent, thanked her", Direction.out, "thanked her"),
    ],
)
def test_a_direction_verb_that_starts_the_story_stays_in_the_summary(
    line: str, direction: Direction, summary: str
) -> None:
    entry = parse_log_line(line, TODAY)
    assert (entry.direction, entry.summary) == (direction, summary)
