"""Writes in plain SQL on the driver connection: the values a row stores, one insert,
one update, one row read inside the write transaction. The migrations own the tables;
this is how every store write reaches them (see `StoreBase._write`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from netui.store.base import found
from netui.timeutil import format_utc


def to_sql(value: object) -> object:
    """A Python value as the table stores it: an aware datetime as UTC text
    ('YYYY-MM-DD HH:MM:SS'), a date as 'YYYY-MM-DD', a bool as 0/1, an enum as its
    value; anything else as it is."""
    if isinstance(value, datetime):
        return format_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Enum):
        return value.value
    return value


def marks(count: int) -> str:
    """`count` SQL placeholders: '?, ?, ?' for 3 (an IN list, a VALUES row)."""
    return ", ".join("?" * count)


def insert(conn: sqlite3.Connection, table: str, values: Mapping[str, object]) -> int:
    """INSERT one row of `values` (column -> Python value); returns its id."""
    columns = ", ".join(values)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks(len(values))})"
    cursor = conn.execute(sql, [to_sql(v) for v in values.values()])
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def update(conn: sqlite3.Connection, table: str, key: int, values: Mapping[str, object]) -> None:
    """UPDATE the row `key` with `values` (column -> Python value); nothing when empty."""
    if not values:
        return
    sets = ", ".join(f"{column} = ?" for column in values)
    conn.execute(
        f"UPDATE {table} SET {sets} WHERE id = ?", [*(to_sql(v) for v in values.values()), key]
    )


def record(
    conn: sqlite3.Connection, table: str, key: int, what: str = "", columns: str = "*"
) -> dict[str, Any]:
    """The row `key` as column -> stored value, or NotFoundError "There is no {what} #key."
    (`what` defaults to the table's name)."""
    cursor = conn.execute(f"SELECT {columns} FROM {table} WHERE id = ?", (key,))
    row = found(cursor.fetchone(), what or table, key)
    return {d[0]: value for d, value in zip(cursor.description, row, strict=True)}
