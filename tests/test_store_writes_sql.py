"""What the store's writes put in the file, exactly: the text a raw SQL reader (another
tool, a backup, `netui restore`) sees, the clock that stamps it, undo values, and that a
broken rule writes nothing. The writes are plain SQL (netui/store/sql.py); these pin what
the ORM they replaced stored, so the move changed nothing a user can see."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from netui.db import Database
from netui.errors import InputError, NotFoundError
from netui.store import Store

# the store's clock: a moment far from real time, with microseconds the file never keeps
CLOCK = datetime(2001, 2, 3, 4, 5, 6, 789012, tzinfo=UTC)
STAMP = "2001-02-03 04:05:06"


@pytest.fixture
def old_store(db_path: Path) -> Iterator[Store]:
    db = Database.open(db_path)
    yield Store(db, today=lambda: date(2001, 2, 3), now=lambda: CLOCK)
    db.close()


def raw(path: Path, sql: str, *args: Any) -> tuple[Any, ...]:
    """One row as stored, each value with its SQLite type: ('text', '2001-...')."""
    with sqlite3.connect(path) as conn:
        row = conn.execute(sql, args).fetchone()
    assert row is not None, sql
    return tuple(row)


def typed(path: Path, table: str, key: int, *columns: str) -> tuple[Any, ...]:
    picks = ", ".join(f"typeof({c}), {c}" for c in columns)
    row = raw(path, f"SELECT {picks} FROM {table} WHERE id = ?", key)
    return tuple(zip(row[::2], row[1::2], strict=True))


def test_a_new_person_is_stored_as_text_dates_and_integers_stamped_by_the_stores_clock(
    old_store: Store, db_path: Path
) -> None:
    pid = old_store.add_person(
        "Jane Doe", company="Stripe", role="engineer", follow_up_on="2026-04-01",
        connected_on=date(2020, 1, 2), cadence_days="30",
    )  # fmt: skip
    columns = ("created_at", "updated_at", "follow_up_on", "connected_on", "role",
               "closeness", "is_stub", "cadence_days", "archived_at", "first_name")  # fmt: skip
    assert typed(db_path, "person", pid, *columns) == (
        ("text", STAMP), ("text", STAMP), ("text", "2026-04-01"), ("text", "2020-01-02"),
        ("text", "engineer"), ("text", "acquaintance"), ("integer", 0), ("integer", 30),
        ("null", None), ("text", "Jane"),
    )  # fmt: skip
    company_id = old_store.get_person(pid).company_id
    assert company_id is not None
    columns = ("name", "name_key", "created_at", "is_target", "aliases")
    assert typed(db_path, "company", company_id, *columns) == (
        ("text", "Stripe"), ("text", "stripe"), ("text", STAMP), ("integer", 0), ("text", ""),
    )  # fmt: skip
    old_store.archive_person(pid)
    assert typed(db_path, "person", pid, "archived_at") == (("text", STAMP),)
    old_store.restore_person(pid)
    assert typed(db_path, "person", pid, "archived_at") == (("null", None),)


def test_a_stub_and_its_link_are_stored_as_before(old_store: Store, db_path: Path) -> None:
    pid = old_store.add_person("Jane Doe")
    stub, link = old_store.add_stub_and_link(pid, "Sam's roommate at Figma", "works_with")
    assert typed(db_path, "person", stub, "is_stub", "first_name", "created_at") == (
        ("integer", 1), ("text", ""), ("text", STAMP),
    )  # fmt: skip
    assert typed(db_path, "link", link, "kind", "note", "created_at") == (
        ("text", "works_with"), ("text", ""), ("text", STAMP),
    )  # fmt: skip
    company = old_store.get_company(old_store.get_person(stub).company_id or 0)
    old_store.set_company_target(company.id, True)
    assert typed(db_path, "company", company.id, "is_target") == (("integer", 1),)


def test_undoing_an_edit_puts_back_the_exact_stored_values(store: Store, db_path: Path) -> None:
    pid = store.add_person(
        "Jane Doe", company="Stripe", role="engineer", closeness="close",
        follow_up_on="2026-04-01", cadence_days="30", title="Eng",
    )  # fmt: skip
    sql = "SELECT * FROM person WHERE id = ?"
    stored = raw(db_path, sql, pid)
    before = store.update_person(
        pid, company="Figma", role="recruiter", follow_up_on=None, cadence_days=None,
        title="Eng",
    )  # fmt: skip
    # what changed, each as the ORM read it: an enum as its text, a date as a date
    assert before == {
        "company": "Stripe", "role": "engineer", "follow_up_on": date(2026, 4, 1),
        "cadence_days": 30,
    }  # fmt: skip
    assert type(before["role"]) is str and type(before["follow_up_on"]) is date
    assert raw(db_path, sql, pid) != stored
    assert store.update_person(pid, **before) == {
        "company": "Figma", "role": "recruiter", "follow_up_on": None, "cadence_days": None,
    }  # fmt: skip
    assert raw(db_path, sql, pid) == stored  # byte for byte (the clock did not move)
    assert store.update_person(pid, title="Eng") == {}  # nothing changed: nothing written


def test_a_broken_rule_writes_nothing(store: Store, db_path: Path) -> None:
    pid = store.add_person("Jane Doe")
    meeting = store.plan_meeting(pid, datetime(2026, 12, 1, 12, tzinfo=UTC))
    request = next(i for i in store.checklist(meeting) if "request" in i.text.lower())
    with pytest.raises(InputError, match="There is no request yet"):
        store.toggle_item(request.id)
    assert not next(i for i in store.checklist(meeting) if i.id == request.id).done
    faults = {
        "There is no checklist item #999.": lambda: store.toggle_item(999),
        "There is no meeting #999.": lambda: store.add_checklist_item(999, "before", "x"),
        "There is no company #999.": lambda: store.merge_company_name(999, "Stripe"),
        "There is no person #999.": lambda: store.add_stub_and_link(999, "Sam at Newco"),
        "There is no link #999.": lambda: store.delete_link(999),
    }
    for message, write in faults.items():
        with pytest.raises((InputError, NotFoundError)) as fault:
            write()
        assert str(fault.value) == message
    with pytest.raises(NotFoundError) as fault:
        store.merge_people(pid, 999, {"company": "Newco"})
    assert str(fault.value) == "There is no person #999."
    assert store.companies() == []  # no company made on the way to the fault
    assert store.total_people() == 1
