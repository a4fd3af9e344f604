"""What every importer produces (pure): one Record per person, plus what it skipped or refused."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, make_dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from netui.person_spec import ENUM_FIELDS, FIELDS
from netui.person_spec import RECORD_FIELDS as RECORD_FIELDS  # importers name it here
from netui.validate import email_error, url_error


def _values(self: Any) -> dict[str, str | date | None]:
    return {name: getattr(self, name) for name in RECORD_FIELDS}


def _record_type() -> type:
    """Record from the person spec: `line`, then every imported field ('' or None)."""
    columns: list[tuple[str, Any, Any]] = [
        (name, date | None, field(default=None))
        if FIELDS[name].kind is date
        else (name, str, field(default=""))
        for name in RECORD_FIELDS
    ]
    doc = "One person as read from a file; '' (a date: None) means 'the file says nothing'."
    return make_dataclass(
        "Record", [("line", int), *columns], namespace={"values": _values, "__doc__": doc}
    )


if TYPE_CHECKING:

    class Record:
        """The fields importers name in code; every other spec field reads as Any."""

        line: int
        full_name: str
        first_name: str
        company: str
        title: str
        role: str
        how_we_know: str
        how_we_know_text: str
        email: str
        phone: str
        linkedin_url: str

        def __init__(self, line: int, **values: Any) -> None: ...
        def __getattr__(self, name: str) -> Any: ...
        def __setattr__(self, name: str, value: Any) -> None: ...
        def values(self) -> dict[str, str | date | None]: ...

else:
    Record = _record_type()
    Record.__module__ = __name__


@dataclass(frozen=True)
class Problem:
    """A line the importer could not take whole: where, and one sentence on what."""

    line: int
    message: str
    column: str = ""

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ParseResult:
    """Records ready for the store, lines skipped on purpose (with why), and problems."""

    source: str
    format: str
    records: list[Record] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # read, but not as the file said
    header: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)  # header -> field (CSV formats)
    rows: int = 0  # data rows or cards read
    encoding: str = ""  # how the file's bytes were read (utf-8, cp1252, or --encoding)


# ---- value cleaning shared by the importers ------------------------------------------

_SPACES = re.compile(r"[ \t]+")
_PLAIN_URL = re.compile(r"https?://[^/\s?#:@]+(?:[/?#][^\s]*)?$")  # url_error accepts these
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_DMY_TEXT = re.compile(r"^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s,-]+(\d{2}|\d{4})$")
_MDY_TEXT = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def squeeze(value: str) -> str:
    """Trim, and collapse runs of spaces on a one-line value."""
    value = value.strip()
    return _SPACES.sub(" ", value) if "  " in value or "\t" in value else value


def parse_day(text: str) -> date | None:
    """'12 Mar 2024', '4-Apr-21', 'Mar 12, 2024', '2024-03-12' -> a date; else None."""
    text = text.strip()
    if not text:
        return None
    try:
        iso = _ISO.match(text)
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        dmy = _DMY_TEXT.match(text)
        if dmy:
            day, month, year = int(dmy[1]), _MONTHS.get(dmy[2][:3].lower()), int(dmy[3])
        else:
            mdy = _MDY_TEXT.match(text)
            if not mdy:
                return None
            day, month, year = int(mdy[2]), _MONTHS.get(mdy[1][:3].lower()), int(mdy[3])
        if month is None:
            return None
        if year < 100:
            year += 2000 if year <= datetime.now().year % 100 else 1900
        return date(year, month, day)
    except ValueError:
        return None


def check_record(record: Record, problems: list[Problem], columns: dict[str, str]) -> None:
    """Drop values netui would refuse (bad email, URL, enum) and say so; keep the person."""
    email = record.email
    if email and email_error(email):
        problems.append(
            Problem(record.line, f"'{email}' is not an email address; left empty.",
                    columns.get("email", ""))
        )  # fmt: skip
        record.email = ""
    url = record.linkedin_url
    if url and not _PLAIN_URL.match(url) and url_error(url):
        fixed = "https://" + url if "linkedin.com/" in url.lower() and "://" not in url else ""
        if fixed and not url_error(fixed):
            record.linkedin_url = fixed
        else:
            problems.append(
                Problem(record.line, f"'{url}' is not a web address; left empty.",
                        columns.get("linkedin_url", ""))
            )  # fmt: skip
            record.linkedin_url = ""
    given = record.__dict__  # a Record is a plain dataclass: its fields, by name
    for name, enum in ENUM_FIELDS.items():
        value = given[name]
        if not value:
            continue
        normal = value.strip().lower().replace(" ", "_").replace("-", "_")
        if normal == "eng_manager":
            normal = "engineering_manager"
        if normal in enum.__members__:
            setattr(record, name, normal)
        else:
            choices = ", ".join(m.value for m in enum)
            problems.append(
                Problem(record.line, f"{name} '{value}' is not one of: {choices}; left as is.",
                        columns.get(name, ""))
            )  # fmt: skip
            setattr(record, name, "")


def split_name(full_name: str) -> tuple[str, str]:
    """'Ana Maria Silva' -> ('Ana Maria', 'Silva') for vCard N."""
    parts = full_name.split()
    if len(parts) < 2:
        return (full_name.strip(), "")
    return (" ".join(parts[:-1]), parts[-1])
