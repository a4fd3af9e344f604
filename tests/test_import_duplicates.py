"""Likely duplicates in the database and merging them (store and screen), with undo."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from netui.app import make_app
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
        pairs = screen.query_one("#dup-pairs", DataTable)
        assert pairs.row_count == 2
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
        assert pairs.row_count == 1
        kept = store.get_person(ids["kim"])
        assert (kept.full_name, kept.title) == ("Kimberly Park", "CTO")
        assert store.total_people() == 6
        assert "Talked about her startup" in [e.summary for e in store.timeline(ids["kim"])]
        await pilot.press("u")
        await settle(pilot)
        assert pairs.row_count == 2
        assert store.export_tables() == before
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is not screen


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
