"""A hand-edited JSON restore: every bad value is one error naming table, row and column,
and nothing is restored. A value the app cannot read (however it got there) is shown as it
is, never a crash."""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from netui.app import make_app
from netui.cli import main
from netui.db import Database
from netui.screens.person import PersonScreen
from netui.screens.person_form import PersonFormScreen
from netui.settings import Settings
from netui.store import Store
from netui.widgets.people_table import PeopleTable
from tests.conftest import NOW, TODAY


@pytest.fixture(scope="module")
def export() -> dict[str, Any]:
    """A small network exported as JSON: two companies, people, a timeline, a meeting."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "src.db")
        store = Store(db, today=lambda: TODAY, now=lambda: NOW)
        ana = store.add_person("Ana Testa", company="Stripe", follow_up_on="2026-12-01")
        ben = store.add_person("Ben Okafor", company="Acme", role="engineer")
        store.log_interaction(ana, "call", summary="talked about payments")
        store.add_link(ana, ben)
        store.plan_meeting(ben, datetime(2026, 12, 3, 9, 0, tzinfo=UTC), place="Blue Cafe")
        data = store.export_tables()
        db.close()
    return data


def _restore(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> tuple[int, str]:
    dump = tmp_path / "edited.json"
    dump.write_text(text, encoding="utf-8")
    target = tmp_path / "restored.db"
    code = main(["--db", str(target), "import", str(dump)])
    out = capsys.readouterr()
    return code, out.out + out.err


def _people_in(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM person").fetchone()[0])


def _set(table: str, column: str, value: Any, row: int = 0) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        block = data["tables"][table]
        block["rows"][row][block["columns"].index(column)] = value

    return edit


CASES = [
    ("person", "follow_up_on", "2024-13-45", "'2024-13-45' is not a date on the calendar"),
    ("person", "connected_on", "12/03/2024", "'12/03/2024' is not a date (YYYY-MM-DD)"),
    ("person", "last_contact", "yesterday", "'yesterday' is not a time"),
    ("person", "role", "wizard", "'wizard' is not one of: engineer,"),
    ("person", "stage", "Engaged", "'Engaged' is not one of: new,"),
    ("person", "closeness", None, "null is empty, and this column needs a value"),
    ("person", "company_id", 99, "99 names no row of table 'company' in the file"),
    ("person", "id", 2**70, "1180591620717411303424 is too large a number"),
    ("person", "id", 1, "1 is the id of an earlier row too"),
    ("person", "full_name", ["Ana"], "a list is not text"),
    ("person", "full_name", 7, "7 is not text"),
    ("person", "full_name", "\ud800na", "holds a broken character"),
    ("person", "is_stub", 0.5, "0.5 is not 0 or 1"),
    ("company", "id", "1", "'1' is not a whole number"),
    ("interaction", "kind", "telegram", "'telegram' is not one of: message,"),
    ("interaction", "at", "2026-02-30 10:00:00", "is not a time on the calendar"),
    ("interaction", "person_id", 12, "12 names no row of table 'person' in the file"),
    ("meeting", "status", "maybe", "'maybe' is not one of: planned, done, cancelled"),
    ("link", "person_b", True, "true is not a whole number"),
]


@pytest.mark.parametrize(("table", "column", "value", "expected"), CASES)
def test_a_bad_value_names_table_row_and_column_and_restores_nothing(
    export: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    table: str,
    column: str,
    value: Any,
    expected: str,
) -> None:
    data = copy.deepcopy(export)
    row = 1 if (table, column, value) == ("person", "id", 1) else 0
    _set(table, column, value, row)(data)
    code, printed = _restore(tmp_path, capsys, json.dumps(data))
    assert code == 1
    assert f"edited.json: table '{table}', row {row + 1}, column '{column}': " in printed
    assert expected in printed
    assert "nothing was restored" in printed
    assert printed.count("\n") == 1 and "Traceback" not in printed
    assert _people_in(tmp_path / "restored.db") == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[" * 100_000 + "]" * 100_000, "is nested too deeply"),
        (
            '{"format": "netui", "tables": {}, "schema": ' + "9" * 100_000 + "}",
            "holds a number of more than 4,300 digits",
        ),
        (
            '{"format": "netui", "tables": {"company": {"columns": ["id", "name", "name_key", '
            '"created_at"], "rows": [[1e999, "A", "a", "2026-01-01 00:00:00"]]}}}',
            "column 'id': inf is not a whole number",
        ),
        (
            '{"format": "netui", "tables": {"person": {"columns": ["id", "full_name"], '
            '"rows": [[1, "x"]]}}}',
            "table 'person' has no column 'created_at'",
        ),
        (
            '{"format": "netui", "tables": {"person": {"columns": ["id", "id"], "rows": []}}}',
            "names the column 'id' twice",
        ),
        (
            '{"format": "netui", "tables": {"\\u001b]0;x\\u0007": {}}}',
            "'\\x1b]0;x\\x07' is not a netui table",
        ),
    ],
)
def test_malformed_json_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    code, printed = _restore(tmp_path, capsys, text)
    assert code == 1
    assert expected in printed
    assert "unexpected error" not in printed and "\x1b" not in printed
    assert printed.count("\n") == 1


def test_a_constraint_the_database_enforces_names_the_row(
    export: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = copy.deepcopy(export)
    block = data["tables"]["link"]
    block["rows"][0][block["columns"].index("person_b")] = block["rows"][0][
        block["columns"].index("person_a")
    ]
    code, printed = _restore(tmp_path, capsys, json.dumps(data))
    assert code == 1
    assert "table 'link', row 1 breaks a rule of the database" in printed
    assert _people_in(tmp_path / "restored.db") == 0


def test_the_untouched_export_still_restores(
    export: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, printed = _restore(tmp_path, capsys, json.dumps(export))
    assert code == 0, printed
    assert "Restored edited.json: 2 companies, 2 people, 1 timeline entry" in printed


# ---- the app on values it cannot read ----------------------------------------------------

BAD_STORED = {
    "follow_up_on": "2024-13-45",
    "connected_on": "soon",
    "last_contact": "yesterday",
    "role": "wizard",
    "stage": "Engaged",
    "closeness": "bestie",
}


async def test_the_app_shows_unreadable_values_and_lets_the_user_fix_them(store: Store) -> None:
    pid = store.add_person("Bad Values", company="Acme")
    with sqlite3.connect(store.db.path) as conn:
        sets = ", ".join(f"{c} = ?" for c in BAD_STORED)
        conn.execute(f"UPDATE person SET {sets} WHERE id = ?", (*BAD_STORED.values(), pid))
    app = make_app(store, Settings(my_name="Alex Morgan"))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(PeopleTable)
        lines = [table.render_line(y).text for y in range(3)]
        assert any("Bad Values" in line and "? 2024-13-45" in line for line in lines)
        app.open_person(pid)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        card = str(app.screen.query_one("#person-card", Static).render())
        assert "Stored values netui cannot read:" in card
        for raw in BAD_STORED.values():
            assert f"'{raw}'" in card
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PersonFormScreen)
        follow = app.screen.query_one("#f-follow_up_on", Input)
        assert follow.value == "2024-13-45"  # shown as stored, for the user to correct
        follow.value = "2026-12-24"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    fixed = {column for column, _, _ in store.unreadable_values(pid)}
    assert "follow_up_on" not in fixed
    for column in ("role", "closeness"):  # the form saved the shown defaults
        assert column not in fixed
    assert store.get_person(pid).follow_up_on.isoformat() == "2026-12-24"
