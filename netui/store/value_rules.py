"""What a stored value must look like, column by column: one set of rules for JSON restore
and for the app's check of a row it is about to show.

The rules come from the schema the migrations make (PRAGMA table_info: a whole number or
text, nullability; foreign_key_list: what points where), so a new column is checked without
a word here; what SQL's two types cannot say (an enum, a bool, a date or a time) comes from
the person spec for person and from `_FINER` for the other tables. Each check returns a
short phrase ("is not a date (YYYY-MM-DD)") or None.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

from netui.textsafe import for_terminal
from netui.timeutil import STORAGE_FORMAT

TEXT_LIMIT = 1_000_000  # characters in one value: the CSV importer's cell limit
INT_MIN, INT_MAX = -(2**63), 2**63 - 1  # what SQLite's INTEGER holds
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")


@dataclass(frozen=True)
class ColumnRule:
    table: str
    column: str
    kind: str  # id, int, bool, text, date, datetime
    nullable: bool
    enum: type[Enum] | None = None
    references: str | None = None  # the table a foreign key points at


@cache
def _finer() -> dict[str, dict[str, type]]:
    """Per table, the columns whose stored INTEGER or TEXT means more: bool, date,
    datetime or an enum (the person table's from its spec)."""
    from netui.compose import Channel, Intent, Tone
    from netui.enums import (
        Direction,
        DraftStatus,
        InteractionKind,
        LinkKind,
        MeetingStatus,
        Phase,
    )
    from netui.person_spec import STORED

    return {
        "person": {f.name: f.kind for f in STORED if f.kind in (bool, date, datetime) or f.enum},
        "company": {"is_target": bool},
        "interaction": {"kind": InteractionKind, "direction": Direction, "at": datetime},
        "draft": {"intent": Intent, "tone": Tone, "channel": Channel, "status": DraftStatus},
        "meeting": {"status": MeetingStatus, "follow_up_owed": bool},
        "checklist_item": {"phase": Phase, "done": bool},
        "link": {"kind": LinkKind},
    }


def _finer_rule(rule: ColumnRule, kind: type) -> ColumnRule:
    if issubclass(kind, Enum):
        return replace(rule, kind="text", enum=kind)
    name = {bool: "bool", date: "date", datetime: "datetime"}[kind]
    return replace(rule, kind=name)


def schema_rules(
    table: str, info: list[tuple[Any, ...]], foreign_keys: list[tuple[Any, ...]]
) -> dict[str, ColumnRule]:
    """A table's rules from its PRAGMA table_info and foreign_key_list rows: whole
    numbers, text (a time when the name ends in _at), what may be empty, what points where."""
    points = {fk[3]: fk[2] for fk in foreign_keys}  # from column -> table
    rules: dict[str, ColumnRule] = {}
    for _cid, name, sql_type, notnull, _default, pk in info:
        kind = "id" if pk else "int" if str(sql_type).upper() == "INTEGER" else "text"
        if str(name).endswith("_at") and kind == "text":
            kind = "datetime"
        rules[name] = ColumnRule(table, name, kind, not notnull and not pk, None, points.get(name))
    return rules


_RULES: dict[str, dict[str, ColumnRule]] = {}


def table_rules(table: str, conn: sqlite3.Connection | None = None) -> dict[str, ColumnRule]:
    """Every column of a table with its rule ({} for no such table). Read once, from `conn`
    (a database netui opened: migrated to this version) or else from a fresh schema."""
    rules = _RULES.get(table)
    if rules is None:
        source = conn or _fresh_schema()
        info = list(source.execute(f"PRAGMA table_info({table})"))
        fks = list(source.execute(f"PRAGMA foreign_key_list({table})"))
        finer = _finer().get(table, {})
        rules = {
            column: _finer_rule(rule, finer[column]) if column in finer else rule
            for column, rule in schema_rules(table, info, fks).items()
        }
        _RULES[table] = rules
    return rules


@cache
def _fresh_schema() -> sqlite3.Connection:
    """An in-memory database with every migration applied (for a caller with none)."""
    from netui.db_files import migrate

    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    migrate(conn)
    return conn


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def value_problem(rule: ColumnRule, value: Any) -> str | None:
    """Why `value` cannot be stored in (or read from) this column; None when it can."""
    if value is None:
        return None if rule.nullable else "is empty, and this column needs a value"
    if rule.kind in ("id", "int"):
        if not _is_int(value):
            return "is not a whole number"
        if not INT_MIN <= value <= INT_MAX:
            return "is too large a number"
        if (rule.kind == "id" or rule.references) and value < 1:
            return "is not an id (ids start at 1)"
        return None
    if rule.kind == "bool":
        return None if value in (0, 1) and not isinstance(value, float) else "is not 0 or 1"
    if not isinstance(value, str):
        return "is not text"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "holds a broken character (a lone surrogate)"
    if "\x00" in value:
        return "holds a NUL character"
    if len(value) > TEXT_LIMIT:
        return "is longer than a million characters"
    if rule.enum is not None and value not in _enum_values(rule.enum):
        return "is not one of: " + ", ".join(str(m.value) for m in rule.enum)
    if rule.kind == "date":
        if not _DATE.fullmatch(value):
            return "is not a date (YYYY-MM-DD)"
        try:
            date.fromisoformat(value)
        except ValueError:
            return "is not a date on the calendar"
    if rule.kind == "datetime":
        if not _DATETIME.fullmatch(value):
            return "is not a time (YYYY-MM-DD HH:MM:SS, UTC)"
        try:
            datetime.fromisoformat(value)  # fast; strptime below also reads other digits
        except ValueError:
            try:
                datetime.strptime(value, STORAGE_FORMAT)
            except ValueError:
                return "is not a time on the calendar"
    return None


@cache
def _enum_values(enum: type[Enum]) -> frozenset[Any]:
    return frozenset(m.value for m in enum)


def column_ok(rule: ColumnRule, values: Sequence[Any]) -> bool:
    """True when `value_problem` finds nothing in any of `values` (a whole column at once:
    a restore checks a million values). False may be wrong (an unusual but valid value):
    the caller then asks `value_problem` value by value, for the exact message."""
    present = [v for v in values if v is not None]
    if len(present) != len(values) and not rule.nullable:
        return False
    if not present:
        return True
    types = set(map(type, present))
    if rule.kind in ("id", "int"):
        if types != {int}:
            return False
        floor = 1 if rule.kind == "id" or rule.references else INT_MIN
        return bool(min(present) >= floor and max(present) <= INT_MAX)
    if rule.kind == "bool":
        return types <= {int, bool} and set(present) <= {0, 1}
    if types != {str}:
        return False
    distinct: set[str] = set(present)
    joined = "".join(distinct)
    if "\x00" in joined or max(map(len, distinct)) > TEXT_LIMIT:
        return False
    if not joined.isascii():
        try:
            joined.encode("utf-8")
        except UnicodeEncodeError:
            return False
    if rule.enum is not None and not distinct <= _enum_values(rule.enum):
        return False
    try:
        if rule.kind == "date":
            return all(map(_DATE.fullmatch, distinct)) and all(map(date.fromisoformat, distinct))
        if rule.kind == "datetime":  # (fromisoformat refuses non-ASCII digits: asked one by one)
            return all(map(_DATETIME.fullmatch, distinct)) and all(
                map(datetime.fromisoformat, distinct)
            )
    except ValueError:
        return False
    return True


def shown(value: Any, limit: int = 40) -> str:
    """A value as an error message quotes it: short, one line, no control characters."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        text = _int_text(value)
    elif isinstance(value, float):
        text = repr(value)
    elif isinstance(value, str):
        text = "'" + for_terminal(value) + "'"
    else:
        return "a list" if isinstance(value, list) else "an object"
    return text if len(text) <= limit else text[: limit - 2] + "…" + text[-1]


def _int_text(value: int) -> str:
    try:
        return str(value)
    except ValueError:  # more digits than Python will print
        return f"a {value.bit_length() * 0.30103:,.0f}-digit number"


def bad_values(
    table: str, row: dict[str, Any], conn: sqlite3.Connection | None = None
) -> list[tuple[str, Any, str]]:
    """(column, raw value, why) for each value in a stored row the app cannot read."""
    rules = table_rules(table, conn)
    out: list[tuple[str, Any, str]] = []
    for column, value in row.items():
        rule = rules.get(column)
        if rule is None:
            continue
        problem = value_problem(rule, value)
        if problem:
            out.append((column, value, problem))
    return out
