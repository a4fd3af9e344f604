"""Drafts on a real SQLite file: save, list, copy, mark sent (one transaction), recipients."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from netui.enums import DraftStatus, Stage
from netui.errors import InputError, NotFoundError
from netui.store import Store
from tests.conftest import NOW, TODAY


def _draft(store: Store, pid: int, draft_id: int | None = None, **values: str) -> int:
    fields = {
        "intent": "reconnect",
        "tone": "warm",
        "channel": "email",
        "subject": "Catching up",
        "body": "Hi Priya,\n\nHow is Google? Coffee soon?",
        "template_key": "reconnect",
    }
    fields.update(values)
    return store.save_draft(pid, draft_id=draft_id, **fields)


def _owed(store: Store, pid: int) -> list[int]:
    with store.db.read() as conn:
        rows = conn.execute(
            "SELECT follow_up_owed FROM meeting WHERE person_id = ? ORDER BY id", (pid,)
        ).fetchall()
    return [int(r[0]) for r in rows]


@pytest.fixture
def pid(store: Store) -> int:
    return store.add_person("Priya Patel", company="Google", title="Senior Software Engineer")


def test_save_list_and_reopen_a_draft(store: Store, pid: int) -> None:
    first = _draft(store, pid)
    second = _draft(store, pid, intent="meet", channel="dm", subject="", body="\n\nCoffee?\nx")
    rows = store.drafts_for(pid)
    assert [r.id for r in rows] == [second, first]  # same time: newest id first
    assert rows[0].preview == "Coffee?"
    assert rows[0].status == DraftStatus.draft
    assert rows[1].subject == "Catching up"
    draft = store.get_draft(first)
    assert draft.body == "Hi Priya,\n\nHow is Google? Coffee soon?"
    assert (draft.intent, draft.tone, draft.channel) == ("reconnect", "warm", "email")


def test_update_keeps_the_id_and_the_status(store: Store, pid: int) -> None:
    draft_id = _draft(store, pid)
    store.mark_copied(draft_id)
    again = _draft(store, pid, body="Hi Priya, new words. Coffee?", draft_id=draft_id)
    assert again == draft_id
    draft = store.get_draft(draft_id)
    assert draft.body == "Hi Priya, new words. Coffee?"
    assert draft.status == DraftStatus.copied
    assert len(store.drafts_for(pid)) == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("intent", "beg", "The intent 'beg' is not one of: reconnect, advice"),
        ("tone", "rude", "The tone 'rude' is not one of: casual, warm, polite."),
        ("channel", "fax", "The channel 'fax' is not one of: email, linkedin_message"),
        ("body", "x" * 100_001, "The message is 100,001 characters; at most 100,000."),
    ],
)
def test_bad_values_are_refused_and_nothing_is_saved(
    store: Store, pid: int, field: str, value: str, message: str
) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        _draft(store, pid, **{field: value})
    assert store.drafts_for(pid) == []


def test_a_draft_for_nobody_is_refused(store: Store) -> None:
    with pytest.raises(NotFoundError):
        _draft(store, 999)
    with pytest.raises(NotFoundError, match=r"There is no draft #5\."):
        store.get_draft(5)


def test_mark_copied_never_downgrades_a_sent_draft(store: Store, pid: int) -> None:
    draft_id = _draft(store, pid)
    store.mark_copied(draft_id)
    assert store.get_draft(draft_id).status == DraftStatus.copied
    store.mark_sent(draft_id)
    store.mark_copied(draft_id)
    assert store.get_draft(draft_id).status == DraftStatus.sent


def test_mark_sent_logs_moves_the_stage_and_sets_the_follow_up(store: Store, pid: int) -> None:
    draft_id = _draft(store, pid)
    result = store.mark_sent(draft_id)
    draft = store.get_draft(draft_id)
    assert draft.status == DraftStatus.sent
    assert draft.sent_at == NOW
    person = store.get_person(pid)
    assert person.stage == Stage.reconnecting
    assert person.follow_up_on == TODAY + timedelta(days=5)
    assert person.last_contact == NOW
    (entry,) = store.timeline(pid)
    assert (entry.kind, entry.direction, entry.summary) == ("email", "out", "Email: Catching up")
    assert result.interaction_id == entry.id
    assert result.stage == Stage.reconnecting
    assert result.follow_up_on == TODAY + timedelta(days=5)


def test_an_intro_request_sent_moves_the_stage_to_asked(store: Store, pid: int) -> None:
    store.set_stage(pid, Stage.engaged)
    draft_id = _draft(store, pid, intent="intro", channel="linkedin_message", subject="")
    result = store.mark_sent(draft_id)
    assert result.stage == Stage.asked
    assert store.get_person(pid).follow_up_on == TODAY + timedelta(days=5)
    (entry,) = store.timeline(pid)
    assert (entry.kind, entry.direction) == ("intro", "out")
    assert entry.summary == "LinkedIn message: ask for an introduction"


def test_a_pitch_sent_is_a_referral_ask(store: Store, pid: int) -> None:
    store.set_stage(pid, Stage.engaged)
    store.mark_sent(_draft(store, pid, intent="pitch", channel="dm"))
    assert store.get_person(pid).stage == Stage.asked
    assert store.timeline(pid)[0].kind == "referral"


def test_mark_sent_twice_is_refused_and_changes_nothing(store: Store, pid: int) -> None:
    draft_id = _draft(store, pid)
    store.mark_sent(draft_id)
    with pytest.raises(InputError, match="already marked sent on 2026-11-26"):
        store.mark_sent(draft_id)
    assert len(store.timeline(pid)) == 1


def test_mark_sent_is_all_or_nothing(
    store: Store, pid: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_id = _draft(store, pid)

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_log_interaction", broken)
    with pytest.raises(RuntimeError):
        store.mark_sent(draft_id)
    assert store.get_draft(draft_id).status == DraftStatus.draft
    assert store.get_draft(draft_id).sent_at is None
    assert store.get_person(pid).stage == Stage.new


def test_an_empty_message_cannot_be_marked_sent(store: Store, pid: int) -> None:
    draft_id = _draft(store, pid, body="  \n")
    with pytest.raises(InputError, match="The message is empty"):
        store.mark_sent(draft_id)
    assert store.timeline(pid) == []


@pytest.mark.parametrize("intent", ["follow_up", "thank_you"])
def test_a_follow_up_sent_settles_the_meeting(store: Store, pid: int, intent: str) -> None:
    meeting = store.plan_meeting(pid, NOW - timedelta(hours=3), place="Blue Bottle")
    store.mark_done(meeting)
    assert _owed(store, pid) == [1]
    result = store.mark_sent(_draft(store, pid, intent=intent))
    assert _owed(store, pid) == [0]
    assert result.settled_meetings == 1


def test_other_intents_leave_the_follow_up_owed(store: Store, pid: int) -> None:
    meeting = store.plan_meeting(pid, NOW - timedelta(hours=3), place="Blue Bottle")
    store.mark_done(meeting)
    store.mark_sent(_draft(store, pid, intent="meet"))
    assert _owed(store, pid) == [1]


def test_same_template_already_sent(store: Store, pid: int) -> None:
    other = store.add_person("Sam Rivera")
    first = _draft(store, pid, template_key="intro", intent="intro")
    assert not store.template_sent_before(pid, "intro")
    store.mark_sent(first)
    assert store.template_sent_before(pid, "intro")
    assert not store.template_sent_before(pid, "intro", exclude_draft_id=first)
    assert not store.template_sent_before(pid, "reconnect")
    assert not store.template_sent_before(other, "intro")
    assert not store.template_sent_before(pid, "")


def test_unsent_drafts_lists_drafts_and_copied_not_sent(store: Store, pid: int) -> None:
    a, b, c = (_draft(store, pid) for _ in range(3))
    store.mark_copied(b)
    store.mark_sent(c)
    assert [d.id for d in store.unsent_drafts()] == [a, b]
    store.archive_person(pid)
    assert store.unsent_drafts() == []


# ---- what a message may say about them ---------------------------------------------


def test_recipient_has_their_details_and_the_last_conversation(store: Store) -> None:
    google = store.add_person(
        "Priya Patel",
        company="Google",
        title="Senior Software Engineer",
        closeness="acquaintance",
        how_we_know="work",
        how_we_know_text="hackathon teammate 2023",
        notes="Works on Maps infra.",
        email="priya@example.com",
    )
    store.log_interaction(google, "coffee", direction="out", at=NOW - timedelta(days=9))
    store.log_interaction(google, "message", direction="out", at=NOW - timedelta(days=2))
    store.log_interaction(google, "note", summary="Likes climbing")
    r = store.recipient_for(google)
    assert (r.first_name, r.full_name, r.company) == ("Priya", "Priya Patel", "Google")
    assert r.title == "Senior Software Engineer"
    # the user's note about her is a hint for the user; messages say the kind's phrase
    assert (r.how_we_know, r.how_we_know_note) == ("we worked together", "hackathon teammate 2023")
    # my own message two days ago is nothing to thank her for: the coffee is
    assert r.last_interaction == r.last_talk == "our coffee on Nov 17"
    assert r.long_ago == ""  # in touch two days ago: nothing "feels like ages ago"
    assert r.target_company == "Google"
    assert (r.closeness, r.email, r.notes) == ("acquaintance", "priya@example.com", r.notes)
    assert r.connector == ""


def test_recipient_how_we_know_falls_back_to_a_phrase(store: Store) -> None:
    pid = store.add_person("Jo Kim", how_we_know="college")
    r = store.recipient_for(pid)
    assert r.how_we_know == "we were in college together"
    assert r.last_interaction == ""
    assert store.recipient_for(store.add_person("Al Bo")).how_we_know == ""


def test_recipient_connector_is_who_introduced_you(store: Store) -> None:
    sam = store.add_person("Sam Rivera", company="Stripe")
    priya = store.add_person("Priya Patel", company="Google")
    store.add_link(priya, sam, "introduced_by")
    assert store.recipient_for(priya).connector == "Sam Rivera"
    assert store.recipient_for(sam).connector == ""  # Sam introduced you; not the reverse


def test_recipient_target_company_prefers_a_target_they_can_reach(store: Store) -> None:
    baker = store.add_person("Dee Baker", company="Local Bakery")
    friend = store.add_person("Eng Friend", company="Stripe")
    companies = {c.name: c.id for c in store.companies()}
    assert store.recipient_for(baker).target_company == "Local Bakery"
    store.set_company_target(companies["Stripe"], True)
    assert store.recipient_for(baker).target_company == "Local Bakery"
    store.add_link(baker, friend, "knows")
    assert store.recipient_for(baker).target_company == "Stripe"
    nobody = store.add_person("No Company")
    assert store.recipient_for(nobody).target_company == "Stripe"


def test_recipient_for_nobody(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.recipient_for(42)


@pytest.mark.parametrize(
    ("fields", "channel"),
    [
        ({"email": "a@example.com", "linkedin_url": "https://linkedin.com/in/a"}, "email"),
        (
            {"linkedin_url": "https://linkedin.com/in/a", "phone": "+1 415 555 0100"},
            "linkedin_message",
        ),
        ({"instagram": "@a"}, "dm"),
        ({"phone": "+1 415 555 0100"}, "dm"),
        ({}, "email"),
    ],
)
def test_recipient_suggests_where_to_reach_them(
    store: Store, fields: dict[str, str], channel: str
) -> None:
    pid = store.add_person("Al Bo", **fields)
    assert store.recipient_for(pid).channel == channel


def test_recipient_knows_a_follow_up_is_owed(store: Store, pid: int) -> None:
    assert store.recipient_for(pid).follow_up_owed is False
    store.mark_done(store.plan_meeting(pid, NOW - timedelta(hours=1)))
    assert store.recipient_for(pid).follow_up_owed is True
    assert store.recipient_for(pid).stage == Stage.engaged
