"""Today on a fresh network (#13 walkthrough): it says where the loop starts."""

from __future__ import annotations

from textual.widgets import Static

from netui.settings import Settings
from netui.store import Store
from tests.test_today_screen import app_for, open_today


async def test_nothing_due_says_who_was_never_contacted(store: Store, settings: Settings) -> None:
    store.quick_add("Jon Smith @ Stripe, Engineering Manager, Payments")
    store.quick_add("Priya Rao @ Datadog, recruiter")
    app = app_for(store, settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_today(pilot)
        empty = str(app.screen.query_one("#today-empty", Static).render())
        assert "Nothing to do today" in empty
        assert "2 people have nothing logged yet" in empty
        assert "Engage first: a casual message, no ask yet" in empty


async def test_an_empty_network_only_says_nothing_is_due(store: Store, settings: Settings) -> None:
    app = app_for(store, settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_today(pilot)
        empty = str(app.screen.query_one("#today-empty", Static).render())
        assert "Nothing to do today" in empty and "nothing logged yet" not in empty
