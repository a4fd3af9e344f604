"""The chapter's method as rules: stages forward only, the approach, the next step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from netui.enums import STAGE_ORDER, Direction, InteractionKind, Role, Stage
from netui.pipeline import (
    Approach,
    advance_stage,
    approach_for,
    approach_text,
    list_hint,
    next_step,
    settles_follow_up,
)

TODAY = date(2026, 11, 26)


@dataclass
class Entry:
    kind: str
    direction: str
    day: date


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


# ---- stage rules ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "kind", "direction", "expected"),
    [
        (Stage.new, "message", "out", Stage.reconnecting),
        (Stage.new, "email", "out", Stage.reconnecting),
        (Stage.new, "message", "in", Stage.new),
        (Stage.new, "reply", "in", Stage.new),
        (Stage.new, "note", "none", Stage.new),
        (Stage.new, "coffee", "none", Stage.engaged),
        (Stage.reconnecting, "call", "none", Stage.engaged),
        (Stage.reconnecting, "meeting", "none", Stage.engaged),
        (Stage.engaged, "intro", "out", Stage.asked),
        (Stage.engaged, "referral", "out", Stage.asked),
        (Stage.asked, "intro", "in", Stage.introduced),
        (Stage.asked, "intro", "none", Stage.introduced),
        (Stage.asked, "referral", "none", Stage.referred),
        (Stage.new, "intro", "none", Stage.introduced),
    ],
)
def test_logging_moves_the_stage_forward(
    current: Stage, kind: str, direction: str, expected: Stage
) -> None:
    assert advance_stage(current, kind, direction) == expected


@pytest.mark.parametrize("kind", list(InteractionKind))
@pytest.mark.parametrize("direction", list(Direction))
def test_never_backwards_and_paused_stays(kind: InteractionKind, direction: Direction) -> None:
    for stage in STAGE_ORDER:
        after = advance_stage(stage, kind, direction)
        assert STAGE_ORDER.index(after) >= STAGE_ORDER.index(stage)
    assert advance_stage(Stage.paused, kind, direction) == Stage.paused


def test_a_coffee_after_an_ask_keeps_asked() -> None:
    assert advance_stage(Stage.asked, "coffee", "none") == Stage.asked
    assert advance_stage(Stage.interviewing, "intro", "in") == Stage.interviewing


# ---- approach -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "approach"),
    [
        (Role.engineer, Approach.pitch),
        (Role.engineering_manager, Approach.pitch),
        (Role.founder_cto, Approach.pitch),
        (Role.recruiter, Approach.intro),
        (Role.other_tech, Approach.intro),
        (Role.non_tech, Approach.intro),
        (Role.unknown, Approach.find_out),
    ],
)
def test_approach_for_each_role(role: Role, approach: Approach) -> None:
    assert approach_for(role) is approach


def test_approach_text_in_the_chapters_words() -> None:
    assert approach_text("engineer", "Stripe") == "pitch yourself (once you have caught up)"
    assert approach_text("other_tech", "Stripe") == (
        "ask for an introduction to engineers at Stripe"
    )
    assert approach_text("recruiter") == (
        "ask for a referral to the hiring manager of an open engineering role"
    )
    assert approach_text("unknown", "Stripe") == "find out what they do"


def test_list_hint_still_works() -> None:
    assert list_hint("engaged", "other_tech") == "ask for an intro"
    assert list_hint("engaged", "engineer") == "pitch yourself"
    assert list_hint("new", "engineer") == "reconnect"


# ---- next step ----------------------------------------------------------------------


def step(
    stage: str, role: str = "other_tech", timeline: list[Entry] | None = None, **kw: object
) -> str:
    return next_step(stage, role, "Sam", "Stripe", timeline or [], TODAY, **kw)  # type: ignore[arg-type]


def test_engaged_with_a_connector_asks_for_an_intro() -> None:
    assert step("engaged") == "Ask Sam for an intro to an engineer at Stripe"


def test_engaged_with_an_engineer_pitches() -> None:
    assert step("engaged", "engineer") == "Pitch yourself to Sam for an engineering role at Stripe"


def test_engaged_with_unknown_role_finds_out() -> None:
    assert step("engaged", "unknown") == "Find out what Sam does at Stripe"


def test_asked_a_week_ago_without_reply_means_follow_up() -> None:
    asked = [Entry("intro", "out", ago(7)), Entry("coffee", "none", ago(20))]
    assert step("asked", timeline=asked) == "Follow up with Sam"


def test_asked_recently_means_wait() -> None:
    asked = [Entry("intro", "out", ago(2))]
    assert step("asked", timeline=asked) == "Wait for Sam's answer (asked 2d ago)"


def test_asked_and_replied_means_thank_them() -> None:
    timeline = [Entry("reply", "in", ago(1)), Entry("intro", "out", ago(9))]
    assert step("asked", timeline=timeline) == "Thank Sam and agree on the next step"


def test_a_due_follow_up_comes_first() -> None:
    assert step("engaged", follow_up_on=TODAY) == "Follow up with Sam"
    assert step("engaged", follow_up_on=TODAY + timedelta(days=1)).startswith("Ask Sam")


def test_reconnecting_steps() -> None:
    assert step("new").startswith("Reconnect with Sam")
    assert step("reconnecting", timeline=[Entry("message", "out", ago(1))]).startswith(
        "Catch up with Sam"
    )
    assert step("reconnecting", timeline=[Entry("message", "out", ago(6))]) == "Follow up with Sam"
    replied = [Entry("reply", "in", ago(0)), Entry("message", "out", ago(6))]
    assert step("reconnecting", timeline=replied) == ("Reply to Sam and suggest a coffee or a call")


def test_later_stages_and_paused() -> None:
    assert step("introduced").startswith("Thank Sam")
    assert step("referred").startswith("Thank Sam for the referral")
    assert step("interviewing") == "Prepare for the interviews at Stripe and keep Sam posted"
    assert step("paused", follow_up_on=TODAY).startswith("Paused")
    assert step("done").startswith("Done")


@pytest.mark.parametrize(
    ("kind", "direction", "settles"),
    [
        ("reply", "in", True),
        ("message", "in", True),
        ("coffee", "none", True),
        ("call", "out", True),
        ("message", "out", False),
        ("note", "in", False),
        ("intro", "out", False),
    ],
)
def test_what_settles_a_pending_follow_up(kind: str, direction: str, settles: bool) -> None:
    assert settles_follow_up(kind, direction) is settles


def test_non_tech_people_are_asked_who_they_know_not_about_their_own_company() -> None:
    """Mei runs a bakery: an intro 'to engineers at Local Bakery Co.' makes no sense."""
    from netui.pipeline import approach_text, next_step

    assert approach_text("non_tech", "Local Bakery Co.") == (
        "ask who they know at tech companies, then for an introduction"
    )
    sentence = next_step("engaged", "non_tech", "Mei", "Local Bakery Co.", [], date(2026, 11, 26))
    assert sentence == "Ask Mei who they know at tech companies"


def test_a_recruiter_is_asked_for_a_referral_not_an_introduction_to_engineers() -> None:
    """The chapter: people at tech companies connect you to an engineer or a hiring manager;
    a recruiter's own work is that connection for an open role, so ask them for a referral."""
    from netui.pipeline import approach_text, list_hint, next_step

    text = approach_text("recruiter", "Stripe")
    assert text == "ask for a referral to the hiring manager of an open engineering role at Stripe"
    assert "introduction to engineers" not in text
    sentence = next_step("engaged", "recruiter", "Sam", "Stripe", [], date(2026, 11, 26))
    assert sentence == "Ask Sam for a referral to the hiring manager of an open role at Stripe"
    assert list_hint("engaged", "recruiter") == "ask for a referral"
    assert approach_text("other_tech", "Stripe") == "ask for an introduction to engineers at Stripe"
