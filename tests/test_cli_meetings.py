"""`netui meetings` and `netui export --format ics` as a user runs them: a real process."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from netui.store import Store

FAR = datetime(2099, 3, 2, 17, 30, tzinfo=UTC)  # upcoming whatever the real date is


def netui(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TZ": "Europe/Paris"},
    )


@pytest.fixture
def meeting_id(store: Store) -> int:
    priya = store.add_person("Priya Patel", company="Google", role="engineer")
    return store.plan_meeting(priya, FAR, place="Blue Bottle Coffee", ask="Resume feedback")


def test_meetings_lists_upcoming_in_local_time(db_path: Path, meeting_id: int) -> None:
    result = netui("--db", str(db_path), "meetings")
    assert result.returncode == 0, result.stderr
    fields = result.stdout.strip().split("\t")
    assert fields == [str(meeting_id), "2099-03-02 18:30", "Priya Patel", "Google",
                      "Blue Bottle Coffee", "2/14"]  # fmt: skip


def test_meetings_brief_prints_the_brief(db_path: Path, meeting_id: int) -> None:
    result = netui("--db", str(db_path), "meetings", "--brief", str(meeting_id))
    assert result.returncode == 0, result.stderr
    assert "Ask       Resume feedback" in result.stdout
    assert "engineer: pitch yourself" in result.stdout
    missing = netui("--db", str(db_path), "meetings", "--brief", "99")
    assert missing.returncode == 1
    assert missing.stderr.strip() == "netui: There is no meeting #99."


def test_export_a_meeting_as_ics(db_path: Path, meeting_id: int, tmp_path: Path) -> None:
    target = tmp_path / "priya.ics"
    result = netui(
        "--db", str(db_path), "export", "--format", "ics", "--meeting", str(meeting_id),
        "-o", str(target),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    event = Calendar.from_ical(target.read_text(encoding="utf-8")).events[0]
    assert str(event.start.tzinfo) == "Europe/Paris"
    assert event.start.astimezone(UTC) == FAR
