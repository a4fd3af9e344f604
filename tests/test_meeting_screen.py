"""Meeting screens driven like a user drives them: real app, real temp database file."""

from __future__ import annotations

import stat
import time as time_module
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from netui.app import NetuiApp, make_app
from netui.db import Database
from netui.screens.brief import BriefScreen
from netui.screens.meeting import MeetingScreen
from netui.screens.meeting_dialogs import ExportPathScreen
from netui.screens.meeting_form import MeetingFormScreen
from netui.screens.upcoming import UpcomingScreen
from netui.settings import Settings
from netui.store import Store
from netui.widgets.people_table import PeopleTable
from tests.conftest import NOW, TODAY

SOON = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)  # Sat 28 Nov, 10:00 in New York


@pytest.fixture(autouse=True)
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times typed and shown are local: fix the zone so they are checkable."""
    monkeypatch.setenv("TZ", "America/New_York")
    time_module.tzset()
    yield
    monkeypatch.undo()
    time_module.tzset()


@pytest.fixture
def sam(store: Store) -> int:
    person_id = store.add_person(
        "Sam Rivera", company="Stripe", role="other_tech", city="Oakland",
        how_we_know="college", how_we_know_text="roommate sophomore year",
        notes="Loves climbing.",
    )  # fmt: skip
    store.log_interaction(
        person_id, "coffee", direction="out", at=datetime(2026, 11, 17, 18, tzinfo=UTC),
        summary="Talked about their team's on-call",
    )  # fmt: skip
    return person_id


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def open_screen(pilot: Pilot[Any], screen: Any) -> None:
    await settle(pilot)
    await pilot.app.push_screen(screen)
    await settle(pilot)


def head(app: NetuiApp) -> str:
    return str(app.screen.query_one("#meeting-head", Static).render())


def option_lines(app: NetuiApp, selector: str) -> list[str]:
    """What each row of an option list shows (markup removed)."""
    options = app.screen.query_one(selector, OptionList)
    return [
        Content.from_markup(str(options.get_option_at_index(i).prompt)).plain
        for i in range(options.option_count)
    ]


def checklist_lines(app: NetuiApp) -> list[str]:
    return option_lines(app, "#checklist")


def notices(app: NetuiApp) -> str:
    return " | ".join(str(n.message) for n in app._notifications)


async def test_plan_a_meeting_from_the_form(store: Store, settings: Settings, sam: int) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, MeetingScreen(sam))
        assert isinstance(app.screen, MeetingFormScreen)
        reminder = str(app.screen.query_one("#meeting-reminder", Static).render())
        assert "ideally a cafe" in reminder and "Oakland" in reminder
        await pilot.press(*"sat", "tab", *"10am", "tab", *"Blue Bottle Coffee", "tab")
        await pilot.press(*"Mint Plaza", "tab", *"An intro to an engineer on Payments")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        (meeting,) = store.meetings_for(sam)
        assert meeting.starts_at == SOON  # 10:00 local, stored in UTC
        assert meeting.ask == "An intro to an engineer on Payments"
        text = head(app)
        assert "Coffee with Sam Rivera · Stripe" in text
        assert "Sat 28 Nov 10:00 (in 2d) · Blue Bottle Coffee, Mint Plaza" in text
        assert "checklist 2/14" in text  # the place and the request are done
        lines = checklist_lines(app)
        assert lines[0].startswith("Before")
        assert "☑ Pick a place close to them, ideally a cafe" in lines[1]


async def test_a_bad_time_is_explained_and_nothing_is_saved(
    store: Store, settings: Settings, sam: int
) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, MeetingScreen(sam))
        await pilot.press(*"tomorrow", "tab", *"25:00", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MeetingFormScreen)
        error = str(app.screen.query_one("#me-time", Static).render())
        assert "Time '25:00' is not a time" in error
        assert store.meetings_for(sam) == []
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, (MeetingFormScreen, MeetingScreen))


async def test_ticks_persist_after_restarting_the_app(
    store: Store, settings: Settings, sam: int, db_path: Path
) -> None:
    meeting_id = store.plan_meeting(sam, SOON)  # no place yet: nothing ticked
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, MeetingScreen(sam, meeting_id))
        await pilot.press("space", "down", "down", "enter")  # space and enter both tick
        await settle(pilot)
        assert "checklist 2/14" in head(app)
        assert checklist_lines(app)[0].startswith("Before")
        assert "2/6" in checklist_lines(app)[0]

    db = Database.open(db_path)  # a second app on the same file
    try:
        again = make_app(Store(db, today=lambda: TODAY, now=lambda: NOW), settings)
        async with again.run_test(size=(100, 30)) as pilot:
            await open_screen(pilot, MeetingScreen(sam, meeting_id))
            lines = checklist_lines(again)
            assert "☑" in lines[1] and "Pick a place close to them" in lines[1]
            assert "☐" in lines[2] and "Confirm the day before" in lines[2]
            assert "☑" in lines[3] and "Review their timeline and notes" in lines[3]
            assert "checklist 2/14" in head(again)
    finally:
        db.close()


async def test_add_move_remove_and_undo_items(store: Store, settings: Settings, sam: int) -> None:
    meeting_id = store.plan_meeting(sam, SOON)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, MeetingScreen(sam, meeting_id))
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Bring a printed resume", "enter")
        await settle(pilot)
        before = [i.text for i in store.checklist(meeting_id) if i.phase == "before"]
        assert before[-1] == "Bring a printed resume"
        await pilot.press("K")  # move up
        await settle(pilot)
        before = [i.text for i in store.checklist(meeting_id) if i.phase == "before"]
        assert before[-2] == "Bring a printed resume"
        await pilot.press("d")
        await settle(pilot)
        assert "Bring a printed resume" not in [i.text for i in store.checklist(meeting_id)]
        assert "checklist 0/14" in head(app)
        await pilot.press("u")
        await settle(pilot)
        assert "Bring a printed resume" in [i.text for i in store.checklist(meeting_id)]
        assert "checklist 0/15" in head(app)


def brief_text(app: NetuiApp) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query_one("#brief").query(Static))


async def test_the_brief_is_one_screen(store: Store, settings: Settings, sam: int) -> None:
    meeting_id = store.plan_meeting(
        sam, SOON, place="Blue Bottle Coffee", ask="An intro to an engineer on Payments"
    )
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(pilot, MeetingScreen(sam, meeting_id))
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        body = brief_text(app)
        assert "An intro to an engineer on Payments" in body
        assert "engaged · other (tech): ask for an introduction to engineers at Stripe" in body
        assert "roommate sophomore year" in body
        assert "9d ago: → coffee — Talked about their team's on-call" in body
        assert "Checklist 2/14" in body
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)


async def test_a_full_brief_still_fits_80x24(store: Store, settings: Settings, sam: int) -> None:
    store.update_person(sam, notes="Climbs on weekends. " * 30, title="Account Executive")
    for day in range(6):
        store.log_interaction(
            sam, "message", direction="out", at=datetime(2026, 11, 10 + day, tzinfo=UTC),
            summary="A long summary of what we talked about that goes on and on " * 2,
        )  # fmt: skip
    meeting_id = store.plan_meeting(
        sam, SOON, place="Réveille Coffee Co.", address="Valencia St, San Francisco " * 3,
        ask="How the team hires, and whether they would introduce me to an engineer " * 2,
    )  # fmt: skip
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(pilot, BriefScreen(meeting_id))
        checklist = app.screen.query_one("#brief-checklist", Static)
        assert checklist.region.height == 1
        assert checklist.region.bottom <= 23  # above the footer: nothing to scroll to
        assert len(app.screen.query(".brief-last")) == 5


async def test_mark_done_then_the_follow_up_is_owed_until_sent(
    store: Store, settings: Settings, sam: int
) -> None:
    meeting_id = store.plan_meeting(
        sam, datetime(2026, 11, 24, 15, tzinfo=UTC), place="Blue Bottle Coffee"
    )
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, MeetingScreen(sam, meeting_id))
        await pilot.press("m")
        await settle(pilot)
        await pilot.press(*"Knows two engineers on Payments", "ctrl+s")
        await settle(pilot)
        meeting = store.get_meeting(meeting_id)
        assert meeting.status == "done" and meeting.follow_up_owed
        entry = store.timeline(sam)[0]
        assert (entry.kind, entry.summary) == ("coffee", "Knows two engineers on Payments")
        assert type(app.screen).__name__ == "ComposerScreen"
        assert app.screen.requested_intent == "follow_up"
        app.pop_screen()
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert "done · follow-up owed" in head(app)

        app.pop_screen()  # back to the People list
        await settle(pilot)
        table = app.screen.query_one(PeopleTable)
        assert "⚑ follow-up owed" in table.render_line(0).text

        draft_id = store.save_draft(
            sam, intent="follow_up", tone="warm", channel="email",
            subject="Thank you", body="Hi Sam, thanks for the coffee today!",
        )  # fmt: skip
        store.mark_sent(draft_id)
        await app.push_screen(MeetingScreen(sam, meeting_id))
        await settle(pilot)
        assert "follow-up owed" not in head(app)
        app.pop_screen()
        await settle(pilot)
        assert "follow-up owed" not in app.screen.query_one(PeopleTable).render_line(0).text


async def test_follow_up_sent_by_hand(store: Store, settings: Settings, sam: int) -> None:
    meeting_id = store.plan_meeting(sam, SOON)
    store.mark_done(meeting_id, "Good chat")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, MeetingScreen(sam, meeting_id))
        assert "follow-up owed" in head(app)
        await pilot.press("f")
        await settle(pilot)
        assert "follow-up owed" not in head(app)
        assert not store.get_meeting(meeting_id).follow_up_owed


async def test_cancel_then_reschedule(store: Store, settings: Settings, sam: int) -> None:
    meeting_id = store.plan_meeting(sam, SOON, place="Blue Bottle Coffee")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, MeetingScreen(sam, meeting_id))
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert store.get_meeting(meeting_id).status == "cancelled"
        assert "cancelled" in head(app)
        await pilot.press("r")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, MeetingFormScreen)
        assert form.query_one("#mf-date", Input).value == "2026-11-28"
        assert form.query_one("#mf-time", Input).value == "10:00"
        form.query_one("#mf-time", Input).value = "4:30pm"
        await pilot.press("ctrl+s")
        await settle(pilot)
        meeting = store.get_meeting(meeting_id)
        assert meeting.status == "planned"
        assert meeting.starts_at == datetime(2026, 11, 28, 21, 30, tzinfo=UTC)
        assert "Sat 28 Nov 16:30" in head(app)


async def test_m_on_someone_with_a_meeting_opens_it(
    store: Store, settings: Settings, sam: int
) -> None:
    meeting_id = store.plan_meeting(sam, SOON, place="Blue Bottle Coffee")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("m")  # on the People list, Sam highlighted
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.meeting_id == meeting_id
        await pilot.press("p")  # plan another
        await settle(pilot)
        assert isinstance(app.screen, MeetingFormScreen)
        statics = [str(widget.render()) for widget in app.screen.query(Static)]
        assert any("Already planned: Sat 28 Nov 10:00" in text for text in statics)


async def test_export_ics_from_the_meeting(
    store: Store, settings: Settings, sam: int, tmp_path: Path
) -> None:
    meeting_id = store.plan_meeting(sam, SOON, place="Blue Bottle Coffee")
    target = tmp_path / "sam.ics"
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, MeetingScreen(sam, meeting_id))
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportPathScreen)
        path_input = app.screen.query_one("#export-path", Input)
        assert path_input.value.endswith("meeting-2026-11-28-sam-rivera.ics")
        path_input.value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    event = Calendar.from_ical(target.read_text(encoding="utf-8")).events[0]
    assert str(event.start.tzinfo) == "America/New_York"
    assert event.start.astimezone(UTC) == SOON


async def test_upcoming_soonest_first_today_highlighted(
    store: Store, settings: Settings, sam: int
) -> None:
    priya = store.add_person("Priya Patel", company="Google", role="engineer")
    later = store.plan_meeting(sam, SOON)
    today = store.plan_meeting(priya, datetime(2026, 11, 26, 22, 0, tzinfo=UTC), place="Sightglass")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")  # from the People list
        await settle(pilot)
        assert isinstance(app.screen, UpcomingScreen)
        prompts = option_lines(app, "#upcoming")
        assert prompts[0] == "Coming up"
        assert prompts[1].startswith("●") and "Priya Patel @ Google" in prompts[1]
        assert "today" in prompts[1] and "Thu 26 Nov 17:00" in prompts[1]
        assert not prompts[2].startswith("●") and "Sam Rivera @ Stripe" in prompts[2]
        summary = str(app.screen.query_one("#upcoming-summary", Static).render())
        assert summary == "2 coming up, 1 today"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.meeting_id == today
        await pilot.press("escape", "down", "b")
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        assert app.screen.meeting_id == later


def test_checklist_snapshot(store: Store, settings: Settings, sam: int, snap_compare: Any) -> None:
    meeting_id = store.plan_meeting(
        sam, SOON, place="Blue Bottle Coffee", address="Mint Plaza",
        ask="An intro to an engineer on Payments",
    )  # fmt: skip
    for item in store.checklist(meeting_id)[1:3]:  # the place is ticked already
        store.toggle_item(item.id)
    app = make_app(store, settings, today=lambda: TODAY)

    async def ready(pilot: Pilot[Any]) -> None:
        await open_screen(pilot, MeetingScreen(sam, meeting_id))

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_brief_snapshot(store: Store, settings: Settings, sam: int, snap_compare: Any) -> None:
    meeting_id = store.plan_meeting(
        sam, SOON, place="Blue Bottle Coffee", address="Mint Plaza",
        ask="An intro to an engineer on Payments",
    )  # fmt: skip
    store.toggle_item(store.checklist(meeting_id)[1].id)  # the place is ticked already
    app = make_app(store, settings, today=lambda: TODAY)

    async def ready(pilot: Pilot[Any]) -> None:
        await open_screen(pilot, BriefScreen(meeting_id))

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
