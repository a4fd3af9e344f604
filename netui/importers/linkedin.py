"""LinkedIn `Connections.csv` (both header versions; the preamble is skipped by csvread)."""

from __future__ import annotations

from datetime import date

from netui.importers.columns import Columns, keys, run_rows
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
        # (cell() inlined: this runs once a row, 30,000 times for a big network)
        given = cells[first].strip() if first is not None else ""
        family = cells[last].strip() if last is not None else ""
        name = squeeze(f"{given} {family}" if given and family else given or family)
        if not name:
            return "a hidden or closed profile (no name)"
        day_text = cells[connected].strip() if connected is not None else ""
        day = days[day_text] if day_text in days else days.setdefault(day_text, parse_day(day_text))
        if day_text and day is None:
            late.append(Problem(line, f"'{day_text}' is not a date; left empty.", "Connected On"))
        return Record(
            line=line,
            full_name=name,
            first_name=squeeze(given),
            company=squeeze(cells[company]) if company is not None else "",
            title=squeeze(cells[position]) if position is not None else "",
            email=cells[email].strip() if email is not None else "",
            linkedin_url=cells[url].strip() if url is not None else "",
            connected_on=day,
        )

    result = run_rows(table, "linkedin", row, {"email": "Email Address", "linkedin_url": "URL"})
    result.problems.extend(late)
    result.problems.sort(key=lambda p: p.line)
    return result
