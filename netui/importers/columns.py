"""Finding columns by header name, and running a row function over a table (pure)."""

from __future__ import annotations

import re
from collections.abc import Callable

from netui.importers.csvread import Table
from netui.importers.record import ParseResult, Problem, Record, check_record

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def header_key(name: str) -> str:
    """'E-mail Address' -> 'emailaddress': how headers are compared."""
    return _NON_ALNUM.sub("", name.casefold())


class Columns:
    """Header name -> index, compared loosely ('E-mail 1 - Value' == 'e-mail 1 - value')."""

    def __init__(self, header: list[str]) -> None:
        self.header = header
        self.index: dict[str, int] = {}
        for i, name in enumerate(header):
            self.index.setdefault(header_key(name), i)

    def find(self, *names: str) -> int | None:
        for name in names:
            i = self.index.get(header_key(name))
            if i is not None:
                return i
        return None

    def has(self, *names: str) -> bool:
        return all(header_key(n) in self.index for n in names)

    def count(self, names: frozenset[str]) -> int:
        return sum(1 for key in self.index if key in names)


def cell(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None else ""


def keys(*names: str) -> frozenset[str]:
    return frozenset(header_key(n) for n in names)


RowFn = Callable[[int, list[str]], Record | str]  # a Record, or why the row was skipped


def run_rows(
    table: Table, fmt: str, row_fn: RowFn, columns: dict[str, str] | None = None
) -> ParseResult:
    """Apply row_fn to every data row; collect records, skips and problems."""
    result = ParseResult(source=table.source, format=fmt, header=list(table.header))
    where = columns or {}
    for line, cells in table.rows:
        result.rows += 1
        outcome = row_fn(line, cells)
        if isinstance(outcome, str):
            result.skipped.append(Problem(line, outcome))
            continue
        check_record(outcome, result.problems, where)
        result.records.append(outcome)
    return result


def join_name(*parts: str) -> str:
    return " ".join([p for p in map(str.strip, parts) if p])
