"""The first rows of a big contacts file, read from its start alone (no database): what the
Import screen shows while the whole file is read and planned (store/import_preview.py).

    if separate(path):            # big enough to be read in a child process
        first = peek(path)        # a ContactsSource of the first PREVIEW_ROWS records, or None
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from typing import Any

from netui.errors import InputError
from netui.importers.csvread import Table, decode
from netui.importers.source import IN_MEMORY, ContactsSource, _from_text

PREVIEW_ROWS = 200  # records the screen shows (screens/import_views.py)
MAPPING_ROWS = 20  # table rows the column mapping takes its examples from
PEEK_BYTES = 64 * 1024  # the start of a file the first rows are read from
ELSEWHERE_BYTES = 256 * 1024  # a smaller file is read in the app (little to give back)


def digest_of(path: Path) -> str:
    """A fingerprint of the file's bytes ('' when it cannot be read)."""
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return ""


def separate(path: Path) -> bool:
    """Whether the preview of `path` is read in a child process: a plain file (not a zip,
    a folder or JSON) bigger than ELSEWHERE_BYTES, small enough to be read whole."""
    try:
        if not path.is_file() or not ELSEWHERE_BYTES < path.stat().st_size <= IN_MEMORY:
            return False
        with path.open("rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return not head.startswith(b"PK") and start not in (b"{", b"[") and path.suffix != ".json"


def peek(path: Path, mapping: dict[str, str] | None = None) -> ContactsSource | None:
    """The first records of a big contacts file, read from its start alone; None when its
    start is not enough to say (the whole read decides, and reports any error)."""
    try:
        with path.open("rb") as fh:
            data = fh.read(PEEK_BYTES)
        cut = data.rfind(b"\n")
        if cut < 0 or data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data:
            return None  # one long line, or UTF-16: wait for the whole file
        source = _parse_start(path, data[: cut + 1], mapping)
    except Exception:  # (best effort: the whole read decides, and says what is wrong)
        return None
    records = source.result.records
    if len(records) < 2:
        return None
    keep = records[: min(PREVIEW_ROWS, len(records) - 1)]  # the last may be cut short
    return trimmed(source, keep)


def _parse_start(path: Path, data: bytes, mapping: dict[str, str] | None) -> ContactsSource:
    text, encoding = decode(data, path.name)
    found = _from_text(path, path, path.name, text, encoding, None, (), mapping)
    if not isinstance(found, ContactsSource):
        raise InputError(f"{path.name} is not a contact list.")
    return found


def trimmed(source: ContactsSource, records: list[Any]) -> ContactsSource:
    result = replace(source.result, records=records)
    table = source.table
    if table is not None:
        table = Table(table.source, table.encoding, table.delimiter, table.header,
                      table.header_line, table.rows[:MAPPING_ROWS])  # fmt: skip
    return replace(source, result=result, table=table, partial=True)
