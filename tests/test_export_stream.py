"""Streamed exports: the same bytes the whole-file exporters wrote, every person, no partial file.

The references below are the exporters as they were before streaming (vobject for vCard, one
StringIO for CSV, json.dumps for JSON); the streamed ones must match them byte for byte on a
real database with awkward values, and hold every row of it.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netui import exporters
from netui.cli import main
from netui.db import Database
from netui.demo import generate_people
from netui.names import vcard_name
from netui.store import Store
from netui.store.exports import JSON_HEADER

STAMP = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
AWKWARD = [
    'Zoë, "the" Ñandú; back\\slash',
    "line one\nline two\r\nthree\rfour",
    "x" * 74,
    "y" * 75,
    "z" * 200,
    "é" * 40,
    "日本語のテキスト" * 12,
    "emoji 🙂🙂🙂 " * 9,
    "=SUM(A1) +1 -2 @me",
    "'=quoted",
    "tab\there",
]


def reference_vcard(people: Iterable[Mapping[str, Any]]) -> str:
    """The vCard exporter before streaming (vobject)."""
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


def reference_csv(people: Iterable[Mapping[str, Any]], raw: bool = False) -> bytes:
    """The CSV exporter before streaming (one StringIO)."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(exporters.CSV_HEADER)
    for person in people:
        cells = [exporters._text(person.get(f)) for f in exporters.CSV_FIELDS]
        cells.append(exporters._text(person.get("last_contact")))
        writer.writerow([exporters.safe_cell(c, raw) for c in cells])
    return codecs.BOM_UTF8 + buf.getvalue().encode("utf-8")


def reference_json(data: Mapping[str, Any]) -> str:
    """The JSON exporter before streaming (json.dumps of everything)."""
    stamped = {**data, "exported_at": STAMP.strftime("%Y-%m-%dT%H:%M:%SZ")}
    return json.dumps(stamped, ensure_ascii=False, indent=1) + "\n"


@pytest.fixture
def awkward_db(tmp_path: Path) -> Iterator[Store]:
    """1,234 generated people (more than one streamed chunk) plus every awkward value in every
    exported text column of some of them; one archived (never exported)."""
    path = tmp_path / "awkward.db"
    db = Database.open(path)
    generate_people(db, 1234)
    db.close()
    conn = sqlite3.connect(path)
    columns = ["full_name", "first_name", "title", "email", "phone", "linkedin_url", "city",
               "notes", "instagram", "snapchat", "next_step", "how_we_know_text"]  # fmt: skip
    for i, value in enumerate(AWKWARD):
        sets = ", ".join(f"{c} = ?" for c in columns)
        conn.execute(f"UPDATE person SET {sets} WHERE id = ?", [value] * len(columns) + [i + 1])
        conn.execute("UPDATE company SET name = ? WHERE id = ?", (value, i + 1))
    conn.execute("UPDATE person SET first_name = '', title = '', city = '' WHERE id = 20")
    conn.execute("UPDATE person SET archived_at = '2026-01-01T00:00:00Z' WHERE id = 21")
    conn.execute("UPDATE person SET last_contact = 1.5 WHERE id = 22")  # a float survives JSON
    conn.commit()
    conn.close()
    store = Store(Database.open(path), today=lambda: date(2026, 12, 2), now=lambda: STAMP)
    yield store
    store.db.close()


def test_streamed_exports_are_byte_identical_to_the_whole_file_ones(awkward_db: Store) -> None:
    people = awkward_db.export_people()
    assert len(people) == 1233  # the archived one is left out
    vcard = b"".join(exporters.iter_people_vcard(awkward_db.iter_export_people()))
    assert vcard == reference_vcard(people).encode("utf-8")
    for raw in (False, True):
        got = b"".join(exporters.iter_people_csv(awkward_db.iter_export_people(), raw=raw))
        assert got == reference_csv(people, raw=raw)
    chunks = list(exporters.iter_tables_json(awkward_db.iter_export_tables(), JSON_HEADER, STAMP))
    assert len(chunks) > 1  # it really streams
    assert b"".join(chunks).decode("utf-8") == reference_json(awkward_db.export_tables())
    assert exporters.tables_json(awkward_db.export_tables(), STAMP) == reference_json(
        awkward_db.export_tables()
    )


def test_json_layout_of_empty_tables_matches_json_dumps(tmp_path: Path) -> None:
    store = Store(Database.open(tmp_path / "empty.db"))
    data = store.export_tables()
    assert all(not t["rows"] for t in data["tables"].values())
    assert exporters.tables_json(data, STAMP) == reference_json(data)
    assert exporters.tables_json({**JSON_HEADER, "tables": {}}, STAMP) == reference_json(
        {**JSON_HEADER, "tables": {}}
    )
    store.db.close()


def test_cli_export_files_hold_every_person_and_every_row(
    awkward_db: Store, tmp_path: Path
) -> None:
    """The files the command writes are the references, whole: a cut-off export fails here."""
    db = str(awkward_db.db.path)
    people = awkward_db.export_people()
    for fmt in ("csv", "vcard", "json"):
        out = tmp_path / f"all.{fmt}"
        assert main(["--db", db, "export", "--format", fmt, "-o", str(out)]) == 0
        data = out.read_bytes()
        if fmt == "vcard":
            assert data == reference_vcard(people).encode("utf-8")
            assert data.count(b"BEGIN:VCARD\r\n") == data.count(b"END:VCARD\r\n") == 1233
            assert data.endswith(b"END:VCARD\r\n")
        elif fmt == "csv":
            assert data == reference_csv(people)
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
            assert len(rows) == 1 + 1233
        else:
            loaded = json.loads(data)
            assert (
                loaded["tables"] == json.loads(reference_json(awkward_db.export_tables()))["tables"]
            )
            assert len(loaded["tables"]["person"]["rows"]) == 1234


def test_an_export_that_fails_midway_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "people.vcf"
    out.write_bytes(b"the previous export")

    def chunks() -> Iterator[bytes]:
        yield b"BEGIN:VCARD\r\n"
        raise OSError("disk full")

    with pytest.raises(OSError):
        exporters.write_private(out, chunks())
    assert out.read_bytes() == b"the previous export"  # never half a file
    assert [p.name for p in tmp_path.iterdir()] == ["people.vcf"]


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)


_CARD_TEXT = ("full_name", "first_name", "company", "title", "email", "phone", "linkedin_url",
              "instagram", "snapchat", "city", "notes")  # fmt: skip
_CARD = st.fixed_dictionaries(
    {**dict.fromkeys(_CARD_TEXT, _TEXT), "id": st.one_of(st.none(), st.integers(0, 10**12))}
)


@settings(max_examples=300, deadline=None)
@given(person=_CARD)
def test_one_vcard_is_what_vobject_writes(person: dict[str, Any]) -> None:
    assert exporters.vcard(person) == reference_vcard([person])
