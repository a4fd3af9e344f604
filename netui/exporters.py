"""Exports (pure, plus one safe file writer): CSV that spreadsheets can't run, vCard 3.0, JSON.

CSV is spreadsheet-safe by default: a cell starting with = + - @ tab CR or LF gets a leading
quote mark (OWASP "CSV injection"); `raw=True` leaves such cells alone. Either way netui's
importer reads its own export back exactly: a cell that starts with a quote mark followed by
a trigger or another quote mark is always escaped with one more quote mark, and the importer
removes exactly one.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from netui.errors import InputError
from netui.importers.spreadsheet import EXPORT_ONLY, NETUI_HEADERS
from netui.names import vcard_name
from netui.person_spec import EXPORT_HEADERS

TRIGGERS = frozenset("=+-@\t\r\n")
CSV_FIELDS = tuple(NETUI_HEADERS)  # what the import reads back, then the export-only columns
_EXPORT_ONLY_FIELDS = tuple(f for f in EXPORT_HEADERS if f not in NETUI_HEADERS)
CSV_HEADER = [*NETUI_HEADERS.values(), *EXPORT_ONLY]
_ROWS_PER_CHUNK = 500  # rows (or cards) per chunk a streamed export hands over
_FOLD_AT = 75  # vCard content lines fold before 76 octets (RFC 2425 5.8.1)
_SPECIAL = re.compile(r"[\\;,\r\n]")
_PLAIN = (("notes", "NOTE"), ("company", "ORG"), ("phone", "TEL;TYPE=CELL"),
          ("title", "TITLE"), ("linkedin_url", "URL"))  # fmt: skip


def safe_cell(value: str, raw: bool = False) -> str:
    """Escape one cell: "=1+1" -> "'=1+1" (unless raw); "'=x" -> "''=x" always."""
    if not value:
        return value
    if value[0] == "'" and len(value) > 1 and (value[1] in TRIGGERS or value[1] == "'"):
        return "'" + value
    if not raw and value[0] in TRIGGERS:
        return "'" + value
    return value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def iter_people_csv(people: Iterable[Mapping[str, Any]], raw: bool = False) -> Iterator[bytes]:
    """UTF-8 with a BOM (Excel then reads accents right), CRLF, one row per person; in
    chunks of a few hundred rows."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    yield codecs.BOM_UTF8
    for n, person in enumerate(people, start=1):
        cells = [_text(person.get(f)) for f in CSV_FIELDS]
        cells.extend(_text(person.get(f)) for f in _EXPORT_ONLY_FIELDS)
        writer.writerow([safe_cell(c, raw) for c in cells])
        if n % _ROWS_PER_CHUNK == 0:
            yield _drain(buf)
    yield _drain(buf)


def people_csv(people: Iterable[Mapping[str, Any]], raw: bool = False) -> bytes:
    """`iter_people_csv` as one bytes value."""
    return b"".join(iter_people_csv(people, raw))


def _drain(buf: io.StringIO) -> bytes:
    data = buf.getvalue().encode("utf-8")
    buf.seek(0)
    buf.truncate()
    return data


def _escape(value: str) -> str:
    """A vCard text value: backslash, ';' and ',' escaped, each line break as \\n."""
    if not _SPECIAL.search(value):
        return value
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> str:
    """One content line and its CRLF, folded before 76 octets (a UTF-8 character never split);
    a line under 75 characters is never folded (as vobject writes it)."""
    if len(line) < _FOLD_AT:
        return line + "\r\n"
    if line.isascii():
        parts = [line[:_FOLD_AT]]
        parts += [line[i : i + _FOLD_AT - 1] for i in range(_FOLD_AT, len(line), _FOLD_AT - 1)]
        return "\r\n ".join(parts) + "\r\n"
    out: list[str] = []
    used = 0
    for char in line:
        size = len(char.encode("utf-8"))
        if used + size > _FOLD_AT:
            out.append("\r\n ")
            used = 1
        out.append(char)
        used += size
    return "".join(out) + "\r\n"


