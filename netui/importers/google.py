"""Google Contacts CSV, current and legacy: numbered groups, ` ::: ` values, `* ` primaries."""

from __future__ import annotations

import re

from netui.importers.columns import Columns, cell, join_name, keys, run_rows
from netui.importers.csvread import Table
from netui.importers.record import ParseResult, Record, squeeze

NAMES = keys(
    "First Name", "Middle Name", "Last Name", "Nickname", "File As", "Organization Name",
    "Organization Title", "Notes", "Labels", "E-mail 1 - Label", "E-mail 1 - Value",
    "Phone 1 - Label", "Phone 1 - Value", "Website 1 - Value", "Name", "Given Name",
    "Additional Name", "Family Name", "Group Membership", "E-mail 1 - Type",
    "Organization 1 - Name", "Organization 1 - Title", "Address 1 - City",
)  # fmt: skip
MULTI = " ::: "
_GROUP = re.compile(r"^(e-mail|phone|website|address|organization) (\d+) - (.+)$", re.I)


def matches(columns: Columns) -> bool:
    return (
        columns.has("E-mail 1 - Value")
        or columns.has("Group Membership")
        or columns.has("Organization Name", "File As")
        or columns.has("Given Name", "Family Name")
    )


def _groups(header: list[str]) -> dict[str, dict[int, dict[str, int]]]:
    """{'e-mail': {1: {'value': 7, 'label': 6}}, ...} from 'E-mail 1 - Value' and friends."""
    out: dict[str, dict[int, dict[str, int]]] = {}
    for i, name in enumerate(header):
        m = _GROUP.match(name.strip())
        if m:
            kind, n, part = m[1].lower(), int(m[2]), m[3].strip().lower()
            out.setdefault(kind, {}).setdefault(n, {})[part] = i
    return out


def first_value(text: str) -> str:
    """'a@x.com ::: b@y.com' -> 'a@x.com'."""
    for value in text.split(MULTI):
        if value.strip():
            return value.strip()
    return ""


def _pick(cells: list[str], groups: dict[int, dict[str, int]], part: str = "value") -> str:
    """The primary value of a numbered group: the one labelled '* ', else the first."""
    found: list[str] = []
    for n in sorted(groups):
        g = groups[n]
        value = first_value(cell(cells, g.get(part)))
        if not value:
            continue
        label = cell(cells, g.get("label", g.get("type")))
        if label.startswith("* "):
            return value
        found.append(value)
    return found[0] if found else ""


def _linkedin(cells: list[str], groups: dict[int, dict[str, int]]) -> str:
    for n in sorted(groups):
        for value in cell(cells, groups[n].get("value")).split(MULTI):
            if "linkedin.com/" in value.lower():
                return value.strip()
    return ""


def parse(table: Table) -> ParseResult:
    cols = Columns(table.header)
    groups = _groups(table.header)
    first = cols.find("First Name", "Given Name")
    middle = cols.find("Middle Name", "Additional Name")
    last, whole = cols.find("Last Name", "Family Name"), cols.find("Name")
    file_as, nickname = cols.find("File As"), cols.find("Nickname")
    org = cols.find("Organization Name")
    title = cols.find("Organization Title")
    notes = cols.find("Notes")
    orgs = groups.get("organization", {})

    def row(line: int, cells: list[str]) -> Record | str:
        name = squeeze(
            join_name(cell(cells, first), cell(cells, middle), cell(cells, last))
            or cell(cells, whole)
            or cell(cells, file_as)
            or cell(cells, nickname)
        )
        email = _pick(cells, groups.get("e-mail", {}))
        if not name:
            return "no name" + (" (only an email address)" if email else "")
        company = first_value(cell(cells, org)) or _pick(cells, orgs, "name")
        job = first_value(cell(cells, title)) or _pick(cells, orgs, "title")
        return Record(
            line=line,
            full_name=name,
            first_name=squeeze(cell(cells, first)),
            company=squeeze(company),
            title=squeeze(job),
            email=email,
            phone=_pick(cells, groups.get("phone", {})),
            linkedin_url=_linkedin(cells, groups.get("website", {})),
            city=squeeze(_pick(cells, groups.get("address", {}), "city")),
            notes=cell(cells, notes),
        )

    return run_rows(table, "google", row, {"email": "E-mail 1 - Value"})
