"""The command line as a user runs it: a real process, a real database file."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from netui import __version__


def netui(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_version() -> None:
    result = netui("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"netui {__version__}"


def test_add_then_list(db_path: Path) -> None:
    result = netui("--db", str(db_path), "add", "Jane Doe @ Stripe, engineer, college")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Added #1 Jane Doe @ Stripe (engineer, college)."
    listed = netui("--db", str(db_path), "list", "jane")
    assert listed.stdout.split("\t")[:4] == ["1", "Jane Doe", "Stripe", "engineer"]
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_netui_db_env_is_used(tmp_path: Path) -> None:
    target = tmp_path / "from-env.db"
    result = netui("add", "Env Person", env={"NETUI_DB": str(target)})
    assert result.returncode == 0, result.stderr
    assert target.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "Bo, bo@bad"], "'bo@bad' is not an email address"),
        (["add", "@ Stripe"], "has no name before '@'"),
        (["frobnicate"], "invalid choice"),
        (["demo", "--people", "0"], "--people must be at least 1"),
    ],
)
def test_errors_are_one_line_without_traceback(
    db_path: Path, args: list[str], message: str
) -> None:
    result = netui("--db", str(db_path), *args)
    assert result.returncode != 0
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_newer_database_exits_2(db_path: Path) -> None:
    import sqlite3

    assert netui("--db", str(db_path), "add", "X").returncode == 0
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version=99")
    conn.close()
    result = netui("--db", str(db_path), "add", "Y")
    assert result.returncode == 2
    assert "newer netui" in result.stderr and "Traceback" not in result.stderr


def test_demo_people_and_backup(db_path: Path, tmp_path: Path) -> None:
    made = netui("--db", str(db_path), "demo", "--people", "500")
    assert made.returncode == 0 and "500" in made.stdout
    listed = netui("--db", str(db_path), "list", "--limit", "1000")
    assert len(listed.stdout.splitlines()) == 500
    target = tmp_path / "copy.db"
    backup = netui("--db", str(db_path), "backup", "--to", str(target))
    assert backup.returncode == 0, backup.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    again = netui("--db", str(db_path), "backup", "--to", str(target))
    assert again.returncode == 1 and "already exists" in again.stderr
    default = netui("--db", str(db_path), "backup")
    assert default.returncode == 0
    folder = db_path.parent / "backups"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in folder.iterdir())


def test_unexpected_errors_hide_personal_data(db_path: Path) -> None:
    """A crash prints the error's type, never the person's data or a traceback."""
    script = (
        "import sys; from netui import cli;"
        "cli.COMMANDS['add'] = lambda a, s, c: (_ for _ in ()).throw("
        "RuntimeError('Jane Secret jane@private.example'));"
        "sys.exit(cli.main(['--db', sys.argv[1], 'add', 'Jane Secret']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(db_path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "RuntimeError" in result.stderr
    assert "Jane" not in result.stderr and "Traceback" not in result.stderr


def test_settings_are_saved_privately_and_read_back(db_path: Path, tmp_path: Path) -> None:
    env = {"NETUI_CONFIG_DIR": str(tmp_path / "conf")}
    saved = netui("--db", str(db_path), "settings", "my_name", "Alex Morgan", env=env)
    assert saved.returncode == 0, saved.stderr
    assert netui("--db", str(db_path), "settings", "my_name", env=env).stdout.strip() == (
        "Alex Morgan"
    )
    bad = netui("--db", str(db_path), "settings", "follow_up_days", "soon", env=env)
    assert bad.returncode == 1 and "whole number" in bad.stderr
    unknown = netui("--db", str(db_path), "settings", "colour", "red", env=env)
    assert unknown.returncode == 1 and "'colour' is not a setting" in unknown.stderr
    path = tmp_path / "conf" / "settings.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert 'my_name = "Alex Morgan"' in path.read_text()