def vcard(p: Mapping[str, Any]) -> str:
    """One person as a vCard 3.0 (khard, iOS, Android and Google read it). The text is the one
    vobject 0.9 serializes for the same card: its property order (VERSION, UID, then by name),
    escaping and folding (tests/test_export_stream.py checks it against vobject)."""
    full = p["full_name"]
    given, family = vcard_name(full, p.get("first_name") or "")
    lines = ["BEGIN:VCARD\r\nVERSION:3.0\r\n"]
    if p.get("id") is not None:
        lines.append(_fold("UID:" + _escape(f"netui-person-{p['id']}")))
    if p.get("city"):
        lines.append(_fold(f"ADR;TYPE=HOME:;;;{_escape(p['city'])};;;"))
    if p.get("email"):
        lines.append(_fold(f"EMAIL;TYPE=INTERNET:{_escape(p['email'])}"))
    lines.append(_fold(f"FN:{_escape(full)}"))
    lines.append(_fold(f"N:{_escape(family)};{_escape(given)};;;"))
    for key, name in _PLAIN:
        if p.get(key):
            lines.append(_fold(f"{name}:{_escape(p[key])}"))
    for network in ("instagram", "snapchat"):
        if p.get(network):
            lines.append(_fold(f"X-SOCIALPROFILE;TYPE={network}:{_escape(p[network])}"))
    lines.append("END:VCARD\r\n")
    return "".join(lines)


def iter_people_vcard(people: Iterable[Mapping[str, Any]]) -> Iterator[bytes]:
    """One card per person, UTF-8, in chunks of a few hundred cards."""
    batch: list[str] = []
    for person in people:
        batch.append(vcard(person))
        if len(batch) == _ROWS_PER_CHUNK:
            yield "".join(batch).encode("utf-8")
            batch.clear()
    if batch:
        yield "".join(batch).encode("utf-8")


def people_vcard(people: Iterable[Mapping[str, Any]]) -> str:
    """`iter_people_vcard` as one text."""
    return b"".join(iter_people_vcard(people)).decode("utf-8")


# ---- JSON: laid out as json.dumps(..., ensure_ascii=False, indent=1), written as it is read


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    return json.dumps(value, ensure_ascii=False)  # float, bool; TypeError for anything else


def _items(items: Iterable[str], indent: int) -> Iterator[str]:
    """A JSON list of already encoded items at `indent` spaces (json's indent=1 layout)."""
    inner = "\n" + " " * (indent + 1)
    first = True
    for item in items:
        yield ("[" if first else ",") + inner + item
        first = False
    yield "[]" if first else "\n" + " " * indent + "]"


def _row(row: Sequence[Any]) -> str:
    return "".join(_items(map(_scalar, row), 4))


def iter_tables_json(
    tables: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]],
    header: Mapping[str, Any],
    exported_at: datetime | None = None,
) -> Iterator[bytes]:
    """The JSON export, `header` keys first, then "tables" ({name: {columns, rows}}) and the
    export time, in chunks of a few hundred rows; the text `tables_json` gives."""
    stamp = (exported_at or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    out = ["{"]
    for key, value in header.items():
        text = json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n ")
        out.append(f"\n {encode_basestring(key)}: {text},")
    out.append('\n "tables": ')
    first_table = True
    for name, columns, rows in tables:
        out.append("{" if first_table else ",")
        first_table = False
        out.append(f'\n  {encode_basestring(name)}: {{\n   "columns": ')
        out.extend(_items(map(_scalar, columns), 3))
        out.append(',\n   "rows": ')
        for n, piece in enumerate(_items(map(_row, rows), 3), start=1):
            out.append(piece)
            if n % _ROWS_PER_CHUNK == 0:
                yield "".join(out).encode("utf-8")
                out.clear()
        out.append("\n  }")
    out.append("{}" if first_table else "\n }")
    out.append(f',\n "exported_at": "{stamp}"\n}}\n')
    yield "".join(out).encode("utf-8")


def tables_json(data: Mapping[str, Any], exported_at: datetime | None = None) -> str:
    """Every table, as `Store.export_tables()` gives it, stamped with the export time."""
    header = {k: v for k, v in data.items() if k != "tables"}
    tables = [(name, t["columns"], t["rows"]) for name, t in data["tables"].items()]
    return b"".join(iter_tables_json(tables, header, exported_at)).decode("utf-8")


def write_private(path: Path, data: bytes | Iterable[bytes]) -> tuple[Path, int]:
    """Write a file readable only by the user (0600): a temp file beside it, renamed over
    `path` once every chunk is written, so a failed export leaves no partial file.
    Returns the path and how many bytes it holds."""
    path = path.expanduser()
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name to write.")
    tmp = path.with_name(f".{path.name}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as exc:
        raise InputError(f"Cannot write {path} ({exc.strerror or exc}).") from None
    size = 0
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in [data] if isinstance(data, bytes) else data:
                fh.write(chunk)
                size += len(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        if tmp.exists():
            tmp.unlink()
        raise
    return path, size
