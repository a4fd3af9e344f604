"""File -> records (pure, no database): detect the format, read the file, map each row.

    result = parse_file(Path("Connections.csv"))          # format detected
    result = parse_file(path, "csv", overrides=["Employer=company"])

Records then go to `Store.import_records` in one transaction. netui's JSON export is not
records: `load_json` reads it for `Store.restore_json`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from netui.errors import InputError
from netui.importers import google, linkedin, outlook, spreadsheet, vcard
from netui.importers.columns import Columns
from netui.importers.csvread import Table, decode, read_bytes, read_table
from netui.importers.record import (
    FORMAT_LABELS,
    RECORD_FIELDS,
    ParseResult,
    Problem,
    Record,
)

__all__ = [
    "FORMATS",
    "FORMAT_LABELS",
    "RECORD_FIELDS",
    "ParseResult",
    "Problem",
    "Record",
    "Table",
    "detect_format",
    "load_json",
    "parse_file",
    "parse_table",
    "read_csv_text",
    "read_source",
]

FORMATS = ("auto", "linkedin", "google", "outlook", "vcard", "csv", "json")
CSV_FORMATS = ("linkedin", "google", "outlook", "csv", "netui")
_KNOWN_NAMES = (linkedin.NAMES, google.NAMES, outlook.NAMES, spreadsheet.NAMES)


def known_score(header: list[str]) -> int:
    """How many header names some format knows: finds the header below a preamble."""
    cols = Columns(header)
    return max(cols.count(names) for names in _KNOWN_NAMES)


def csv_format(header: list[str]) -> str:
    """Which CSV flavour a header belongs to."""
    cols = Columns(header)
    if spreadsheet.is_netui(cols):
        return "netui"
    if linkedin.matches(cols):
        return "linkedin"
    if outlook.matches(cols):
        return "outlook"
    if google.matches(cols):
        return "google"
    return "csv"


def read_source(path: Path, encoding: str = "") -> tuple[str, str]:
    """The file as text, and its encoding (given, else BOM, UTF-16, UTF-8, cp1252)."""
    return decode(read_bytes(path), path.name, encoding)


def detect_format(path: Path, text: str) -> str:
    """'vcard' or 'json' from the content first and the name second; else 'table' (CSV)."""
    head = text.lstrip()[:2000]
    if head[:11].upper() == "BEGIN:VCARD" or path.suffix.lower() in (".vcf", ".vcard"):
        return "vcard"
    if head[:1] in ("{", "[") or path.suffix.lower() == ".json":
        return "json"
    return "table"


def read_csv_text(text: str, source: str, encoding: str = "") -> Table:
    """The whole CSV, header found by the names the formats know."""
    table = read_table(text, source, known_score)
    table.encoding = encoding
    return table


def parse_table(
    table: Table,
    fmt: str,
    mapping: dict[str, str] | None = None,
    overrides: Sequence[str] = (),
) -> ParseResult:
    """A read table -> records, with the format's own column rules."""
    if fmt == "auto":
        fmt = csv_format(table.header)
    if overrides or mapping is not None:
        fmt = "csv" if fmt not in ("csv", "netui") else fmt
    if fmt == "linkedin":
        return linkedin.parse(table)
    if fmt == "google":
        return google.parse(table)
    if fmt == "outlook":
        return outlook.parse(table)
    base = mapping if mapping is not None else spreadsheet.guess_mapping(table.header)
    chosen = spreadsheet.apply_overrides(table.header, base, overrides)
    return spreadsheet.parse(table, chosen)


def parse_file(
    path: Path,
    fmt: str = "auto",
    overrides: Sequence[str] = (),
    mapping: dict[str, str] | None = None,
    encoding: str = "",
) -> ParseResult:
    """Read and parse a file whole; raise InputError (file, line, column) if it is broken."""
    if fmt not in FORMATS:
        raise InputError(f"--format '{fmt}' is not one of: {', '.join(FORMATS)}.")
    text, encoding = read_source(path, encoding)
    if not text.strip():
        raise InputError(f"{path.name} is empty.")
    kind = detect_format(path, text) if fmt == "auto" else fmt
    if kind == "json":
        raise InputError(f"{path.name} is a netui JSON export: restore it with restore_json.")
    if kind == "vcard":
        result = vcard.parse_text(text, path.name)
    else:
        table = read_csv_text(text, path.name, encoding)
        result = parse_table(table, "auto" if kind == "table" else kind, mapping, overrides)
    result.encoding = encoding
    return result


def load_json(path: Path, encoding: str = "") -> dict[str, Any]:
    """netui's JSON export, checked for shape (the store checks the rows)."""
    text, _encoding = read_source(path, encoding)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path.name}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})."
        ) from None
    except RecursionError:
        raise InputError(
            f"{path.name} is nested too deeply to be a netui export (lists within lists)."
        ) from None
    except ValueError as exc:  # Python refuses integers of more than 4,300 digits
        what = "a number of more than 4,300 digits" if "digits" in str(exc) else "a bad value"
        raise InputError(f"{path.name} holds {what}; it is not a netui export.") from None
    if (
        not isinstance(data, dict)
        or data.get("format") != "netui"
        or not isinstance(data.get("tables"), dict)
    ):
        raise InputError(f"{path.name} is JSON but not a netui export (no 'tables').")
    return data
