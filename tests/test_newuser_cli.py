"""CLI rough edges a new user hit (#13 item 9): a real process, a real database file."""

from __future__ import annotations

from pathlib import Path

from netui.db import Database
from netui.store import Store
from tests.test_cli import netui


def test_meetings_with_none_says_so_and_how_to_plan_one(db_path: Path) -> None:
    assert netui("--db", str(db_path), "add", "Sam Rivera @ Stripe").returncode == 0
    result = netui("--db", str(db_path), "meetings")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "No meetings planned: in netui, pick a person and press m to plan one.\n"
    )
    assert result.stderr == ""


def test_quick_add_keeps_a_title_with_a_team(db_path: Path) -> None:
    line = "Jon Smith @ Stripe, Engineering Manager, Payments"
    added = netui("--db", str(db_path), "add", line)
    assert added.returncode == 0, added.stderr
    assert added.stdout == f"Added #1 {line} (eng manager, other).\n"
    db = Database.open(db_path)
    try:
        person = Store(db).get_person(1)
    finally:
        db.close()
    assert (person.title, person.role, person.notes) == (
        "Engineering Manager, Payments",
        "engineering_manager",
        "",
    )


def test_list_sorts_names_as_search_folds(db_path: Path) -> None:
    for line in ("Zoë Durand", "Émile Durand", "Eva Brown"):
        assert netui("--db", str(db_path), "add", line).returncode == 0
    listed = netui("--db", str(db_path), "list")
    names = [row.split("\t")[1] for row in listed.stdout.splitlines()]
    assert names == ["Émile Durand", "Eva Brown", "Zoë Durand"]
