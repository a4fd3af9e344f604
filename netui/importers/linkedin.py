"""LinkedIn `Connections.csv` (both header versions; the preamble is skipped by csvread)."""

from __future__ import annotations

from datetime import date

from netui.importers.columns import Columns, cell, join_name, keys, run_rows
from netui.importers.csvread import Table
from netui.importers.record import ParseResult, Problem, Record, parse_day, squeeze

NAMES = keys(
    "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"
)


def matches(columns: Columns) -> bool:
    return columns.has("First Name", "Last Name", "Connected On")


def parse(table: Table) -> ParseResult:
    cols = Columns(table.header)
    first, last = cols.find("First Name"), cols.find("Last Name")
    url, email = cols.find("URL", "Profile URL"), cols.find("Email Address", "Email")
    company, position = cols.find("Company"), cols.find("Position", "Title")
    connected = cols.find("Connected On")
    late: list[Problem] = []
    days: dict[str, date | None] = {}  # a network repeats its days: each parsed once

    def row(line: int, cells: list[str]) -> Record | str:
        given = cell(cells, first)
        name = squeeze(join_name(given, cell(cells, last)))
        if not name:
            return "a hidden or closed profile (no name)"
        day_text = cell(cells, connected)
        day = days[day_text] if day_text in days else days.setdefault(day_text, parse_day(day_text))
        if day_text and day is None:
            late.append(Problem(line, f"'{day_text}' is not a date; left empty.", "Connected On"))
        return Record(
            line=line,
            full_name=name,
            first_name=squeeze(given),
            company=squeeze(cell(cells, company)),
            title=squeeze(cell(cells, position)),
            email=cell(cells, email),
            linkedin_url=cell(cells, url),
            connected_on=day,
        )

    result = run_rows(table, "linkedin", row, {"email": "Email Address", "linkedin_url": "URL"})
    result.problems.extend(late)
    result.problems.sort(key=lambda p: p.line)
    return result
