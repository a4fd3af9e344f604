"""What every part of the Store shares: the database, transactions, the clock."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, TypeVar

from netui.db import Database
from netui.errors import NotFoundError
from netui.timeutil import utcnow

T = TypeVar("T")


def found(row: T | None, what: str, key: int) -> T:
    """The row looked up by id, or NotFoundError saying
    "There is no {what} #{key}." when there is none."""
    if row is None:
        raise NotFoundError(f"There is no {what} #{key}.")
    return row


def row_by_id(
    conn: sqlite3.Connection, table: str, columns: str, key: int, what: str = ""
) -> tuple[Any, ...]:
    """`SELECT columns FROM table WHERE id = key`: the one row, or NotFoundError naming
    `what` (the table's name unless given)."""
    row: tuple[Any, ...] | None = conn.execute(
        f"SELECT {columns} FROM {table} WHERE id = ?", (key,)
    ).fetchone()
    return found(row, what or table, key)


class StoreBase:
    """Holds the Database; each write method runs in one transaction via `_write()`."""

    def __init__(
        self,
        db: Database,
        *,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = utcnow,
        follow_up_days: int = 5,
    ) -> None:
        self.db = db
        self.today = today
        self.now = now
        self.follow_up_days = follow_up_days
        self._total_cache: tuple[tuple[int, bool], int] | None = None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE) on the driver connection: all or
        nothing, in plain SQL (`netui.store.sql`). A fault of the place (a full disk, a
        read-only file, another program's lock) rolls back and raises its NetuiError."""
        with self.db.write() as conn:
            yield conn

    def data_version(self) -> int:
        """Changes whenever anything commits: this process or another one.
        A read changes nothing, so it never moves this (screens don't reload for it)."""
        return self.db.data_version() + self.db.writes
