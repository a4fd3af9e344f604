"""The demo network (`netui --demo`): rich enough to show every part of the app, and consistent."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

from netui.compose import Channel, Intent, Tone
from netui.enums import (
    Closeness,
    Direction,
    HowWeKnow,
    InteractionKind,
    LinkKind,
    Role,
    Stage,
)
from netui.names import company_key
from netui.paths import assets_dir
from netui.store import Store
from netui.store.rows import PeopleQuery
from netui.timeutil import parse_utc
from netui.validate import email_error, url_error
from tests.conftest import TODAY

# the composer's own enums: a value outside them crashed the draft picker ("text")
INTENTS = {i.value for i in Intent}
TONES = {t.value for t in Tone}
CHANNELS = {c.value for c in Channel}


@pytest.fixture(scope="module")
def demo() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((assets_dir() / "demo.json").read_text(encoding="utf-8"))
    return data


def _people(demo: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in demo["people"]}


@pytest.fixture
def seeded(store: Store) -> Store:
    from netui.demo import seed_demo

    seed_demo(store.db, today=TODAY)
    return store


def test_seeds_a_network_big_enough_to_explore(store: Store) -> None:
    from netui.demo import seed_demo

    added = seed_demo(store.db, today=TODAY)
    assert added >= 50
    assert store.total_people() == added
    assert len(store.companies()) >= 12


def test_first_people_keep_their_names(demo: dict[str, Any]) -> None:
    names = [p["name"] for p in demo["people"][:5]]
    assert names == [
        "Sam Rivera",
        "Priya Patel",
        "José Núñez",
        "Mei Chen",
        "Sam's roommate at Stripe",
    ]


def test_names_are_unique(demo: dict[str, Any]) -> None:
    names = [p["name"] for p in demo["people"]]
    assert len(names) == len(set(names))
    keys = [company_key(c["name"]) for c in demo["companies"]]
    assert len(keys) == len(set(keys))


def test_a_few_target_companies_with_people_at_each(seeded: Store) -> None:
    targets = [c for c in seeded.companies() if c.is_target]
    assert 3 <= len(targets) <= 4
    assert all(c.people >= 2 for c in targets)


def test_every_persons_company_is_a_listed_company(demo: dict[str, Any]) -> None:
    companies = {c["name"] for c in demo["companies"]}
    for p in demo["people"]:
        if p.get("company"):
            assert p["company"] in companies, p["name"]


def test_every_link_draft_and_meeting_names_a_person(demo: dict[str, Any]) -> None:
    people = _people(demo)
    assert 6 <= len(demo["links"]) <= 12
    for link in demo["links"]:
        assert link["a"] in people and link["b"] in people
        assert link["a"] != link["b"]
        assert link["kind"] in set(LinkKind)
    for d in demo["drafts"]:
        assert d["person"] in people
    for m in demo["meetings"]:
        assert m["person"] in people


def test_enum_values_are_valid(demo: dict[str, Any]) -> None:
    for p in demo["people"]:
        assert p.get("role", "unknown") in set(Role), p["name"]
        assert p.get("closeness", "acquaintance") in set(Closeness), p["name"]
        assert p.get("how_we_know", "other") in set(HowWeKnow), p["name"]
        assert p.get("stage", "new") in set(Stage), p["name"]
        for it in p.get("interactions", []):
            assert it["kind"] in set(InteractionKind), p["name"]
            assert it.get("direction", "none") in set(Direction), p["name"]
            assert it["summary"].strip()
    for d in demo["drafts"]:
        assert d["intent"] in INTENTS
        assert d["tone"] in TONES
        assert d["channel"] in CHANNELS


def test_contact_details_are_valid_and_fictional(demo: dict[str, Any]) -> None:
    for p in demo["people"]:
        email = p.get("email", "")
        if email:
            assert email_error(email) is None
            assert email.endswith("example.com"), email
        url = p.get("linkedin_url", "")
        if url:
            assert url_error(url) is None
            assert url.startswith("https://www.linkedin.com/in/") and url.endswith("-demo")


def test_stages_cover_the_whole_pipeline(demo: dict[str, Any]) -> None:
    stages = Counter(p.get("stage", "new") for p in demo["people"])
    assert set(stages) == set(Stage)
    assert stages[Stage.new] >= 10


def test_interactions_tell_the_story_of_each_stage(demo: dict[str, Any]) -> None:
    for p in demo["people"]:
        stage = p.get("stage", "new")
        kinds = [it["kind"] for it in p.get("interactions", [])]
        if stage == Stage.new:
            assert kinds == [], p["name"]
        elif stage == Stage.reconnecting:
            assert kinds and all(it["direction"] == "out" for it in p["interactions"]), p["name"]
        elif stage == Stage.introduced:
            assert "intro" in kinds, p["name"]
        elif stage == Stage.referred:
            assert "referral" in kinds, p["name"]
        else:
            assert any(it["direction"] == "in" for it in p["interactions"]), p["name"]


def test_stubs_are_linked_to_who_knows_them(demo: dict[str, Any]) -> None:
    stubs = [p["name"] for p in demo["people"] if p.get("is_stub")]
    assert 2 <= len(stubs) <= 4
    linked = {n for link in demo["links"] for n in (link["a"], link["b"])}
    assert set(stubs) <= linked


def test_overdue_and_upcoming_follow_ups(seeded: Store) -> None:
    due = seeded.people_page(PeopleQuery(due_only=True), 0, 100)
    overdue = [r for r in due if r.follow_up_on and r.follow_up_on < TODAY.isoformat()]
    assert len(overdue) >= 3
    all_rows = seeded.people_page(PeopleQuery(), 0, 200)
    upcoming = [r for r in all_rows if r.follow_up_on and r.follow_up_on > TODAY.isoformat()]
    assert len(upcoming) >= 3


def test_one_meeting_today_and_more_ahead(seeded: Store) -> None:
    with seeded.db.read() as conn:
        starts = [parse_utc(r[0]) for r in conn.execute("SELECT starts_at FROM meeting")]
    days = sorted((s.astimezone().date() - TODAY).days for s in starts)
    assert days.count(0) == 1
    assert 2 <= len(days) <= 4
    assert all(d >= 0 for d in days)


def test_drafts_ask_for_an_intro_and_reconnect(demo: dict[str, Any]) -> None:
    assert sorted(d["intent"] for d in demo["drafts"]) == ["intro", "reconnect"]
    assert all(d["body"].strip() for d in demo["drafts"])


def test_seeded_people_have_last_contact_and_search_ignores_accents(seeded: Store) -> None:
    (jose,) = seeded.search_people("jose nunez")
    assert jose.full_name == "José Núñez"
    assert jose.company == "Figma"
    # people you have talked to show a last contact; people not yet contacted show none
    assert jose.last_contact is None
    (sam,) = [r for r in seeded.search_people("Sam Rivera") if r.full_name == "Sam Rivera"]
    assert sam.last_contact is not None


def test_international_and_long_names_exercise_layout(demo: dict[str, Any]) -> None:
    names = [p["name"] for p in demo["people"]]
    assert any(any(ord(ch) > 127 for ch in n) for n in names)
    assert max(len(n) for n in names) >= 40
    assert max(len(c["name"]) for c in demo["companies"]) >= 40
