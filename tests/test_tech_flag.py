"""Is it a tech company? What you said, else netui's guess (shown as a guess)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Static

from netui.app import NetuiApp, make_app
from netui.db import Database
from netui.errors import InputError
from netui.screens.companies import CompaniesScreen, CompanyScreen
from netui.screens.filters import FiltersScreen
from netui.settings import Settings
from netui.store import PeopleQuery, Store
from netui.tech import next_flag, tech_guess
from netui.widgets.row_list import RowList
from tests.conftest import TODAY


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def seed(store: Store) -> None:
    store.add_person("Priya Patel", company="Tiny Startup", title="Software Engineer")
    store.add_person("Bo Baker", company="Acme Bakery", title="Head Baker")
    store.add_person("Ana Lopez", company="Google LLC", title="Recruiter")
    store.add_person("Dee Ops", company="Ops Co", email="dee@datadoghq.com")
    store.add_person("Nobody Known", title="Friend")


def tech_of(store: Store) -> dict[str, tuple[str, str, bool]]:
    return {r.name: (r.tech, r.tech_guess, r.is_tech) for r in store.companies()}


def names(store: Store, query: PeopleQuery) -> list[str]:
    return sorted(p.full_name for p in store.people_page(query, 0, 100))


@pytest.mark.parametrize(
    ("name", "engineers", "domains", "why"),
    [
        ("Google LLC", 0, [], "a well-known tech company"),
        ("Meta Platforms", 0, [], ""),  # the list is exact, not a word match
        ("Meta", 0, [], "a well-known tech company"),
        ("Datadog, Inc.", 0, [], "a well-known tech company"),  # a tech domain's company
        ("Ops Co", 0, ["datadoghq.com"], "a tech domain (datadoghq.com)"),
        ("Ops Co", 0, ["gmail.com"], ""),
        ("Tiny Startup", 1, [], "1 person in engineering there"),
        ("Tiny Startup", 3, [], "3 people in engineering there"),
        ("Acme Bakery", 0, ["acmebakery.com"], ""),
    ],
)  # fmt: skip
def test_the_guess_says_why(name: str, engineers: int, domains: list[str], why: str) -> None:
    assert tech_guess(name, engineers=engineers, domains=domains) == why


def test_an_engineering_title_counts_when_no_role_is_set() -> None:
    titles = ["Senior Engineering Recruiter", "Staff Software Engineer", "Chef"]
    assert tech_guess("Tiny Startup", titles=titles) == "1 person in engineering there"


def test_the_key_cycles_unknown_yes_no() -> None:
    assert [next_flag(f) for f in ("", "yes", "no")] == ["yes", "no", ""]


def test_what_you_say_wins_over_the_guess_and_people_filter_by_it(store: Store) -> None:
    seed(store)
    tech = tech_of(store)
    assert tech["Tiny Startup"] == ("", "1 person in engineering there", True)
    assert tech["Google LLC"] == ("", "a well-known tech company", True)
    assert tech["Ops Co"] == ("", "a tech domain (datadoghq.com)", True)
    assert tech["Acme Bakery"] == ("", "", False)
    at_tech = PeopleQuery(tech_only=True)
    assert names(store, at_tech) == ["Ana Lopez", "Dee Ops", "Priya Patel"]
    ids = {r.name: r.id for r in store.companies()}
    store.set_company_tech(ids["Google LLC"], "no")
    store.set_company_tech(ids["Acme Bakery"], "yes")  # a bakery with an app team, say
    assert tech_of(store)["Google LLC"][::2] == ("no", False)
    assert names(store, at_tech) == ["Bo Baker", "Dee Ops", "Priya Patel"]
    assert store.people_window(at_tech, 0, 10) is not None
    window = store.people_window(at_tech, 0, 10)
    assert window is not None and window.count == 3
    store.set_company_tech(ids["Google LLC"], "")  # unknown again: the guess is back
    assert tech_of(store)["Google LLC"] == ("", "a well-known tech company", True)
    with pytest.raises(InputError, match="'maybe' is not one of"):
        store.set_company_tech(ids["Google LLC"], "maybe")
    with pytest.raises(InputError, match="There is no company #999"):
        store.set_company_tech(999, "yes")


def test_an_older_database_gets_the_flag_unknown(tmp_path: Path) -> None:
    import sqlite3

    from netui.schema import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for step in MIGRATIONS[:-1]:
        conn.executescript(step)
    conn.execute(f"PRAGMA user_version={len(MIGRATIONS) - 1}")
    conn.execute(
        "INSERT INTO company (name, name_key, created_at) VALUES ('Stripe', 'stripe', '2024')"
    )
    conn.commit()
    conn.close()
    db = Database.open(path)
    try:
        rows = Store(db, today=lambda: TODAY).companies()
        assert [(r.name, r.tech, r.is_tech) for r in rows] == [("Stripe", "", True)]
    finally:
        db.close()


def company_cells(app: NetuiApp) -> dict[str, list[str]]:
    table = app.screen.query_one("#companies", RowList)
    return {table.cells_at(i)[1]: table.cells_at(i) for i in range(table.count)}


async def test_t_on_companies_sets_the_flag_and_people_filter_at_a_tech_company(
    store: Store, settings: Settings
) -> None:
    seed(store)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(CompaniesScreen())
        await settle(pilot)
        cells = company_cells(app)
        assert cells["Google LLC"][-1] == "yes?"  # guessed, and shown as a guess
        assert cells["Acme Bakery"][-1] == ""
        footer = {k: b.binding.description for k, b in app.screen.active_bindings.items()
                  if b.binding.show}  # fmt: skip
        assert footer.get("T") == "Tech?"  # listed in the footer
        order = list(cells)
        await pilot.press(*["down"] * order.index("Acme Bakery"), "T")
        await settle(pilot)
        assert company_cells(app)["Acme Bakery"][-1] == "yes"
        await pilot.press("T")
        await settle(pilot)
        assert company_cells(app)["Acme Bakery"][-1] == "no"
        assert [r.tech for r in store.companies() if r.name == "Acme Bakery"] == ["no"]
        await pilot.press("enter")  # one company: the summary says what it is
        await settle(pilot)
        assert isinstance(app.screen, CompanyScreen)
        summary = str(app.screen.query_one("#company-summary", Static).render())
        assert "not tech (you said so)" in summary
        await pilot.press("T")  # back to unknown: nothing says it is tech
        await settle(pilot)
        summary = str(app.screen.query_one("#company-summary", Static).render())
        assert "tech unknown" in summary
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, FiltersScreen)
        app.screen.query_one("#tech", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "at a tech company" in str(app.screen.query_one("#people-filters", Static).render())
        shown = str(app.screen.query_one("#people-count", Static).render())
        assert shown.startswith("3 of 5")  # Priya, Ana (Google, guessed) and Dee (datadoghq)
