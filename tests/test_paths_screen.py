"""The Paths screen, acting on a path, the targets overview and logging an intro (Pilot)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from netui.app import NetuiApp, make_app
from netui.screens.companies import CompaniesScreen
from netui.screens.composer import ComposerScreen
from netui.screens.introduced import IntroducedScreen
from netui.screens.paths import PathsScreen
from netui.screens.person import PersonScreen
from netui.settings import Settings
from netui.store import Store
from netui.widgets.row_list import RowList
from tests.conftest import NOW, TODAY


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def type_text(pilot: Pilot[Any], text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


def rows(app: NetuiApp, selector: str) -> list[list[str]]:
    table = app.screen.query_one(selector, RowList)
    return [table.cells_at(i) for i in range(table.count)]


def notices(app: NetuiApp) -> str:
    return " | ".join(str(n.message) for n in app._notifications)


def seed(store: Store) -> dict[str, int]:
    ids = {
        "dana": store.add_person(
            "Dana Ruiz", company="Stripe", role="engineer", title="Engineer", is_stub=True
        ),
        "priya": store.add_person("Priya Patel", company="Acme", closeness="close"),
        "marcus": store.add_person("Marcus Lee", company="Stripe", role="non_tech"),
        "gina": store.add_person("Gina Go", company="Google", role="engineer", is_stub=True),
    }
    store.log_interaction(ids["priya"], "coffee", at=NOW - timedelta(days=3))
    store.log_interaction(ids["priya"], "reply", direction="in", at=NOW - timedelta(days=4))
    store.add_link(ids["priya"], ids["dana"], "knows")
    for name in ("Stripe", "Google"):
        store.set_company_target(store.find_company(name)[0], True)
    return ids


async def test_targets_overview_and_paths_from_a_company(store: Store, settings: Settings) -> None:
    seed(store)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, CompaniesScreen)
        table = rows(app, "#companies")
        # targets first, the one with no way in at the top: Google has only a stub
        assert [r[:4] for r in table[:2]] == [
            ["★", "Google", "none", "0"],
            ["★", "Stripe", "good", "2"],
        ]
        assert table[2][2:4] == ["", ""]  # not a target: no overview
        await pilot.press("home", "down", "p")  # Stripe
        await settle(pilot)
        assert isinstance(app.screen, PathsScreen)
        paths = rows(app, "#paths")
        assert paths[0] == [
            "good",
            "Priya Patel (close friend, coffee 3 days ago) → knows Dana Ruiz, Engineer at "
            "Stripe → pitch",
        ]
        assert paths[1][1].startswith("Marcus Lee (acquaintance, nothing logged yet) works at")
        detail = str(app.screen.query_one("#paths-detail", Static).render())
        assert "c: ask Priya Patel for an introduction to Dana Ruiz" in detail
        await pilot.press("escape", "up", "p")  # Google: the empty state says what to do
        await settle(pilot)
        summary = str(app.screen.query_one("#paths-summary", Static).render())
        assert "no way in yet: add who you know there" in summary


async def test_compose_the_intro_ask_from_a_path(store: Store, settings: Settings) -> None:
    ids = seed(store)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await app.push_screen(PathsScreen(store.find_company("Stripe")[0]))
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        composer = app.screen
        assert isinstance(composer, ComposerScreen) and composer.person_id == ids["priya"]
        body = composer.query_one("#composer-body", TextArea).text
        assert "I saw you know Dana Ruiz, Engineer at Stripe: would you be up for" in body
        assert settings.blurb in body  # the note to forward, about the user
        assert "Hi Dana, I'm Alex Morgan" in body


async def test_logging_an_intro_adds_the_person_introduced(
    store: Store, settings: Settings
) -> None:
    ids = seed(store)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_person(ids["priya"])
        await settle(pilot)
        await pilot.press("l")
        await type_text(pilot, "intro yesterday: email to both of us")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, IntroducedScreen)
        await type_text(pilot, "Lena Ortiz @ Stripe, engineer")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        lena = store.search_people("Lena Ortiz")[0]
        assert (lena.company, lena.role, lena.stage) == ("Stripe", "engineer", "new")
        links = store.links_for(lena.id)
        assert [(link.other_id, link.label) for link in links] == [(ids["priya"], "introduced by")]
        assert store.timeline(lena.id)[0].summary == "Introduced by Priya Patel"
        assert "Lena Ortiz added, introduced by Priya Patel: pitch yourself" in notices(app)
        assert store.get_person(ids["priya"]).stage == "introduced"
        await pilot.press("u")  # undo takes the new person away again
        await settle(pilot)
        assert store.search_people("Lena Ortiz") == []


async def test_an_intro_to_someone_already_known_links_them(
    store: Store, settings: Settings
) -> None:
    ids = seed(store)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_person(ids["priya"])
        await settle(pilot)
        await pilot.press("l")
        await type_text(pilot, "intro")
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, "Dana Ruiz")
        await pilot.press("enter")
        await settle(pilot)
        dana = store.get_person(ids["dana"])
        assert not dana.is_stub  # introduced: a real contact now
        assert ("introduced by", ids["priya"]) in {
            (link.label, link.other_id) for link in store.links_for(ids["dana"])
        }
        assert len(store.search_people("Dana Ruiz")) == 1  # picked, not added twice
