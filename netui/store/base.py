"""What every part of the Store shares: the database, transactions, the clock."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from netui.db import Database
from netui.errors import NotFoundError
from netui.timeutil import utcnow

if TYPE_CHECKING:
    from sqlmodel import Session

T = TypeVar("T")


def found(row: T | None, what: str, key: int) -> T:
    """The row looked up by id (an ORM object or an SQL row), or NotFoundError saying
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
    """Holds the Database; each write method runs in one transaction via `_tx()`."""

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
        self.writes = 0  # bumped after each committed write: screens refresh on change
        self._total_cache: tuple[tuple[int, bool], int] | None = None

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        """One ORM session in one write transaction (BEGIN IMMEDIATE): all or nothing.
        For writes only: reads go through `self.db.read()` and never take the write lock.
        Another program's lock held past the busy timeout raises BusyError; a fault of the
        place (a full disk, a read-only file) rolls back and raises its NetuiError."""
        from sqlalchemy.exc import DBAPIError
        from sqlmodel import Session

        self.db.require_healthy()  # never write to a file the start-up check found damaged
        try:
            with Session(self.db.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except DBAPIError as exc:
            if exc.orig is not None and (fault := self.db.fault(exc.orig)) is not None:
                raise fault from None
            raise
        except sqlite3.Error as exc:  # bulk SQL on the session's connection
            if (fault := self.db.fault(exc)) is not None:
                raise fault from None
            raise
        self.writes += 1

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE) on the driver connection: all or
        nothing, in plain SQL (`netui.store.sql`). A fault of the place (a full disk, a
        read-only file, another program's lock) rolls back and raises its NetuiError."""
        with self.db.write() as conn:
            yield conn

    def data_version(self) -> int:
        """Changes whenever anything commits: this process (ORM or bulk) or another one.
        A read changes nothing, so it never moves this (screens don't reload for it)."""
        return self.db.data_version() + self.writes + self.db.bulk_writes

    def data_version_of(self, conn: sqlite3.Connection) -> int:
        """`data_version()` (the connection is no longer needed: kept for callers)."""
        return self.data_version()
