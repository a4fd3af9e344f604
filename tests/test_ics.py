"""A meeting as .ics: parses back with icalendar, in the right time zone, written 0600."""

from __future__ import annotations

import stat
import time as time_module
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from netui.errors import InputError
from netui.ics import default_ics_name, meeting_ics, write_meeting_ics
from netui.store import Store

AT = datetime(2026, 12, 1, 14, 30, tzinfo=UTC)  # 09:30 in New York


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/New_York")
    time_module.tzset()
    yield
    monkeypatch.undo()
    time_module.tzset()


@pytest.fixture
def meeting_id(store: Store) -> int:
    priya = store.add_person("Priya Patel", company="Google", role="engineer")
    return store.plan_meeting(
        priya, AT, place="Blue Bottle Coffee", address="Castro St, Mountain View",
        ask="Feedback on my resume; how her team hires", notes="Bring the printed resume",
    )  # fmt: skip


def test_ics_parses_back_in_the_local_time_zone(
    store: Store, meeting_id: int, new_york: None
) -> None:
    calendar = Calendar.from_ical(meeting_ics(store, meeting_id))
    assert [tz.tz_name for tz in calendar.timezones] == ["America/New_York"]
    event = calendar.events[0]
    assert event.start == datetime(2026, 12, 1, 9, 30, tzinfo=ZoneInfo("America/New_York"))
    assert event.start.tzinfo == ZoneInfo("America/New_York")
    assert event.start.astimezone(UTC) == AT
    assert event.end - event.start == timedelta(hours=1)
    assert str(event["SUMMARY"]) == "Coffee with Priya Patel (Google)"
    assert str(event["LOCATION"]) == "Blue Bottle Coffee, Castro St, Mountain View"
    description = str(event["DESCRIPTION"])
    assert "My request: Feedback on my resume; how her team hires" in description
    assert "- Confirm the day before" in description
    assert str(event["STATUS"]) == "CONFIRMED"
    alarm = event.subcomponents[0]
    assert alarm["TRIGGER"].dt == timedelta(days=-1)


def test_ics_in_another_zone_is_the_same_instant(store: Store, meeting_id: int) -> None:
    text = meeting_ics(store, meeting_id, zone=ZoneInfo("Europe/Paris"))
    assert "DTSTART;TZID=Europe/Paris:20261201T153000" in text
    event = Calendar.from_ical(text).events[0]
    assert event.start.astimezone(UTC) == AT


def test_a_cancelled_meeting_exports_as_cancelled(store: Store, meeting_id: int) -> None:
    store.cancel_meeting(meeting_id)
    event = Calendar.from_ical(meeting_ics(store, meeting_id)).events[0]
    assert str(event["STATUS"]) == "CANCELLED"


def test_the_file_is_private_and_never_overwritten(
    store: Store, meeting_id: int, tmp_path: Path, new_york: None
) -> None:
    name = default_ics_name(store, meeting_id)
    assert name == "meeting-2026-12-01-priya-patel.ics"
    path = write_meeting_ics(store, meeting_id, tmp_path / name)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert Calendar.from_ical(path.read_text(encoding="utf-8")).events
    with pytest.raises(InputError, match="already exists; choose a new file name"):
        write_meeting_ics(store, meeting_id, path)
    with pytest.raises(InputError, match="is not a folder"):
        write_meeting_ics(store, meeting_id, tmp_path / "nowhere" / name)
