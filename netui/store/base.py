"""What every part of the Store shares: the database, transactions, the clock."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING

from netui.db import Database
from netui.timeutil import utcnow

if TYPE_CHECKING:
    from sqlmodel import Session


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
        """One ORM session in one explicit transaction (BEGIN IMMEDIATE): all or nothing."""
        from sqlmodel import Session

        self.db.require_healthy()  # never write to a file the start-up check found damaged
        with Session(self.db.engine, expire_on_commit=False) as session, session.begin():
            yield session
        self.writes += 1

    def data_version(self) -> int:
        """Changes whenever anything commits: this process (ORM or bulk) or another one."""
        with self.db.read() as conn:
            return self.data_version_of(conn)

    def data_version_of(self, conn: sqlite3.Connection) -> int:
        # PRAGMA data_version moves when *other* connections commit; add our own writes.
        version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        return version + self.writes + self.db.bulk_writes
