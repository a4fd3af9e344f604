"""The composer writes on a channel the person can be reached on (email, else LinkedIn, else
a text for a phone), and says in one line when Email is picked for someone with no address."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from netui.screens.composer import ComposerScreen
from netui.settings import Settings
from netui.store import Store
from tests.test_composer_screen import app_for, open_composer, picked, settle, text_of

PEOPLE = [
    ("email", {"email": "sam@example.com", "phone": "+1 555 0100"}, "email", ""),
    ("linkedin", {"linkedin_url": "https://www.linkedin.com/in/sam"}, "linkedin_message", ""),
    ("phone", {"phone": "+1 555 0100"}, "dm", ""),
    ("instagram", {"instagram": "@sam"}, "dm", ""),
    (
        "nothing",
        {},
        "email",
        "No email address for Sam, nor LinkedIn or a phone: add one (e on their page).",
    ),
]


@pytest.mark.parametrize(("what", "fields", "channel", "says"), PEOPLE, ids=[p[0] for p in PEOPLE])
async def test_the_first_channel_reaches_them(
    store: Store, settings: Settings, what: str, fields: dict[str, str], channel: str, says: str
) -> None:
    sam = store.add_person("Sam Rivera", company="Stripe", role="other_tech", **fields)
    app = app_for(store, settings)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        assert picked(app, "channel") == channel
        check = " ".join(text_of(app, "#composer-lint").split())
        if says:
            assert says in check
        else:
            assert "No email address" not in check


async def test_picking_email_without_an_address_says_where_they_can_be_reached(
    store: Store, settings: Settings
) -> None:
    priya = store.add_person(
        "Priya Patel", company="Google", role="engineer",
        linkedin_url="https://www.linkedin.com/in/priya-demo",
    )  # fmt: skip
    app = app_for(store, settings)
    async with app.run_test(size=(100, 34)) as pilot:
        await open_composer(pilot, ComposerScreen(priya))
        app.screen.query_one("#composer-channel", Select).value = "email"
        await settle(pilot)
        check = " ".join(text_of(app, "#composer-lint").split())
        assert "No email address for Priya: pick LinkedIn message, or add one" in check
        app.screen.query_one("#composer-channel", Select).value = "linkedin_message"
        await settle(pilot)
        assert "No email address" not in text_of(app, "#composer-lint")
