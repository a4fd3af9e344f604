"""Likely duplicates in the database and merging them (store and screen), with undo."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static
from textual.worker import WorkerState

from netui.app import make_app
from netui.duplicates import MAX_GROUP, SearchCancelled, similar_names
from netui.screens.duplicates import DuplicatesScreen
from netui.settings import Settings
from netui.store import Store
from tests.conftest import TODAY


def seed(store: Store) -> dict[str, int]:
    john = {"email": "john@example.com", "phone": "+1 555 0120", "city": "Oslo"}
    sam = "https://www.linkedin.com/in/sam-"
    return {
        "jon": store.add_person("Jon Smith", company="Acme", title="Engineer"),
        "john": store.add_person("John Smith", company="Acme Inc.", **john),
        "kim": store.add_person("Kim Park", email="kim@example.com"),
        "kimberly": store.add_person("Kimberly Park", email="KIM@example.com", title="CTO"),
        "other_sam": store.add_person("Sam Lee", company="Globex", linkedin_url=sam + "1"),
        "sam": store.add_person("Sam Lee", company="Globex", linkedin_url=sam + "2"),
        "alone": store.add_person("Uma Unique", company="Initech"),
    }


def test_likely_duplicates_by_email_and_similar_name_not_by_distinct_profiles(
    store: Store,
) -> None:
    ids = seed(store)
    pairs = {(p.a.id, p.b.id): p.reason for p in store.likely_duplicates()}
    assert pairs == {
        (ids["kim"], ids["kimberly"]): "same email",
        (ids["jon"], ids["john"]): "similar name at Acme",
    }


def test_merge_moves_everything_and_undo_puts_it_all_back(store: Store) -> None:
    ids = seed(store)
    keep, drop = ids["jon"], ids["john"]
    store.log_interaction(drop, "coffee", at=datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
                          summary="Coffee near the office")  # fmt: skip
    draft = store.save_draft(drop, intent="reconnect", tone="warm", channel="email",
                             subject="Hi", body="Hi John, how are you?")  # fmt: skip
    meeting = store.plan_meeting(drop, datetime(2026, 12, 2, 9, 0, tzinfo=UTC), place="Cafe")
    link = store.add_link(drop, ids["kim"], "knows")
    self_link = store.add_link(drop, keep, "works_with")
    before = store.export_tables()

    fields = {f.name: f for f in store.merge_fields(keep, drop)}
    assert fields["email"].choice == "b"  # the filled value is suggested over the empty one
    assert fields["full_name"].choice == "a"
    values = {n: (f.a if f.choice == "a" else f.b) for n, f in fields.items() if f.differs}
    values["full_name"] = fields["full_name"].b  # the user picks the right-hand name
    undo = store.merge_people(keep, drop, values)

    person = store.get_person(keep)
    assert (person.full_name, person.email, person.city, person.title) == (
        "John Smith", "john@example.com", "Oslo", "Engineer",
    )  # fmt: skip
    assert store.total_people() == 6
    assert [e.summary for e in store.timeline(keep)][-1] == "Coffee near the office"
    assert "Merged a duplicate record: John Smith" in [e.summary for e in store.timeline(keep)]
    assert person.last_contact is not None  # the coffee now counts for the kept record
    assert [d.id for d in store.drafts_for(keep)] == [draft]
    assert [m.id for m in store.meetings_for(keep)] == [meeting]
    assert [(lk.id, lk.other_id) for lk in store.links_for(keep)] == [(link, ids["kim"])]
    assert self_link not in [lk.id for lk in store.links_for(ids["kim"])]

    store.undo_merge(undo)
    assert store.export_tables() == before


async def test_duplicates_screen_merges_on_the_keyboard_and_undoes(
    store: Store, settings: Settings
) -> None:
    ids = seed(store)
    store.log_interaction(ids["kimberly"], "call", summary="Talked about her startup")
    before = store.export_tables()
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = DuplicatesScreen()
        await app.push_screen(screen)
        await settle(pilot)
        pairs = screen.pair_list
        assert pairs.count == 2
        assert "2 likely duplicates" in str(screen.query_one("#dup-status", Static).render())
        await pilot.press("enter")  # the strongest pair first: same email (Kim / Kimberly)
        await settle(pilot)
        fields = screen.query_one("#dup-fields", DataTable)
        labels = [str(fields.get_row_at(i)[0]) for i in range(fields.row_count)]
        assert {"name", "first name", "email", "title"} <= set(labels)
        fields.move_cursor(row=labels.index("name"))
        await pilot.press("b")  # use the right-hand name, 'Kimberly Park'
        await pilot.press("m")
        await settle(pilot)
        assert pairs.count == 1
        kept = store.get_person(ids["kim"])
        assert (kept.full_name, kept.title) == ("Kimberly Park", "CTO")
        assert store.total_people() == 6
        assert "Talked about her startup" in [e.summary for e in store.timeline(ids["kim"])]
        await pilot.press("u")
        await settle(pilot)
        assert pairs.count == 2
        assert store.export_tables() == before
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is not screen


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def test_similar_names_rule() -> None:
    assert similar_names("jon smith", "john smith")  # Indel similarity 0.95
    assert similar_names("ana silva", "ana silva costa")  # all of one name's words
    assert similar_names("mei chen", "wei chen")
    assert not similar_names("sam lee", "sara lee")  # 0.80
    assert not similar_names("ana", "ana costa")  # one word is not enough to say so


def test_similar_names_at_one_big_company_found_in_blocks(store: Store) -> None:
    """A company with many people: similar names sharing a first or last word are found,
    names shared by too many people there are not flagged pair by pair."""
    names = [f"Person{i} Zed{i}" for i in range(300)]
    names += ["Ana Silva", "Ana Silva Costa", "Jon Smith", "John Smith"]
    names += ["Wei Wang"] * (MAX_GROUP + 1)  # too common at this company to say anything
    ids = [store.add_person(name, company="Megacorp") for name in names]
    by_name = dict(zip(names, ids, strict=False))
    pairs = {(p.a.full_name, p.b.full_name): p.reason for p in store.likely_duplicates()}
    assert pairs == {
        ("Ana Silva", "Ana Silva Costa"): "similar name at Megacorp",
        ("Jon Smith", "John Smith"): "similar name at Megacorp",
    }
    assert by_name["Ana Silva"] < by_name["Ana Silva Costa"]


def test_the_search_stops_when_asked(store: Store) -> None:
    seed(store)
    answers: list[bool] = []

    def should_stop() -> bool:
        answers.append(len(answers) > 0)  # let the first step run, then stop
        return answers[-1]

    with pytest.raises(SearchCancelled):
        store.likely_duplicates(should_stop=should_stop)
    assert answers.count(True) == 1  # it stopped the first time it was told to
    assert len(store.likely_duplicates()) == 2  # and runs to the end when not told


async def test_closing_the_duplicates_screen_cancels_its_search(
    store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """esc while the search runs: the worker is cancelled and the search itself stops
    (nothing keeps running behind the People list), and no pairs arrive afterwards."""
    seed(store)
    started, release = threading.Event(), threading.Event()
    outcome: list[str] = []
    search = store.likely_duplicates

    def gated(limit: int = 500, should_stop: Any = None) -> Any:
        started.set()
        release.wait(10)  # the test closes the screen meanwhile
        try:
            pairs = search(limit, should_stop)
        except SearchCancelled:
            outcome.append("stopped")
            raise
        outcome.append(f"finished with {len(pairs)} pairs")
        return pairs

    monkeypatch.setattr(store, "likely_duplicates", gated)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        people = app.screen
        screen = DuplicatesScreen()
        await app.push_screen(screen)
        await asyncio.to_thread(started.wait, 10)
        assert "Looking for duplicates" in str(screen.query_one("#dup-status", Static).render())
        workers = [w for w in app.workers if w.group == "duplicates"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is people
        release.set()
        await settle(pilot)
        assert outcome == ["stopped"]
        assert [w.state for w in workers] == [WorkerState.CANCELLED]


async def test_more_pairs_than_shown_says_how_many(store: Store, settings: Settings) -> None:
    for i in range(4):
        store.add_person(f"Sam Lee{i}", email="team@example.com")  # 6 pairs, one email
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = DuplicatesScreen()
        screen.limit = 4
        await app.push_screen(screen)
        await settle(pilot)
        assert screen.pair_list.count == 4
        status = str(screen.query_one("#dup-status", Static).render())
        assert "The strongest 4 of 6 likely duplicates" in status
