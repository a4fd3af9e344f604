"""Today and Progress driven like a user drives them: real app, real database, fixed clock."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from netui.app import NetuiApp, make_app
from netui.demo import seed_demo
from netui.screens.composer import ComposerScreen
from netui.screens.dialogs import ConfirmScreen
from netui.screens.progress import ProgressScreen
from netui.screens.today import TodayScreen
from netui.screens.today_dialogs import KeepInTouchScreen, LogLineScreen
from netui.settings import Settings
from netui.store import Store
from tests.conftest import NOW, TODAY


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def app_for(store: Store, settings: Settings) -> NetuiApp:
    return make_app(store, settings, today=lambda: TODAY)


async def open_today(pilot: Pilot[Any]) -> TodayScreen:
    await settle(pilot)
    await pilot.press("T")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, TodayScreen)
    return screen


def rows(app: NetuiApp) -> list[str]:
    listing = app.screen.query_one("#today", OptionList)
    return [str(listing.get_option_at_index(k).prompt) for k in range(listing.option_count)]


def headings(app: NetuiApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, TodayScreen) and screen.agenda is not None
    return [v.section.heading for v in screen.agenda.sections]


async def move_to(pilot: Pilot[Any], name: str, heading: str) -> None:
    """Put the cursor on `name`'s row in the section `heading`."""
    screen = pilot.app.screen
    assert isinstance(screen, TodayScreen)
    listing = screen.query_one("#today", OptionList)
    for k in range(listing.option_count):
        option = listing.get_option_at_index(k)
        item = screen.items.get(option.id or "")
        if item is not None and item.name == name and item.section.heading == heading:
            listing.highlighted = k
            await pilot.pause()
            return
    raise AssertionError(f"no row for {name} in {heading}: {rows(pilot.app)}")


def notices(app: NetuiApp) -> list[str]:
    return [n.message for n in app._notifications]


@pytest.fixture
def sam(store: Store) -> int:
    pid = store.add_person("Sam Rivera", company="Stripe", role="other_tech",
                           email="sam@example.com", stage="engaged")  # fmt: skip
    store.log_interaction(pid, "coffee", at=NOW - timedelta(days=9))
    store.set_follow_up(pid, TODAY - timedelta(days=2))
    return pid


async def test_compose_from_a_due_follow_up_clears_it_once_sent(
    store: Store, settings: Settings, sam: int
) -> None:
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_today(pilot)
        assert headings(app) == ["Follow-ups due"]
        assert any("2 days late" in r and "Sam Rivera @ Stripe" in r for r in rows(app))
        assert "conversations this week" in str(app.screen.query_one("#today-week").render())
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ComposerScreen)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert "Follow-ups due" not in headings(app)
    assert store.get_person(sam).follow_up_on == TODAY + timedelta(days=5)


