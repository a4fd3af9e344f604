"""User text that looks like markup ('[/b]', '[link=x]', '[bold') is shown as typed on every
screen a person reaches, never parsed: a name like '[/b] Ana [red]' crashed a form once."""

from __future__ import annotations

from contextlib import suppress
from datetime import timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import WorkerCancelled

from netui.app import make_app
from netui.channels.read import read_archive
from netui.screens.brief import BriefScreen
from netui.screens.companies import CompaniesScreen
from netui.screens.composer import ComposerScreen
from netui.screens.duplicates import DuplicatesScreen
from netui.screens.filters import FiltersScreen
from netui.screens.followup import FollowUpScreen
from netui.screens.importer import ImportScreen
from netui.screens.link import LinkScreen
from netui.screens.meeting import MeetingScreen
from netui.screens.meeting_form import MeetingFormScreen
from netui.screens.paths import PathsScreen
from netui.screens.person import PersonScreen
from netui.screens.person_form import PersonFormScreen
from netui.screens.review import ReviewScreen
from netui.screens.stage import StageScreen
from netui.screens.today import TodayScreen
from netui.screens.upcoming import UpcomingScreen
from netui.settings import Settings
from netui.store import PeopleQuery, Store
from tests.channel_fixtures import ME, mail_message, write_mbox
from tests.conftest import NOW, TODAY

NAME = "[/b] Ana [red]"
COMPANY = "[link=x]Co[/link]\\"  # a backslash last would break the next tag
TITLE = "Dana [bold"
NOTE = "[/red] met at [b]PyCon"
SUMMARY = "[/i] coffee about [i]Go"
PLACE = "[/b] Café [u]"
SENDER = "[/b] Mx Lee [red]"
# netui's own tags: shown as text only if a lone '[' in user text swallowed the next tag
LEAKED = ("[/]", "[dim]", "[/dim]", "[b $")


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        with suppress(WorkerCancelled):  # a newer reload replaced an older one
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def shown(screen: Screen[Any]) -> str:
    """What the screen draws, line by line (wide enough that nothing here is cut)."""
    return "\n".join(strip.text for strip in screen._compositor.render_strips())


async def visit(pilot: Pilot[Any], screen: Screen[Any], *expected: str) -> str:
    await pilot.app.push_screen(screen)
    await settle(pilot)
    assert pilot.app.screen is screen, f"{type(screen).__name__} did not open"
    text = shown(screen)
    for tag in LEAKED:
        assert tag not in text, f"{type(screen).__name__} shows its markup {tag!r}:\n{text}"
    for literal in expected:
        assert literal in text, f"{type(screen).__name__} does not show {literal!r}:\n{text}"
    return text


async def leave(pilot: Pilot[Any]) -> None:
    pilot.app.pop_screen()
    await settle(pilot)


def seed(store: Store, tmp_path: Path) -> dict[str, int]:
    ana = store.add_person(
        NAME, company=COMPANY, title=TITLE, notes=NOTE, role="engineer", next_step=NOTE
    )
    dana = store.add_person(TITLE, company=COMPANY, closeness="close")
    twin = store.add_person(NAME, company=COMPANY)  # a duplicate pair
    store.log_interaction(ana, "coffee", at=NOW - timedelta(days=40), summary=SUMMARY)
    store.log_interaction(dana, "coffee", at=NOW - timedelta(days=3), summary=SUMMARY)
    store.add_link(dana, ana, "knows")
    company = store.find_company(COMPANY)[0]
    store.set_company_target(company, True)
    meeting = store.plan_meeting(ana, NOW + timedelta(days=1), place=PLACE, notes=NOTE, ask=NOTE)
    store.save_draft(
        ana, intent="intro", tone="casual", channel="email", subject=SUMMARY, body=NOTE
    )
    mbox = write_mbox(
        tmp_path / "takeout.mbox",
        [
            mail_message(f"{SENDER} <mx@lee.example>", ME, "Tue, 2 Jan 2024 09:00:00 +0000", NOTE),
            mail_message(ME, f"{SENDER} <mx@lee.example>", "Tue, 2 Jan 2024 10:00:00 +0000", NOTE),
        ],
    )
    store.ingest_channel(read_archive(mbox, my_emails=[ME], my_name="Alex Morgan"))
    return {"ana": ana, "dana": dana, "twin": twin, "company": company, "meeting": meeting}


async def test_markup_like_text_is_shown_as_typed_everywhere(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    ids = seed(store, tmp_path)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert "[/b] Ana [red]" in shown(app.screen)  # People
        ana = ids["ana"]
        await visit(pilot, PersonScreen(ana), NAME, COMPANY, TITLE, SUMMARY)
        await visit(pilot, PersonFormScreen(ana), f"Edit {NAME}")
        await leave(pilot)
        await visit(pilot, StageScreen("new", NAME), NAME)
        await leave(pilot)
        await visit(pilot, FollowUpScreen(ana), "Follow up with [/b]")  # the first name
        await leave(pilot)
        await visit(pilot, LinkScreen(ana), f"Link {NAME} to")
        await leave(pilot)
        await leave(pilot)
        await visit(pilot, ComposerScreen(ana), NAME)
        await leave(pilot)
        await visit(pilot, MeetingScreen(ana, ids["meeting"]), NAME, PLACE)
        await visit(pilot, MeetingFormScreen(ana, ids["meeting"]), NAME)
        await leave(pilot)
        await leave(pilot)
        await visit(pilot, BriefScreen(ids["meeting"]), NAME, PLACE)
        await leave(pilot)
        await visit(pilot, UpcomingScreen(), NAME)
        await leave(pilot)
        await visit(pilot, TodayScreen(), NAME)
        await leave(pilot)
        await visit(pilot, FiltersScreen(PeopleQuery()))  # companies listed in a Select
        await leave(pilot)
        await visit(pilot, CompaniesScreen(), COMPANY)
        await leave(pilot)
        await visit(pilot, PathsScreen(ids["company"]), COMPANY, TITLE)
        await leave(pilot)
        await visit(pilot, DuplicatesScreen(), NAME)
        await pilot.press("enter")  # compare the pair: both names in its heading
        await settle(pilot)
        text = shown(app.screen)
        assert NAME in text and "kept)" in text and not any(t in text for t in LEAKED), text
        await leave(pilot)
        await visit(pilot, ReviewScreen(), "[/b] Mx Lee", NOTE)  # the reader drops "[red]"
        await leave(pilot)
        # a contacts file whose path, column and cells look like markup: the Import preview
        sheet = tmp_path / "[b] people [dim.csv"
        sheet.write_text(f"Full Name,Company,[/dim] Title\n{SENDER},{COMPANY},{TITLE}\n")
        importer = ImportScreen()
        await visit(pilot, importer)
        importer.query_one("#import-path", Input).value = str(sheet)
        await pilot.press("enter")
        await settle(pilot)
        text = shown(importer)
        assert SENDER in text and COMPANY in text and "[b] people [dim.csv" in text, text
        await leave(pilot)
        # ctrl+p finds people by name: the palette shows the hit as typed
        await pilot.press("ctrl+p")
        await settle(pilot)
        for key in "Ana":
            await pilot.press(key)
        for _ in range(5):
            await settle(pilot)
        assert f"{NAME} @ {COMPANY}" in shown(app.screen), shown(app.screen)
        await pilot.press("escape")
        await settle(pilot)
        # notices quoting a name: archive from People, then undo
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert "Archived [/b] Ana [red]" in shown(app.screen) or "Archived [/b]" in " ".join(
            str(n.message) for n in app._notifications
        )
