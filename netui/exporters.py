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
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from netui.errors import InputError
from netui.importers.spreadsheet import EXPORT_ONLY, NETUI_HEADERS

TRIGGERS = frozenset("=+-@\t\r\n")
CSV_FIELDS = tuple(NETUI_HEADERS)
CSV_HEADER = [*NETUI_HEADERS.values(), *EXPORT_ONLY]


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


def people_csv(people: Iterable[Mapping[str, Any]], raw: bool = False) -> bytes:
    """UTF-8 with a BOM (Excel then reads accents right), CRLF, one row per person."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for person in people:
        cells = [_text(person.get(f)) for f in CSV_FIELDS]
        cells.append(_text(person.get("last_contact")))
        writer.writerow([safe_cell(c, raw) for c in cells])
    return codecs.BOM_UTF8 + buf.getvalue().encode("utf-8")


def vcard_name(full_name: str, first_name: str) -> tuple[str, str]:
    """(given, family) so that re-import gets the same first name back."""
    full = full_name.strip()
    first = first_name.strip()
    if first and full.startswith(first):
        return first, full[len(first) :].strip()
    parts = full.split()
    return (parts[0], " ".join(parts[1:])) if parts else ("", "")


def people_vcard(people: Iterable[Mapping[str, Any]]) -> str:
    """vCard 3.0, one card per person (khard, iOS, Android and Google read it)."""
    import vobject

    out: list[str] = []
    for p in people:
        card = vobject.vCard()
        card.add("fn").value = p["full_name"]
        given, family = vcard_name(p["full_name"], p.get("first_name") or "")
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
        if p.get("company"):
            card.add("org").value = [p["company"]]
        if p.get("title"):
            card.add("title").value = p["title"]
        if p.get("email"):
            email = card.add("email")
            email.value = p["email"]
            email.type_param = "INTERNET"
        if p.get("phone"):
            tel = card.add("tel")
            tel.value = p["phone"]
            tel.type_param = "CELL"
        if p.get("linkedin_url"):
            card.add("url").value = p["linkedin_url"]
        for network in ("instagram", "snapchat"):
            if p.get(network):
                social = card.add("x-socialprofile")
                social.value = p[network]
                social.type_param = network
        if p.get("city"):
            adr = card.add("adr")
            adr.value = vobject.vcard.Address(city=p["city"])
            adr.type_param = "HOME"
        if p.get("notes"):
            card.add("note").value = p["notes"]
        if p.get("id") is not None:
            card.add("uid").value = f"netui-person-{p['id']}"
        out.append(card.serialize())
    return "".join(out)


def tables_json(data: Mapping[str, Any]) -> str:
    """Every table, as `Store.export_tables()` gives it, stamped with the export time."""
    stamped = {**data, "exported_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
    return json.dumps(stamped, ensure_ascii=False, indent=1) + "\n"


def write_private(path: Path, data: bytes) -> Path:
    """Write a file readable only by the user (0600): temp file beside it, then rename."""
    path = path.expanduser()
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name to write.")
    tmp = path.with_name(f".{path.name}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as exc:
        raise InputError(f"Cannot write {path} ({exc.strerror or exc}).") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        if tmp.exists():
            tmp.unlink()
        raise
    return path
