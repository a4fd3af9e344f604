"""A long timeline is all there: 2,000 and 20,000 entries scroll to the oldest, no cap."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from netui.app import make_app
from netui.screens.logform import LogFormScreen
from netui.settings import Settings
from netui.store import Store
from netui.timeutil import format_utc
from netui.widgets.timeline_list import TimelineList
from tests.conftest import TODAY
from tests.test_person_screen import open_person, settle

NEWEST = datetime(2026, 11, 25, 12, tzinfo=UTC)


def fill(store: Store, person_id: int, count: int) -> None:
    """`count` entries, one every 7 hours back from NEWEST, numbered from the newest (0)."""
    conn = sqlite3.connect(store.db.path)
    rows = [
        (person_id, "note", "none", format_utc(NEWEST - timedelta(hours=7 * i)),
         f"entry {i}", format_utc(NEWEST))
        for i in range(count)
    ]  # fmt: skip
    conn.executemany(
        "INSERT INTO interaction (person_id, kind, direction, at, summary, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.commit()
    conn.close()


def visible(timeline: TimelineList) -> list[str]:
    return [timeline.render_line(y).text for y in range(timeline.scrollable_content_region.height)]


@pytest.mark.parametrize("count", [2000, 20000])
async def test_end_shows_the_oldest_entry_and_home_the_newest(
    store: Store, settings: Settings, count: int
) -> None:
    sam = store.add_person("Sam Rivera", company="Stripe")
    fill(store, sam, count)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_person(pilot, sam)
        timeline = app.screen.query_one("#timeline", TimelineList)
        assert timeline.has_focus
        assert timeline.count == count
        shown = visible(timeline)
        assert shown[0].startswith("November 2026") and "entry 0" in shown[1]
        await pilot.press("end")
        await pilot.pause()
        shown = visible(timeline)
        oldest = f"entry {count - 1}"
        assert any(line.rstrip().endswith(oldest) for line in shown), shown
        assert not any(f"entry {count - 2} " in line for line in shown[-1:])  # last is oldest
        await pilot.press("enter")  # the highlighted entry is the oldest one, and opens
        await settle(pilot)
        assert isinstance(app.screen, LogFormScreen)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("pageup", "home")
        await pilot.pause()
        assert "entry 0" in visible(timeline)[1]


async def test_every_line_of_a_long_timeline_is_there_in_order(
    store: Store, settings: Settings
) -> None:
    """Month headers between months, every entry once, newest first, nothing after the end."""
    sam = store.add_person("Sam Rivera")
    fill(store, sam, 2000)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_person(pilot, sam)
        timeline = app.screen.query_one("#timeline", TimelineList)
        lines = [timeline.line_text(i) for i in range(timeline.line_count)]
        entries = [line for line in lines if "entry " in line]
        assert [int(e.rsplit(" ", 1)[1]) for e in entries] == list(range(2000))
        headers = [line for line in lines if "entry " not in line]
        assert headers[0] == "November 2026" and len(headers) == len(set(headers))
        assert len(headers) == len(store.timeline_months(sam))
        assert timeline.line_text(timeline.line_count) == ""
        month = ""
        for line in lines:  # each entry sits under the header of its own (local) month
            if "entry " not in line:
                month = line
                continue
            row = timeline.entry(int(line.rsplit(" ", 1)[1]))
            assert row is not None and f"{row.day:%B %Y}" == month


async def test_deleting_near_the_end_keeps_the_cursor_there(
    store: Store, settings: Settings
) -> None:
    sam = store.add_person("Sam Rivera")
    fill(store, sam, 2000)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_person(pilot, sam)
        timeline = app.screen.query_one("#timeline", TimelineList)
        await pilot.press("end", "up")
        await pilot.pause()
        await pilot.press("d")
        await settle(pilot)
        assert [r.summary for r in store.timeline_page(sam, 1997, 5)] == [
            "entry 1997",
            "entry 1999",
        ]
        assert timeline.count == 1999
        highlighted = timeline.highlighted_id
        assert (
            highlighted is not None and store.get_interaction(highlighted).summary == "entry 1999"
        )
        await pilot.press("u")  # undo: the entry is back, the cursor on it
        await settle(pilot)
        assert timeline.count == 2000
        assert store.get_interaction(timeline.highlighted_id or 0).summary == "entry 1998"
