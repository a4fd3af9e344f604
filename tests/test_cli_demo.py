"""The demo as a new user meets it: its own database and settings, never the user's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.test_cli import netui


def _people(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM person").fetchone()[0])
    finally:
        conn.close()


def test_demo_people_refuses_a_database_with_real_people(db_path: Path) -> None:
    assert netui("--db", str(db_path), "add", "Jane Doe @ Stripe").returncode == 0
    refused = netui("--db", str(db_path), "demo", "--people", "10")
    assert refused.returncode == 1
    assert "already holds 1 person" in refused.stderr and "--force" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert _people(db_path) == 1
    forced = netui("--db", str(db_path), "demo", "--people", "10", "--force")
    assert forced.returncode == 0, forced.stderr
    assert _people(db_path) == 11


def test_demo_people_twice_on_one_file_does_not_crash(db_path: Path) -> None:
    assert netui("--db", str(db_path), "demo", "--people", "10").returncode == 0
    again = netui("--db", str(db_path), "demo", "--people", "10", "--force")
    assert again.returncode == 0, again.stderr
    assert "Wrote 10 people" in again.stdout
    assert _people(db_path) == 20


def test_bare_demo_people_writes_the_demo_database(tmp_path: Path) -> None:
    made = netui("demo", "--people", "5")
    assert made.returncode == 0, made.stderr
    assert "demo.db" in made.stdout
    assert not (tmp_path / "data" / "netui" / "netui.db").exists()
    listed = netui("--demo", "list")
    assert len(listed.stdout.splitlines()) == 5


def test_demo_with_a_command_runs_it_on_the_demo_network(tmp_path: Path) -> None:
    listed = netui("--demo", "list")
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) > 20  # the curated demo network, seeded
    assert not (tmp_path / "data" / "netui" / "netui.db").exists()
    assert netui("--demo", "--db", str(tmp_path / "x.db"), "list").returncode == 1


def test_demo_settings_are_separate(tmp_path: Path) -> None:
    shown = netui("--demo", "settings", "my_name")
    assert shown.stdout.strip() == "Alex Morgan"
    assert netui("--demo", "settings", "my_name", "Demo Dana").returncode == 0
    assert netui("settings", "my_name").stdout.strip() == ""
    assert netui("--demo", "settings", "my_name").stdout.strip() == "Demo Dana"
    real = tmp_path / "config" / "netui" / "settings.toml"
    assert not real.exists()


def test_settings_opens_no_database(tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    assert netui("--db", str(db), "settings").returncode == 0
    assert netui("--db", str(db), "settings", "my_name", "Robin").returncode == 0
    assert not db.exists()
    assert not (tmp_path / "data" / "netui" / "netui.db").exists()