async def test_done_clears_a_follow_up_and_undo_brings_it_back(
    store: Store, settings: Settings, sam: int
) -> None:
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_today(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert headings(app) == []
        assert app.screen.query_one("#today-empty", Static).display
        await pilot.press("u")
        await settle(pilot)
        assert headings(app) == ["Follow-ups due"]


async def test_snooze_moves_someone_going_cold_and_logs_nothing(
    store: Store, settings: Settings
) -> None:
    cara = store.add_person("Cara Close", closeness="close")
    store.log_interaction(cara, "call", at=NOW - timedelta(days=30))
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_today(pilot)
        assert headings(app) == ["Going cold"]
        await pilot.press("z")
        await settle(pilot)
        assert isinstance(app.screen, KeepInTouchScreen)
        await pilot.press("down", "enter")  # two weeks
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert headings(app) == []
        assert "Cara Close: snoozed to Thu 10 Dec." in notices(app)
    assert store.keep_in_touch(cara) == (None, TODAY + timedelta(days=14))
    assert store.interaction_count(cara) == 1


async def test_a_cadence_set_from_today_applies(store: Store, settings: Settings) -> None:
    cara = store.add_person("Cara Close", closeness="close")
    store.log_interaction(cara, "call", at=NOW - timedelta(days=30))
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_today(pilot)
        await pilot.press("z")
        await settle(pilot)
        await pilot.click("#keep-cadence")
        await pilot.press(*"45", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert headings(app) == []
    assert store.keep_in_touch(cara) == (45, None)


async def test_a_bad_cadence_from_today_says_what_the_form_says(
    store: Store, settings: Settings
) -> None:
    cara = store.add_person("Cara Close", closeness="close")
    store.log_interaction(cara, "call", at=NOW - timedelta(days=30))
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_today(pilot)
        await pilot.press("z")
        await settle(pilot)
        await pilot.click("#keep-cadence")
        await pilot.press(*"9999", "enter")
        await settle(pilot)
        assert isinstance(app.screen, KeepInTouchScreen)  # still open, nothing saved
        error = str(app.screen.query_one("#keep-error", Static).render())
        assert error.startswith("Keep in touch every 0 to 3650 days")
        assert "'9999'" in error
    assert store.keep_in_touch(cara) == (None, None)


async def test_a_logged_coffee_resets_the_cadence(store: Store, settings: Settings) -> None:
    cara = store.add_person("Cara Close", closeness="close")
    store.log_interaction(cara, "call", at=NOW - timedelta(days=30))
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_today(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LogLineScreen)
        await pilot.press(*"tomorrow", "enter")  # not a kind: one clear line, nothing logged
        await settle(pilot)
        assert "is not something that happened" in str(
            app.screen.query_one("#log-line-error", Static).render()
        )
        await pilot.press("ctrl+a", *"coffee: caught up on her new team", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert headings(app) == []
        assert "1 of 5 conversations this week" in str(app.screen.query_one("#today-week").render())
    assert store.timeline(cara)[0].kind == "coffee"


async def test_promised_intro_done_and_job_change_dismissed(
    store: Store, settings: Settings
) -> None:
    sam = store.add_person("Sam Rivera", company="Stripe")
    store.log_interaction(sam, "promise", direction="in", summary="Dana on Payments",
                          at=NOW - timedelta(days=3))  # fmt: skip
    kim = store.add_person("Kim Lee")
    note = store.log_interaction(kim, "note", summary="Now Staff Engineer at Plaid")
    from netui.store.agenda import note_job_change

    with store.db.write() as conn:
        note_job_change(conn, note, kim)
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_today(pilot)
        assert headings(app) == ["Intros promised to you", "Job changes"]
        await move_to(pilot, "Kim Lee", "Job changes")
        await pilot.press("d")
        await settle(pilot)
        assert headings(app) == ["Intros promised to you"]
        await move_to(pilot, "Sam Rivera", "Intros promised to you")
        await pilot.press("d")
        await settle(pilot)
        assert headings(app) == []
        await pilot.press("u")
        await settle(pilot)
        assert headings(app) == ["Intros promised to you"]


async def test_meeting_rows_open_the_brief_and_the_meeting(
    store: Store, settings: Settings
) -> None:
    priya = store.add_person("Priya Patel", company="Google")
    store.plan_meeting(priya, NOW + timedelta(hours=20), place="Blue Bottle")
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_today(pilot)
        assert headings(app) == ["Meetings in the next 48 hours"]
        await pilot.press("b")
        await settle(pilot)
        assert type(app.screen).__name__ == "BriefScreen"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "MeetingScreen"


async def test_today_and_progress_are_in_the_palette(store: Store, settings: Settings) -> None:
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Today" in titles and "Progress" in titles
        app.open_progress()
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen)


async def test_progress_empty_states_explain_what_will_appear(
    store: Store, settings: Settings
) -> None:
    app = app_for(store, settings)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_today(pilot)
        await pilot.press("g")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        assert not screen.query_one("#progress-weeks").display
        assert "No conversations in the last 12 weeks yet" in str(
            screen.query_one("#progress-weeks-empty", Static).render()
        )
        assert "No target companies yet" in str(
            screen.query_one("#progress-targets", Static).render()
        )


def test_progress_screen_snapshot(store: Store, settings: Settings, snap_compare: Any) -> None:
    seed_demo(store.db, today=TODAY)
    app = app_for(store, settings)

    async def ready(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        app.open_progress()
        await settle(pilot)

    assert snap_compare(app, terminal_size=(110, 48), run_before=ready)


def test_today_screen_snapshot(store: Store, settings: Settings, snap_compare: Any) -> None:
    seed_demo(store.db, today=TODAY)
    app = app_for(store, settings)

    async def ready(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        app.open_today()
        await settle(pilot)

    assert snap_compare(app, terminal_size=(110, 36), run_before=ready)


async def test_keep_in_touch_from_the_person_screen(store: Store, settings: Settings) -> None:
    fred = store.add_person("Fred Friend", closeness="friend")
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_person(fred)
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        assert isinstance(app.screen, KeepInTouchScreen)
        assert "keep in touch every 6 weeks (as a friend)" in str(
            app.screen.query_one("Label").render()
        )
        await pilot.click("#keep-cadence")
        await pilot.press(*"0", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, KeepInTouchScreen)
        assert "Fred Friend: keep in touch never." in notices(app)
    assert store.keep_in_touch(fred) == (0, None)
