"""The person page as a new user read it (#13 item 10): real app, real file, 80 columns."""

from __future__ import annotations

from netui.app import make_app
from netui.settings import Settings
from netui.store import Store
from tests.conftest import TODAY
from tests.test_person_screen import open_person, prompts, settle, text_of, type_text


async def test_an_unknown_company_is_not_no_job(store: Store, settings: Settings) -> None:
    titled = store.add_person("Sam Rivera", title="Staff Engineer")
    placed = store.add_person("Mei Chen", company="Stripe")
    unknown = store.add_person("Bo Lee")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person(pilot, titled)
        card = text_of(app, "#person-card")
        assert "Staff Engineer @ company not noted" in card and "no job" not in card
        app.pop_screen()
        await open_person(pilot, placed)
        card = text_of(app, "#person-card")
        assert "title not noted @ Stripe" in card and "no job" not in card
        app.pop_screen()
        await open_person(pilot, unknown)
        assert "job not noted" in text_of(app, "#person-card")


async def test_a_logged_ask_shows_as_an_ask(store: Store, settings: Settings) -> None:
    sam = store.add_person("Sam Rivera", company="Stripe")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person(pilot, sam)
        await pilot.press("l")
        await type_text(pilot, "ask intro: to Dana on Payments")
        await pilot.press("enter")
        await settle(pilot)
        lines = prompts(app, "#timeline")
        entry = next(line for line in lines if "Dana" in line)
        assert "→ ask intro" in entry
        assert "→ intro " not in entry
        assert "Logged ask intro" in " | ".join(str(n.message) for n in app._notifications)


async def test_the_loggers_error_is_not_cut_at_80_columns(store: Store, settings: Settings) -> None:
    sam = store.add_person("Sam Rivera", company="Stripe")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person(pilot, sam)
        await pilot.press("l")
        await type_text(pilot, "picnicked yesterday: pho")
        await pilot.press("enter")
        await settle(pilot)
        error = app.screen.query_one("#log-error")
        message = str(error.render())
        assert message.startswith("'picnicked' is not something that happened")
        assert message.rstrip().endswith("note.")
        assert error.region.height * error.region.width >= len(message)  # wrapped, not cut
        assert error.region.bottom <= 23  # above the footer, inside the screen
