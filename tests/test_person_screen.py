"""The Person screen driven like a user drives it: real app, real temp database."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from netui.app import NetuiApp, make_app
from netui.enums import Stage
from netui.screens.followup import FollowUpScreen
from netui.screens.link import LinkScreen
from netui.screens.logform import LogFormScreen
from netui.screens.person import PersonScreen
from netui.screens.stage import StageScreen
from netui.settings import Settings
from netui.store import Store
from netui.widgets.people_table import PeopleTable
from netui.widgets.timeline_list import TimelineList
from tests.conftest import TODAY


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def prompts(app: NetuiApp, selector: str) -> list[str]:
    if selector == "#timeline":
        timeline = app.screen.query_one(selector, TimelineList)
        return [timeline.line_text(i) for i in range(timeline.line_count)]
    options = app.screen.query_one(selector, OptionList)
    return [
        Content.from_markup(str(options.get_option_at_index(i).prompt)).plain
        for i in range(options.option_count)
    ]


def text_of(app: NetuiApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


@pytest.fixture
def sam(store: Store) -> int:
    return store.add_person(
        "Sam Rivera", company="Stripe", title="Account Executive", role="other_tech",
        closeness="friend", how_we_know="college", email="sam@example.com",
    )  # fmt: skip


async def open_person(pilot: Pilot[Any], person_id: int) -> None:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, NetuiApp)
    app.open_person(person_id)
    await settle(pilot)
    assert isinstance(app.screen, PersonScreen)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def test_card_approach_and_next_step(store: Store, settings: Settings, sam: int) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person(pilot, sam)
        card = text_of(app, "#person-card")
        assert "Sam Rivera" in card and "Account Executive @ Stripe" in card
        assert "sam@example.com" in card and "no contact logged" in card
        plan = text_of(app, "#person-plan")
        assert "Stage new" in plan
        assert "Approach: ask for an introduction to engineers at Stripe" in plan
        assert "Next: Reconnect with Sam" in plan
        assert "Nothing logged yet" in prompts(app, "#timeline")[0]


async def test_log_a_coffee_from_one_line(store: Store, settings: Settings, sam: int) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person(pilot, sam)
        await pilot.press("l")
        assert app.screen.query_one("#log-input", Input).has_focus
        await type_text(pilot, "coffee yesterday: talked about their team's on-call")
        await pilot.press("enter")
        await settle(pilot)
        lines = prompts(app, "#timeline")
        assert lines[0] == "November 2026"
        assert lines[1].startswith("Wed 25") and "coffee" in lines[1]
        assert "talked about their team's on-call" in lines[1]
        assert store.get_person(sam).stage == Stage.engaged
        plan = text_of(app, "#person-plan")
        assert "Stage engaged" in plan
        assert "Next: Ask Sam for an intro to an engineer at Stripe" in plan
        assert "last contact yesterday" in text_of(app, "#person-card")
        assert not app.screen.query_one("#log-bar").has_class("open")


async def test_a_bad_line_is_explained_and_nothing_is_logged(
    store: Store, settings: Settings, sam: int
) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person(pilot, sam)
        await pilot.press("l")
        await type_text(pilot, "hungout: fun")
        await pilot.press("enter")
        await settle(pilot)
        assert "'hungout' is not something that happened" in text_of(app, "#log-error")
        assert store.timeline(sam) == []
        await pilot.press("escape")
        assert not app.screen.query_one("#log-bar").has_class("open")
        assert isinstance(app.screen, PersonScreen)


async def test_outgoing_message_schedules_follow_up_and_form_logs_details(
    store: Store, settings: Settings, sam: int
) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person(pilot, sam)
        await pilot.press("l")
        await type_text(pilot, "email: catching up")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, LogFormScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        [row] = store.timeline(sam)
        assert (row.kind, row.direction, row.summary) == ("email", "out", "catching up")
        assert store.get_person(sam).follow_up_on == date(2026, 12, 1)
        assert "follow up in 5d" in text_of(app, "#person-plan")


async def test_set_a_follow_up_and_see_it_on_the_people_list(
    store: Store, settings: Settings, sam: int
) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_person(pilot, sam)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        await pilot.press("down", "down", "down", "enter")  # In a week
        await settle(pilot)
        assert store.get_person(sam).follow_up_on == date(2026, 12, 3)
        assert "follow up in 7d" in text_of(app, "#person-plan")
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("tab")
        await type_text(pilot, "today")
        await pilot.press("enter")
        await settle(pilot)
        assert store.get_person(sam).follow_up_on == TODAY
        assert "Next: Follow up with Sam" in text_of(app, "#person-plan")
        await pilot.press("escape")
        await settle(pilot)
        table = app.screen.query_one(PeopleTable)
        lines = [table.render_line(y).text for y in range(2)]
        assert any("Sam Rivera" in line and "⚑ follow up today" in line for line in lines)


async def test_set_stage_backwards_and_undo(store: Store, settings: Settings, sam: int) -> None:
    store.log_interaction(sam, "coffee")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person(pilot, sam)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, StageScreen)
        await pilot.press("up", "enter")  # engaged -> reconnecting
        await settle(pilot)
        assert store.get_person(sam).stage == Stage.reconnecting
        await pilot.press("u")
        await settle(pilot)
        assert store.get_person(sam).stage == Stage.engaged
        assert "Stage engaged" in text_of(app, "#person-plan")


async def test_delete_an_entry_and_undo(store: Store, settings: Settings, sam: int) -> None:
    store.log_interaction(sam, "call", at=datetime(2026, 10, 2, 12, tzinfo=UTC), summary="old")
    store.log_interaction(sam, "coffee", at=datetime(2026, 11, 20, 12, tzinfo=UTC), summary="new")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person(pilot, sam)
        assert prompts(app, "#timeline")[0] == "November 2026"
        await pilot.press("d")  # the cursor starts on the newest entry
        await settle(pilot)
        assert [r.summary for r in store.timeline(sam)] == ["old"]
        lines = prompts(app, "#timeline")
        assert lines[0] == "October 2026" and "old" in lines[1]
        await pilot.press("u")
        await settle(pilot)
        assert [r.summary for r in store.timeline(sam)] == ["new", "old"]
        assert len(prompts(app, "#timeline")) == 4
        await pilot.press("down", "d")  # the cursor skips the month header between them
        await settle(pilot)
        assert [r.summary for r in store.timeline(sam)] == ["new"]


async def test_edit_an_entry_and_undo(store: Store, settings: Settings, sam: int) -> None:
    store.log_interaction(sam, "message", direction="out", summary="hi")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person(pilot, sam)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LogFormScreen)
        await pilot.press("end", "exclamation_mark", "ctrl+s")
        await settle(pilot)
        assert store.timeline(sam)[0].summary == "hi!"
        assert "hi!" in prompts(app, "#timeline")[1]
        await pilot.press("u")
        await settle(pilot)
        assert store.timeline(sam)[0].summary == "hi"


async def test_undo_a_log_puts_stage_and_follow_up_back(
    store: Store, settings: Settings, sam: int
) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person(pilot, sam)
        await pilot.press("l")
        await type_text(pilot, "message: hey")
        await pilot.press("enter")
        await settle(pilot)
        assert store.get_person(sam).stage == Stage.reconnecting
        await pilot.press("u")
        await settle(pilot)
        person = store.get_person(sam)
        assert (person.stage, person.follow_up_on, store.timeline(sam)) == (Stage.new, None, [])


async def test_link_two_people_and_follow_the_link(
    store: Store, settings: Settings, sam: int
) -> None:
    priya = store.add_person(
        "Priya Patel", company="Stripe", title="Staff Engineer", role="engineer"
    )
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person(pilot, sam)
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, LinkScreen)
        await type_text(pilot, "priya")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        assert "knows Priya Patel" in prompts(app, "#links")[0]
        await pilot.press("tab")  # to the links
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen) and app.screen.person_id == priya
        assert "Priya Patel" in text_of(app, "#person-card")
        assert "knows Sam Rivera" in prompts(app, "#links")[0]
        assert "Approach: pitch yourself (once you have caught up)" in text_of(app, "#person-plan")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen) and app.screen.person_id == sam
        assert app.focused is not None and app.focused.id == "links"  # focus came back
        await pilot.press("d")  # on the links list, d removes the link
        await settle(pilot)
        assert store.links_for(sam) == []
        assert "No links" in prompts(app, "#links")[0]
        await pilot.press("u")
        await settle(pilot)
        assert [link.other_id for link in store.links_for(sam)] == [priya]


async def test_link_a_stub_person(store: Store, settings: Settings, sam: int) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person(pilot, sam)
        await pilot.press("k")
        await settle(pilot)
        await type_text(pilot, "Sam's roommate at Stripe")
        await settle(pilot)
        assert "new stub person" in prompts(app, "#link-results")[-1]
        await pilot.press("down")  # into the results; the stub is the only choice
        await pilot.press("enter")
        await settle(pilot)
        [link] = store.links_for(sam)
        assert (link.other_name, link.other_is_stub) == ("Sam's roommate at Stripe", True)
        assert "(stub)" in prompts(app, "#links")[0]
        await pilot.press("u")
        await settle(pilot)
        assert store.links_for(sam) == []
        assert store.count_people() == 1


async def test_other_helpers_screens_are_reachable_or_explained(
    store: Store, settings: Settings, sam: int
) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person(pilot, sam)
        await pilot.press("b")  # no meeting yet: a notice, the screen stays
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        await pilot.press("e")
        await settle(pilot)
        assert type(app.screen).__name__ == "PersonFormScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)


def test_person_screen_snapshot(store: Store, settings: Settings, snap_compare: Any) -> None:
    sam = store.add_person(
        "Sam Rivera", company="Stripe", title="Account Executive", role="other_tech",
        closeness="friend", how_we_know="college", how_we_know_text="roommates",
        email="sam@example.com", city="San Francisco",
    )  # fmt: skip
    priya = store.add_person(
        "Priya Patel", company="Stripe", title="Staff Engineer", role="engineer"
    )
    store.log_interaction(
        sam, "message", direction="out", at=datetime(2026, 10, 28, 18, tzinfo=UTC),
        summary="Long time! How is Stripe?",
    )  # fmt: skip
    store.log_interaction(
        sam, "reply", direction="in", at=datetime(2026, 10, 29, 9, tzinfo=UTC),
        summary="Great to hear from you, coffee?",
    )  # fmt: skip
    store.log_interaction(
        sam, "coffee", at=datetime(2026, 11, 20, 17, tzinfo=UTC),
        summary="talked about their team's on-call",
    )  # fmt: skip
    store.add_link(sam, priya, "works_with")
    app = make_app(store, settings, today=lambda: TODAY)

    async def ready(pilot: Pilot[Any]) -> None:
        await open_person(pilot, sam)

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


async def test_r_reopens_a_saved_draft_in_the_composer(store: Store, settings: Settings) -> None:
    from netui.screens.composer import ComposerScreen
    from netui.screens.person import PersonScreen

    pid = store.quick_add("Sam Rivera @ Stripe, recruiter")
    draft_id = store.save_draft(
        pid, intent="intro", tone="warm", channel="email", subject="Intro?", body="Hi Sam"
    )
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.push_screen(PersonScreen(pid))
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ComposerScreen)
        assert app.screen.draft_id == draft_id
