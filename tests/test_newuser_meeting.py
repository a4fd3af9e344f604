"""The meeting loop closes itself (#13 item 8): driven as a user drives it, real app and file."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from netui.app import make_app
from netui.errors import InputError
from netui.screens.brief import BriefScreen
from netui.screens.meeting import MeetingScreen
from netui.screens.meeting_dialogs import RequestScreen
from netui.settings import Settings
from netui.store import Store
from tests.conftest import TODAY
from tests.test_meeting_screen import checklist_lines, head, open_screen, settle

PAST = datetime(2026, 11, 24, 15, tzinfo=UTC)
SOON = datetime(2026, 11, 28, 15, tzinfo=UTC)


@pytest.fixture
def sam(store: Store) -> int:
    return store.add_person("Sam Rivera", company="Stripe", role="other_tech", city="Oakland")


def after_header(lines: list[str]) -> str:
    return next(line for line in lines if line.startswith("After"))


async def test_mark_done_then_follow_up_sent_ticks_the_after_items(
    store: Store, settings: Settings, sam: int
) -> None:
    meeting_id = store.plan_meeting(sam, PAST, place="Blue Bottle Coffee")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(pilot, MeetingScreen(sam, meeting_id))
        assert after_header(checklist_lines(app)) == "After  0/2"
        await pilot.press("m")
        await settle(pilot)
        await pilot.press(*"Knows two engineers on Payments", "ctrl+s")
        await settle(pilot)
        app.pop_screen()  # the composer opened for the follow-up; sent outside netui
        await settle(pilot)
        assert after_header(checklist_lines(app)) == "After  1/2"  # the notes are logged
        await pilot.press("f")
        await settle(pilot)
        assert after_header(checklist_lines(app)) == "After  2/2"
        lines = checklist_lines(app)
        assert any("☑" in line and "Send the follow-up email" in line for line in lines)
        assert any("☑" in line and "Log notes and the next step" in line for line in lines)


def test_a_follow_up_sent_from_the_composer_ticks_its_item(store: Store, sam: int) -> None:
    meeting_id = store.plan_meeting(sam, PAST)
    store.mark_done(meeting_id, "")  # no notes typed: that item stays open
    draft_id = store.save_draft(
        sam, intent="follow_up", tone="warm", channel="email", subject="Thank you",
        body="Hi Sam, thanks for the coffee today!",
    )  # fmt: skip
    store.mark_sent(draft_id)
    after = {i.text: i.done for i in store.checklist(meeting_id) if i.phase == "after"}
    assert after == {
        "Send the follow-up email right away": True,
        "Log notes and the next step": False,
    }
    assert not store.get_meeting(meeting_id).follow_up_owed


async def test_the_request_item_cannot_be_ticked_without_a_request(
    store: Store, settings: Settings, sam: int
) -> None:
    meeting_id = store.plan_meeting(sam, SOON)
    item = next(i for i in store.checklist(meeting_id) if i.text == "Prepare one clear request")
    with pytest.raises(InputError, match="no request yet"):
        store.toggle_item(item.id)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(pilot, MeetingScreen(sam, meeting_id))
        assert "Ask: no request yet" in head(app)
        for _ in range(3):  # to "Prepare one clear request", the 4th item of Before
            await pilot.press("down")
        await pilot.press("space")
        await settle(pilot)
        assert isinstance(app.screen, RequestScreen)  # offered to write it instead
        await pilot.press("escape")
        await settle(pilot)
        assert not store.checklist(meeting_id)[3].done
        await pilot.press("space")
        await settle(pilot)
        await pilot.press(*"An intro to an engineer on Payments", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert store.get_meeting(meeting_id).ask == "An intro to an engineer on Payments"
        assert store.checklist(meeting_id)[3].done
        assert "Ask: An intro to an engineer on Payments" in head(app)
        assert "checklist 1/14" in head(app)


async def test_the_brief_shows_the_meetings_own_notes_whole(
    store: Store, settings: Settings, sam: int
) -> None:
    plan = "\n".join(f"{k}. Point number {k} I want to raise about their team" for k in range(1, 9))
    meeting_id = store.plan_meeting(sam, SOON, ask="An intro", notes=plan)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(pilot, BriefScreen(meeting_id))
        shown = str(app.screen.query_one(".brief-meeting-notes").render())
        for k in range(1, 9):
            assert f"{k}. Point number {k} I want to raise about their team" in shown
