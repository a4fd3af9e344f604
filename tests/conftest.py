"""Shared fixtures: a real SQLite file in a temp folder, a fixed clock, the real app."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from netui.db import Database
from netui.settings import Settings
from netui.store import Store

TODAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real data and config folders."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("NETUI_CONFIG_DIR", str(tmp_path / "config" / "netui"))
    monkeypatch.delenv("NETUI_DB", raising=False)
    monkeypatch.setenv("TZ", "UTC")  # local-time rendering is the same on every machine
    time.tzset()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "netui.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    db = Database.open(db_path)
    yield Store(db, today=lambda: TODAY, now=lambda: NOW)
    db.close()


@pytest.fixture
def settings() -> Settings:
    return Settings(
        my_name="Alex Morgan",
        target_role="backend engineer",
        blurb="I build payment APIs in Python and Go.",
    )
