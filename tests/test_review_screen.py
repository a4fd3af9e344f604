"""The Review screen end to end with Pilot: add, match, skip, not in tech, undo, empty."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from netui.app import NetuiApp, make_app
from netui.channels.read import read_archive
from netui.screens.person_form import PersonFormScreen
from netui.screens.review import ReviewScreen
from netui.screens.review_match import MatchScreen
from netui.settings import Settings
from netui.store import Store
from tests.channel_fixtures import ME, write_mbox, write_whatsapp_zip
from tests.conftest import TODAY
from tests.test_import_screen import settle


def text_of(app: NetuiApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def bring_in(store: Store, path: Path) -> None:
    store.ingest_channel(read_archive(path, my_emails=[ME], my_name="Alex Morgan"))


async def test_review_add_match_skip_not_tech_and_undo(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    kwame = store.add_person("Kwame B.", company="Lisbon Labs")
    bring_in(store, write_mbox(tmp_path / "takeout.mbox"))  # Priya, José, Kofi, Wen
    bring_in(store, write_whatsapp_zip(tmp_path / "chat.zip"))  # Kwame Boateng
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("R")  # from People
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert "0 of 5 reviewed" in text_of(app, "#review-progress")
        # best evidence first: two-way conversations, the latest first
        assert text_of(app, "#review-card").startswith("Kwame Boateng\nFrom: WhatsApp")
        await pilot.press("m")  # match him to "Kwame B."
        await settle(pilot)
        assert isinstance(app.screen, MatchScreen)
        await pilot.press("enter")  # the first suggestion
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert store.interaction_count(kwame) == 2
        assert "1 of 5 reviewed" in text_of(app, "#review-progress")

        card = text_of(app, "#review-card")
        assert card.startswith("Priya Raman  priya@fb.com")
        assert "From: mail" in card
        assert "Evidence: you wrote twice, last 3 Jan 2024; they replied" in card
        assert "Company (guessed): Meta" in card
        # two days of one thread: each line says its day, or they would read alike
        assert "· 3 Jan 2024 · Coffee next week? (1 message)" in card
        assert "· 2 Jan 2024 · Coffee next week? (2 messages)" in card
        await pilot.press("a")  # the person form, prefilled
        await settle(pilot)
        form = app.screen
        assert isinstance(form, PersonFormScreen)
        assert form.query_one("#f-full_name", Input).value == "Priya Raman"
        assert form.query_one("#f-email", Input).value == "priya@fb.com"
        assert form.query_one("#f-company", Input).value == "Meta"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert "2 of 5 reviewed" in text_of(app, "#review-progress")
        priya = next(r for r in store.search_people("Priya") if r.full_name == "Priya Raman")
        assert store.interaction_count(priya.id) == 2  # her conversation days moved over

        await pilot.press("s")
        await settle(pilot)
        assert "3 of 5 reviewed" in text_of(app, "#review-progress")
        second = text_of(app, "#review-card").split("  ")[0]
        await pilot.press("n")
        await settle(pilot)
        assert "4 of 5 reviewed" in text_of(app, "#review-progress")

        await pilot.press("u")  # not in tech taken back: that candidate is shown again
        await settle(pilot)
        assert "3 of 5 reviewed" in text_of(app, "#review-progress")
        assert text_of(app, "#review-card").startswith(second)
        await pilot.press("u", "u")  # the skip, then the add: Priya is no longer a person
        await settle(pilot)
        assert "1 of 5 reviewed" in text_of(app, "#review-progress")
        assert text_of(app, "#review-card").startswith("Priya Raman")
        assert [r.full_name for r in store.search_people("Priya")] == []
        await pilot.press("u")  # the match: Kwame B.'s timeline is as before
        await settle(pilot)
        assert "0 of 5 reviewed" in text_of(app, "#review-progress")
        assert store.interaction_count(kwame) == 0
        assert text_of(app, "#review-card").startswith("Kwame Boateng")

        await pilot.press("s")  # Kwame skipped: it survives a re-import
        await settle(pilot)
    bring_in(store, write_mbox(tmp_path / "takeout.mbox"))
    bring_in(store, write_whatsapp_zip(tmp_path / "chat.zip"))
    assert "Kwame Boateng" not in [c.name for c in store.waiting_candidates()]
    assert store.review_progress().text() == "1 of 5 reviewed"


async def test_review_with_nothing_waiting_says_where_candidates_come_from(
    store: Store, settings: Settings
) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(ReviewScreen())
        await settle(pilot)
        card = text_of(app, "#review-card")
        assert card.startswith("No candidates waiting for review.")
        assert "i on People" in card
        await pilot.press("s")  # nothing to decide: nothing happens, no error
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ReviewScreen)


async def test_review_says_what_you_said_about_the_guessed_company(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    # Priya writes from fb.com: netui guesses Meta, a well-known tech company; but you
    # said Meta is not tech (on Companies), and the card must say so rather than guess
    someone = store.add_person("Sam Lee", company="Meta")
    company_id = store.get_person(someone).company_id
    assert company_id is not None
    store.set_company_tech(company_id, "no")
    bring_in(store, write_mbox(tmp_path / "takeout.mbox"))
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        while not text_of(app, "#review-card").startswith("Priya Raman"):
            await pilot.press("right")
            await settle(pilot)
        card = text_of(app, "#review-card")
        assert "Company (guessed): Meta · not tech (you said so)" in card
