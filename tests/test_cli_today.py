"""`netui today` and `netui stats` as a user runs them: a real process, without the UI or ORM."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from netui.store import Store
from tests.conftest import NOW, TODAY

# The CLI's read-only commands must run with Textual and SQLModel absent (the fast path).
BLOCKED = (
    "import sys\n"
    "class Block:\n"
    "    def find_spec(self, name, path=None, target=None):\n"
    "        if name.split('.')[0] in ('textual', 'sqlmodel', 'sqlalchemy'):\n"
    "            raise ImportError(f'{name} is blocked')\n"
    "sys.meta_path.insert(0, Block())\n"
    "from netui.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def netui(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCKED, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TZ": "UTC"},
    )


@pytest.fixture
def seeded(store: Store, db_path: Path) -> Path:
    sam = store.add_person("Sam Rivera", company="Stripe", stage="reconnecting")
    store.set_follow_up(sam, TODAY - timedelta(days=3))
    lin = store.add_person("Lin Zhao", company="Notion", closeness="close")
    store.log_interaction(lin, "coffee", at=NOW - timedelta(days=30))
    store.log_interaction(lin, "promise", direction="in", at=NOW - timedelta(days=29),
                          summary="Dana on infra")  # fmt: skip
    store.plan_meeting(sam, NOW + timedelta(hours=3), place="Blue Bottle")
    return db_path


def test_today_prints_each_section_and_the_week(seeded: Path) -> None:
    result = netui("--db", str(seeded), "today", "--date", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Today, Thursday 26 November 2026"
    assert lines[1] == "0 of 5 conversations this week (5 to go)"
    assert "Follow-ups due (1)" in lines
    assert "  3 days late      Sam Rivera @ Stripe  —  catch up" in lines
    assert "  today 18:00      Sam Rivera @ Stripe  —  Blue Bottle · b brief" in lines
    assert "  4 weeks ago      Lin Zhao @ Notion  —  said yes: Dana on infra" in lines
    assert any(line.startswith("  8 days over      Lin Zhao @ Notion") for line in lines)
    assert "Drafts not sent" not in result.stdout  # an empty section is left out


def test_today_json(seeded: Path) -> None:
    result = netui("--db", str(seeded), "today", "--json", "--date", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["day"] == "2026-11-26"
    assert data["week"]["goal"] == 5 and "two-way" in data["week"]["definition"]
    sections = {s["section"]: s for s in data["sections"]}
    assert list(sections) == ["follow_ups", "meetings", "promised", "going_cold"]
    assert sections["follow_ups"]["items"][0]["name"] == "Sam Rivera"


def test_stats_prints_the_progress_numbers(seeded: Path) -> None:
    result = netui("--db", str(seeded), "stats", "--date", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Conversations per week (goal 5)" in out
    assert "  26 Oct    1  #" in out  # the coffee 30 days before
    assert "  reconnecting                2" in out
    assert "No messages sent yet" in out
    data = json.loads(netui("--db", str(seeded), "stats", "--json").stdout)
    assert data["funnel"][0] == {"step": "reconnecting", "people": 2}


def test_bad_date_is_one_line(seeded: Path) -> None:
    result = netui("--db", str(seeded), "today", "--date", "26/11/2026")
    assert result.returncode != 0
    assert result.stderr == "netui: --date '26/11/2026' is not a date (use YYYY-MM-DD).\n"
