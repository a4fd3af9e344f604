"""File -> records (pure, no database): detect the format, read the file, map each row.

    source = open_source(Path("Connections.csv"))         # the one reader (importers.source)
    result = parse_file(Path("Connections.csv"))          # contacts only: a ParseResult
    result = parse_file(path, "csv", overrides=["Employer=company"])

Each format is one module in `netui.importers.formats` (see `importers.registry`). Records
then go to `Store.import_records` in one transaction. netui's JSON export is not records:
`load_json` reads it for `Store.restore_json`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from netui.errors import InputError
from netui.gcpause import paused_gc
from netui.importers.csvread import Table, decode, read_bytes
from netui.importers.record import RECORD_FIELDS, ParseResult, Problem, Record
from netui.importers.registry import Format, Me, all_formats, choices, labels
from netui.importers.source import (
    ArchiveSource,
    ContactsSource,
    RestoreSource,
    Source,
    open_source,
    parse_table,
    read_csv_text,
)

__all__ = [
    "RECORD_FIELDS",
    "ArchiveSource",
    "ContactsSource",
    "Format",
    "Me",
    "ParseResult",
    "Problem",
    "Record",
    "RestoreSource",
    "Source",
    "Table",
    "all_formats",
    "choices",
    "labels",
    "load_json",
    "open_source",
    "parse_file",
    "parse_table",
    "read_csv_text",
    "read_source",
]


def read_source(path: Path, encoding: str = "") -> tuple[str, str]:
    """The file as text, and its encoding (given, else BOM, UTF-16, UTF-8, cp1252)."""
    return decode(read_bytes(path), path.name, encoding)


def parse_file(
    path: Path,
    fmt: str = "auto",
    overrides: Sequence[str] = (),
    mapping: dict[str, str] | None = None,
    encoding: str = "",
) -> ParseResult:
    """Read and parse a contacts file whole; raise InputError (file, line, column) if broken."""
    source = open_source(path, fmt, encoding, overrides, mapping)
    if isinstance(source, RestoreSource):
        raise InputError(f"{path.name} is a netui JSON export: restore it with restore_json.")
    if isinstance(source, ArchiveSource):
        raise InputError(f"{path.name} is an archive ({source.label}), not a contacts file.")
    return source.result


def load_json(path: Path, encoding: str = "") -> dict[str, Any]:
    """netui's JSON export, checked for shape (the store checks the rows)."""
    from netui.importers.formats.netui_json import load_text

    text, _encoding = read_source(path, encoding)
    with paused_gc():  # a million values, all kept: a collection would find nothing
        return load_text(text, path.name)
