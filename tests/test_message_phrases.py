"""Messages that read right: phrases about the past fit the time elapsed, notes about a
person are never quoted to them, a follow-up names what the meeting agreed, engage first."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from netui.compose import Channel, Intent, Tone, render
from netui.message_lint import LintCode, lint
from netui.message_phrases import how_we_know_phrase, long_ago_phrase, talk_phrase
from netui.paths import assets_dir
from netui.recipient import Sender, placeholder_values
from netui.store import Store
from netui.templates import TEMPLATE_DIR, load_templates
from tests.conftest import NOW, TODAY

TEMPLATES = load_templates(assets_dir() / TEMPLATE_DIR)
ALEX = Sender("Alex Morgan", "backend engineer", "I build reliable APIs in Python and Go.")


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.mark.parametrize(
    ("kind", "direction", "days", "expected"),
    [
        ("coffee", "out", 1, "our coffee yesterday"),
        ("call", "none", 0, "our call today"),
        ("meeting", "out", 9, "our chat on Nov 17"),
        ("intro", "in", 3, "the intro on Monday"),
        ("referral", "in", 20, "the referral on Nov 6"),
        ("reply", "in", 0, ""),  # a one-line reply is not thanked as if it were a favour
        ("message", "in", 1, ""),
        ("email", "in", 2, ""),
        ("message", "out", 1, ""),
        ("intro", "out", 2, ""),  # the intro you asked for is not theirs to be thanked for
        ("coffee", "out", 200, ""),  # too long ago for "thanks again for our coffee"
    ],
)
def test_what_a_message_thanks_them_for(
    kind: str, direction: str, days: int, expected: str
) -> None:
    assert talk_phrase(kind, direction, ago(days), TODAY) == expected


@pytest.mark.parametrize(
    ("kind", "direction", "days", "contact_days", "expected"),
    [
        ("reply", "in", 0, None, ""),  # "your reply today feels like ages ago": never
        ("coffee", "out", 1, None, ""),
        ("call", "out", 60, None, ""),
        ("coffee", "out", 200, None, "our coffee on May 10"),
        ("call", "out", 500, None, "our call back in July 2025"),
        ("reply", "in", 400, None, "your reply back in October 2025"),
        ("coffee", "out", 400, 3, ""),  # you wrote to them three days ago: not "ages"
        ("coffee", "out", 400, 120, "our coffee back in October 2025"),
    ],
)
def test_what_feels_like_ages_ago(
    kind: str, direction: str, days: int, contact_days: int | None, expected: str
) -> None:
    contact = ago(contact_days) if contact_days is not None else None
    assert long_ago_phrase(kind, direction, ago(days), TODAY, contact) == expected


@pytest.mark.parametrize(
    ("note", "kind", "expected"),
    [
        ("sat at her table at a friend's wedding", "life", ""),
        ("Jordan's wife", "other", ""),
        ("my little brother's best friend", "life", ""),
        ("recruiter for my Datadog loop", "work", "we worked together"),
        ("roommate sophomore year", "college", "we were in college together"),
        ("we met at PyCon 2023", "online", "we met at PyCon 2023"),
        ("We worked together at Parcelwise.", "work", "We worked together at Parcelwise"),
        ("you reviewed my PR to your linter", "online", "you reviewed my PR to your linter"),
        ("met at the SF Gophers meetup", "other", "met at the SF Gophers meetup"),
        ("", "school", "we went to school together"),
        ("", "other", ""),
    ],
)  # fmt: skip
def test_how_we_know_is_said_only_as_written_for_them(note: str, kind: str, expected: str) -> None:
    assert how_we_know_phrase(note, kind) == expected


def body(store: Store, pid: int, intent: Intent, tone: Tone = Tone.casual) -> str:
    recipient = store.recipient_for(pid)
    template = TEMPLATES.default_for(intent)
    return render(template, tone, Channel.email, placeholder_values(recipient, ALEX)).body


# Phrases that must never follow yesterday's contact, in every tone.
STALE = ("way too long", "ages ago", "It's been a while", "some time since")


def test_after_a_reply_today_nothing_says_it_has_been_too_long(store: Store) -> None:
    pid = store.add_person("Sam Rivera", company="Stripe", closeness="close")
    store.log_interaction(pid, "reply", direction="in", at=NOW - timedelta(hours=2))
    for intent in (Intent.reconnect, Intent.meet, Intent.advice):
        for tone in Tone:
            text = body(store, pid, intent, tone)
            assert not any(stale in text for stale in STALE), (intent, tone, text)
            assert "your reply" not in text
    for tone in Tone:
        assert "your reply" not in body(store, pid, Intent.thank_you, tone)


def test_after_a_long_silence_the_message_says_so(store: Store) -> None:
    pid = store.add_person("Sam Rivera", company="Stripe", closeness="close")
    store.log_interaction(pid, "coffee", direction="out", at=NOW - timedelta(days=400))
    assert "It's been way too long: I was just thinking about our coffee back in October 2025." in (
        body(store, pid, Intent.reconnect)
    )
    assert "(our coffee back in October 2025 feels like ages ago)" in body(store, pid, Intent.meet)
    assert "It's been a while since our coffee" in body(store, pid, Intent.reconnect, Tone.warm)


def test_a_note_about_them_is_never_quoted_to_them(store: Store) -> None:
    noe = store.add_person(
        "Noé Tremblay",
        how_we_know="life",
        how_we_know_text="sat at her table at a friend's wedding",
    )
    for intent in Intent:
        for tone in Tone:
            assert "wedding" not in body(store, noe, intent, tone), (intent, tone)
    kim = store.add_person("Kim Ode", how_we_know="online", how_we_know_text="we met at PyCon 2023")
    assert "This is Alex Morgan (we met at PyCon 2023)." in body(
        store, kim, Intent.reconnect, Tone.polite
    )


def test_the_follow_up_names_the_next_step_the_meeting_agreed(store: Store) -> None:
    jo = store.add_person("Jo Park", company="Datadog", role="engineering_manager")
    meeting = store.plan_meeting(jo, NOW - timedelta(hours=3), place="Blue Bottle")
    store.mark_done(meeting, "Great chat", agreed="you'll refer me for the Payments backend role")
    for tone in Tone:
        text = body(store, jo, Intent.follow_up, tone)
        assert "As we agreed, you'll refer me for the Payments backend role." in text, tone
        assert "connect us" not in text and "introduce me" not in text
        assert "Thank" in text and "for our coffee today" in text
    sam = store.add_person("Sam Rivera", company="Stripe")
    store.mark_done(store.plan_meeting(sam, NOW - timedelta(hours=3)))
    assert "could you connect us?" in body(store, sam, Intent.follow_up)


@pytest.mark.parametrize(
    ("stage", "intent", "warned"),
    [
        ("new", Intent.pitch, True),
        ("new", Intent.intro, True),
        ("reconnecting", Intent.pitch, True),
        ("new", Intent.reconnect, False),
        ("new", Intent.meet, False),
        ("engaged", Intent.pitch, False),
        ("engaged", Intent.intro, False),
    ],
)
def test_engage_first(store: Store, stage: str, intent: Intent, warned: bool) -> None:
    pid = store.add_person("Lee Chan", company="Stripe", stage=stage)
    recipient = store.recipient_for(pid)
    message = render(
        TEMPLATES.default_for(intent), Tone.warm, Channel.email, placeholder_values(recipient, ALEX)
    )
    found = {issue.code for issue in lint(message, Channel.email, recipient)}
    assert (LintCode.engage_first in found) is warned
