"""What every importer produces (pure): one Record per person, plus what it skipped or refused."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date, datetime

from netui.enums import Closeness, HowWeKnow, Role, Stage
from netui.validate import email_error, url_error

# Person fields a record can carry, in the order netui's own CSV export writes them.
TEXT_FIELDS = (
    "full_name", "first_name", "company", "title", "role", "closeness", "how_we_know",
    "how_we_know_text", "email", "phone", "linkedin_url", "instagram", "snapchat",
    "other_channel", "city", "notes", "stage", "next_step",
)  # fmt: skip
DATE_FIELDS = ("follow_up_on", "connected_on")
RECORD_FIELDS = TEXT_FIELDS + DATE_FIELDS

ENUMS: dict[str, type[Role] | type[Closeness] | type[HowWeKnow] | type[Stage]] = {
    "role": Role,
    "closeness": Closeness,
    "how_we_know": HowWeKnow,
    "stage": Stage,
}


@dataclass
class Record:
    """One person as read from a file; '' means 'the file says nothing'."""

    line: int
    full_name: str = ""
    first_name: str = ""
    company: str = ""
    title: str = ""
    role: str = ""
    closeness: str = ""
    how_we_know: str = ""
    how_we_know_text: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    instagram: str = ""
    snapchat: str = ""
    other_channel: str = ""
    city: str = ""
    notes: str = ""
    stage: str = ""
    next_step: str = ""
    follow_up_on: date | None = None
    connected_on: date | None = None

    def values(self) -> dict[str, str | date | None]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "line"}


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


FORMAT_LABELS = {
    "linkedin": "LinkedIn connections",
    "google": "Google Contacts CSV",
    "outlook": "Outlook CSV",
    "vcard": "vCard",
    "csv": "spreadsheet CSV",
    "netui": "netui CSV export",
    "json": "netui JSON export",
}


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
    return _SPACES.sub(" ", value.strip())


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
    for name, enum in ENUMS.items():
        value = getattr(record, name)
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
