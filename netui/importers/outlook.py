"""Outlook CSV: Outlook.com and desktop Outlook ("Title" is Mr/Ms; the job is "Job Title")."""

from __future__ import annotations

from netui.importers.columns import Columns, cell, join_name, keys, run_rows
from netui.importers.csvread import Table
from netui.importers.record import ParseResult, Record, squeeze

NAMES = keys(
    "First Name", "Middle Name", "Last Name", "Title", "Suffix", "Nickname", "E-mail Address",
    "E-mail 2 Address", "E-mail 3 Address", "Mobile Phone", "Business Phone", "Home Phone",
    "Job Title", "Department", "Company", "Web Page", "Notes", "Categories", "Business City",
    "Home City",
)  # fmt: skip
PHONES = ("Mobile Phone", "Primary Phone", "Business Phone", "Home Phone", "Other Phone")
EMAILS = ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")
CITIES = ("Business City", "Home City", "Other City")


def matches(columns: Columns) -> bool:
    return columns.has("E-mail Address") and (
        columns.has("Job Title") or columns.has("Mobile Phone")
    )


def parse(table: Table) -> ParseResult:
    cols = Columns(table.header)
    first, middle, last = cols.find("First Name"), cols.find("Middle Name"), cols.find("Last Name")
    nickname, company, job = cols.find("Nickname"), cols.find("Company"), cols.find("Job Title")
    web, notes = cols.find("Web Page"), cols.find("Notes")
    phones = [i for i in (cols.find(p) for p in PHONES) if i is not None]
    emails = [i for i in (cols.find(e) for e in EMAILS) if i is not None]
    cities = [i for i in (cols.find(c) for c in CITIES) if i is not None]

    def first_of(cells: list[str], indexes: list[int]) -> str:
        return next((v for v in (cell(cells, i) for i in indexes) if v), "")

    def row(line: int, cells: list[str]) -> Record | str:
        name = squeeze(
            join_name(cell(cells, first), cell(cells, middle), cell(cells, last))
            or cell(cells, nickname)
        )
        if not name:
            return "no name"
        page = cell(cells, web)
        return Record(
            line=line,
            full_name=name,
            first_name=squeeze(cell(cells, first)),
            company=squeeze(cell(cells, company)),
            title=squeeze(cell(cells, job)),
            email=first_of(cells, emails),
            phone=first_of(cells, phones),
            linkedin_url=page if "linkedin.com/" in page.lower() else "",
            city=squeeze(first_of(cells, cities)),
            notes=cell(cells, notes),
        )

    return run_rows(table, "outlook", row, {"email": "E-mail Address"})
