"""Companies: counts, targets, aliases that merge, and a company's people by approach."""

from __future__ import annotations

from typing import Any

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from netui.app import NetuiApp, make_app
from netui.errors import InputError
from netui.screens.companies import CompaniesScreen, CompanyScreen, stages_text
from netui.screens.person import PersonScreen
from netui.settings import Settings
from netui.store import Store
from netui.widgets.row_list import RowList
from tests.conftest import TODAY


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def seed(store: Store) -> dict[str, int]:
    ids = {
        "priya": store.add_person("Priya Patel", company="Stripe", role="engineer"),
        "tom": store.add_person("Tom Herrera", company="Stripe, Inc.", role="engineering_manager"),
        "sam": store.add_person("Sam Rivera", company="stripe", role="recruiter"),
        "mei": store.add_person("Mei Chen", company="STRIPE", role="unknown"),
        "ana": store.add_person("Ana Lopez", company="Google LLC", role="engineer"),
        "alpha": store.add_person("Al Pha", company="Alphabet", role="other_tech"),
    }
    store.log_interaction(ids["sam"], "coffee")
    return ids


def table_rows(app: NetuiApp) -> list[list[str]]:
    table = app.screen.query_one("#companies", RowList)
    return [table.cells_at(i) for i in range(table.count)]


# ---- store ------------------------------------------------------------------------


def test_company_names_fold_case_and_legal_suffixes(store: Store) -> None:
    seed(store)
    names = {row.name: row for row in store.companies()}
    assert set(names) == {"Stripe", "Google LLC", "Alphabet"}
    stripe = names["Stripe"]
    assert (stripe.people, stripe.engineers, stripe.connectors) == (4, 2, 1)
    assert stages_text(stripe.stages) == "new, engaged"


def test_an_alias_that_is_a_company_merges_it(store: Store) -> None:
    ids = seed(store)
    google = next(r.id for r in store.companies() if r.name == "Google LLC")
    store.set_company_target(google, True)
    assert store.merge_company_name(google, "Alphabet") == 1
    names = {row.name: row for row in store.companies()}
    assert "Alphabet" not in names
    assert (names["Google LLC"].people, names["Google LLC"].is_target) == (2, True)
    assert store.company_name(store.get_person(ids["alpha"]).company_id) == "Google LLC"
    # the old name now resolves to the kept company
    new_id = store.add_person("Bo Li", company="alphabet inc")
    assert store.get_person(new_id).company_id == google


def test_a_new_alias_is_remembered(store: Store) -> None:
    seed(store)
    stripe = next(r.id for r in store.companies() if r.name == "Stripe")
    assert store.merge_company_name(stripe, "Stripe Payments") == 0
    pid = store.add_person("Jo Kim", company="Stripe Payments Ltd")
    assert store.company_name(store.get_person(pid).company_id) == "Stripe"
    with pytest.raises(InputError, match="not a company name"):
        store.merge_company_name(stripe, "  ")


# ---- screens ----------------------------------------------------------------------


async def test_companies_screen_counts_target_and_people(store: Store, settings: Settings) -> None:
    ids = seed(store)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")  # from the People list
        await settle(pilot)
        assert isinstance(app.screen, CompaniesScreen)
        rows = table_rows(app)
        assert rows[0][1:7] == ["Stripe", "", "", "4", "2", "1"]  # not a target: no way in
        assert rows[0][7] == "new, engaged"
        await pilot.press("down", "t")  # mark the second company a target: it moves first
        await settle(pilot)
        rows = table_rows(app)
        assert rows[0][0] == "★"
        target = rows[0][1]
        assert [c.is_target for c in store.companies() if c.name == target] == [True]
        await pilot.press("slash")
        for key in "str":
            await pilot.press(key)
        await settle(pilot)
        assert [r[1] for r in table_rows(app)] == ["Stripe"]
        await pilot.press("enter", "enter")  # leave the filter, open Stripe
        await settle(pilot)
        assert isinstance(app.screen, CompanyScreen)
        options = app.screen.query_one("#company-people", OptionList)
        lines = [
            Content.from_markup(str(options.get_option_at_index(i).prompt)).plain
            for i in range(options.option_count)
        ]
        pitch = lines.index("Pitch yourself to them (engineers, eng managers, CTOs)")
        intro = lines.index("Ask them for an introduction to engineers (recruiters: a referral)")
        unknown = lines.index("Find out what they do")
        assert {
            lines[pitch + 1].split(" · ")[0].strip(),
            lines[pitch + 2].split(" · ")[0].strip(),
        } == {
            "Priya Patel",
            "Tom Herrera",
        }
        assert lines[intro + 1].strip().startswith("Sam Rivera")
        assert lines[unknown + 1].strip().startswith("Mei Chen")
        summary = str(app.screen.query_one("#company-summary", Static).render())
        assert "4 people · 2 to pitch · 1 can introduce you" in summary
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        assert app.screen.person_id in (ids["priya"], ids["tom"])


async def test_alias_dialog_merges_two_companies(store: Store, settings: Settings) -> None:
    seed(store)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(CompaniesScreen())
        await settle(pilot)
        names = [r[1] for r in table_rows(app)]
        await pilot.press(*["down"] * names.index("Google LLC"))
        await pilot.press("a")
        await settle(pilot)
        for key in "Alphabet":
            await pilot.press(key)
        await pilot.press("enter")
        await settle(pilot)
        names = [r[1] for r in table_rows(app)]
        assert "Alphabet" not in names
        google = table_rows(app)[names.index("Google LLC")]
        assert google[4] == "2"
