"""Exports: spreadsheet-safe CSV, vCard 3.0 and JSON, each read back exactly by netui."""

from __future__ import annotations

import csv
import io
import json
import stat
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netui import exporters
from netui.cli import main
from netui.db import Database
from netui.enums import Closeness, HowWeKnow, Role, Stage
from netui.importers import parse_file
from netui.importers.record import RECORD_FIELDS
from netui.importers.vcard import parse_text
from netui.store import Store

# ---- strategies -------------------------------------------------------------------------

_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
_LINE = st.text(_CHARS, max_size=30).map(str.strip)
_MULTI = st.text(st.one_of(_CHARS, st.just("\n")), max_size=60).map(str.strip)
_WORD = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Z")), min_size=1, max_size=8)
_WORDS = st.lists(_WORD, min_size=1, max_size=3).map(" ".join)
_EMAIL = st.one_of(st.just(""), st.emails().filter(lambda e: len(e) < 60))
_URL = st.one_of(
    st.just(""),
    st.from_regex(r"[a-z0-9-]{3,20}", fullmatch=True).map(
        lambda s: f"https://www.linkedin.com/in/{s}"
    ),
)
_PHONE = st.one_of(st.just(""), st.from_regex(r"\+?[0-9 ()-]{7,15}", fullmatch=True).map(str.strip))
_DAY = st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 1, 1)))


def _enum(enum: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([m.value for m in enum])


@st.composite
def csv_people(draw: st.DrawFn) -> dict[str, Any]:
    """A person as netui stores it (stripped text, valid email and URL, real enums)."""
    full = draw(_LINE.filter(bool))
    return {
        "full_name": full,
        "first_name": draw(_LINE),
        "company": draw(_LINE),
        "title": draw(_LINE),
        "role": draw(_enum(Role)),
        "closeness": draw(_enum(Closeness)),
        "how_we_know": draw(_enum(HowWeKnow)),
        "how_we_know_text": draw(_MULTI),
        "email": draw(_EMAIL),
        "phone": draw(_LINE),
        "linkedin_url": draw(_URL),
        "instagram": draw(_LINE),
        "snapchat": draw(_LINE),
        "other_channel": draw(_LINE),
        "city": draw(_LINE),
        "notes": draw(_MULTI),
        "stage": draw(_enum(Stage)),
        "next_step": draw(_MULTI),
        "follow_up_on": draw(_DAY),
        "connected_on": draw(_DAY),
        "last_contact": None,
    }


VCARD_FIELDS = (
    "full_name", "first_name", "company", "title", "email", "phone", "linkedin_url",
    "instagram", "snapchat", "city", "notes",
)  # fmt: skip


@st.composite
def vcard_people(draw: st.DrawFn) -> dict[str, Any]:
    """The fields a vCard carries; one-line fields without runs of spaces."""
    full = draw(_WORDS)
    return {
        "full_name": full,
        "first_name": full.split()[0],
        "company": draw(st.one_of(st.just(""), _WORDS)),
        "title": draw(st.one_of(st.just(""), _WORDS)),
        "email": draw(_EMAIL),
        "phone": draw(_PHONE),
        "linkedin_url": draw(_URL),
        "instagram": draw(st.one_of(st.just(""), _WORD)),
        "snapchat": draw(st.one_of(st.just(""), _WORD)),
        "city": draw(st.one_of(st.just(""), _WORDS)),
        "notes": draw(_MULTI),
    }


def _record_values(record: Any) -> dict[str, Any]:
    return {f: getattr(record, f) for f in RECORD_FIELDS}


def _expected(person: dict[str, Any]) -> dict[str, Any]:
    return {f: person[f] if person[f] is not None else None for f in RECORD_FIELDS}


# ---- CSV ----------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(people=st.lists(csv_people(), min_size=1, max_size=5), raw=st.booleans())
def test_csv_export_then_import_is_the_identity(people: list[dict[str, Any]], raw: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "people.csv"
        path.write_bytes(exporters.people_csv(people, raw=raw))
        result = parse_file(path)
    assert result.format == "netui"
    assert not result.problems
    assert [_record_values(r) for r in result.records] == [_expected(p) for p in people]


_ANY_CELL = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)


@settings(max_examples=200, deadline=None)
@given(values=st.lists(_ANY_CELL, min_size=1, max_size=6))
def test_no_exported_csv_cell_starts_with_a_formula_trigger(values: list[str]) -> None:
    people = [
        {**dict.fromkeys(exporters.CSV_FIELDS, ""), "full_name": v, "notes": v, "phone": v}
        for v in values
    ]
    data = exporters.people_csv(people)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    for row in rows:
        for cell in row:
            assert cell[:1] not in exporters.TRIGGERS, cell


def test_safe_csv_quotes_formulas_and_raw_does_not() -> None:
    person = {**dict.fromkeys(exporters.CSV_FIELDS, ""), "full_name": "=HYPERLINK(1)",
              "phone": "+1 555 0100", "instagram": "@ana"}  # fmt: skip
    safe = exporters.people_csv([person]).decode("utf-8-sig")
    raw = exporters.people_csv([person], raw=True).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in safe and "'+1 555 0100" in safe and "'@ana" in safe
    assert "\r\n=HYPERLINK(1)," in raw and ",+1 555 0100," in raw
    assert exporters.people_csv([]).startswith(b"\xef\xbb\xbf")  # BOM for Excel


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(people=st.lists(csv_people(), min_size=1, max_size=4))
def test_csv_round_trip_through_two_databases(people: list[dict[str, Any]]) -> None:
    from netui.importers import ParseResult, Record

    with tempfile.TemporaryDirectory() as folder:
        first = _store(Path(folder) / "a.db")
        second = _store(Path(folder) / "b.db")
        records = [Record(i, **{f: p[f] for f in RECORD_FIELDS}) for i, p in enumerate(people)]
        first.import_records(ParseResult("x", "netui", records=records))
        path = Path(folder) / "out.csv"
        path.write_bytes(exporters.people_csv(first.export_people()))
        second.import_records(parse_file(path))
        strip = [{k: v for k, v in p.items() if k != "id"} for p in first.export_people()]
        assert [{k: v for k, v in p.items() if k != "id"} for p in second.export_people()] == strip
        first.db.close()
        second.db.close()


def _store(path: Path) -> Store:
    now = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
    return Store(Database.open(path), today=lambda: now.date(), now=lambda: now)


# ---- vCard --------------------------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(people=st.lists(vcard_people(), min_size=1, max_size=4))
def test_vcard_export_then_import_is_the_identity(people: list[dict[str, Any]]) -> None:
    result = parse_text(exporters.people_vcard(people), "people.vcf")
    assert not result.problems
    got = [{f: getattr(r, f) for f in VCARD_FIELDS} for r in result.records]
    assert got == [{f: p[f] for f in VCARD_FIELDS} for p in people]


def test_vcard_is_version_3_with_the_usual_properties() -> None:
    text = exporters.people_vcard(
        [{"id": 7, "full_name": "Ana Testa", "first_name": "Ana", "company": "Stripe, Inc.",
          "title": "Engineer", "email": "ana@example.com", "phone": "+1 555 0100",
          "linkedin_url": "https://www.linkedin.com/in/ana", "city": "Porto", "notes": "a\nb"}]
    )  # fmt: skip
    lines = text.split("\r\n")
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:3.0"]
    for expected in ("FN:Ana Testa", "N:Testa;Ana;;;", "ORG:Stripe\\, Inc.", "TITLE:Engineer",
                     "EMAIL;TYPE=INTERNET:ana@example.com", "TEL;TYPE=CELL:+1 555 0100",
                     "NOTE:a\\nb", "UID:netui-person-7"):  # fmt: skip
        assert expected in lines


# ---- the CLI and files --------------------------------------------------------------------


def _seeded(db_path: Path) -> None:
    from netui.demo import seed_demo

    db = Database.open(db_path)
    seed_demo(db, today=date(2026, 11, 26))
    db.close()


def test_export_files_are_private_and_stdout_gets_the_same_bytes(
    db_path: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    _seeded(db_path)
    for fmt in ("csv", "vcard", "json"):
        out = tmp_path / f"people.{fmt}"
        assert main(["--db", str(db_path), "export", "--format", fmt, "-o", str(out)]) == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        capsysbinary.readouterr()
        assert main(["--db", str(db_path), "export", "--format", fmt]) == 0
        printed = capsysbinary.readouterr().out
        if fmt == "json":  # the export time differs
            assert json.loads(printed)["tables"] == json.loads(out.read_bytes())["tables"]
        else:
            assert printed == out.read_bytes()


def test_json_export_restores_everything_exactly(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _seeded(db_path)
    dump = tmp_path / "all.json"
    assert main(["--db", str(db_path), "export", "--format", "json", "-o", str(dump)]) == 0
    fresh = tmp_path / "restored.db"
    assert main(["--db", str(fresh), "import", str(dump)]) == 0
    assert "Restored all.json: 15 companies, 61 people" in capsys.readouterr().out
    again = tmp_path / "again.json"
    assert main(["--db", str(fresh), "export", "--format", "json", "-o", str(again)]) == 0
    assert json.loads(again.read_text())["tables"] == json.loads(dump.read_text())["tables"]
    # a second restore into the same (now full) database is refused, nothing changes
    assert main(["--db", str(fresh), "import", str(dump)]) == 1
    assert "this database is not empty" in capsys.readouterr().err


def test_ics_export_of_a_meeting(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pid = store.add_person("Ana Testa", company="Stripe")
    mid = store.plan_meeting(pid, datetime(2026, 12, 1, 9, 0, tzinfo=UTC), place="Blue Cafe")
    out = tmp_path / "coffee.ics"
    args = ["--db", str(store.db.path), "export", "--format", "ics", "--meeting", str(mid)]
    assert main([*args, "-o", str(out)]) == 0
    text = out.read_text()
    assert "BEGIN:VEVENT" in text and "Ana Testa" in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert main(["--db", str(store.db.path), "export", "--format", "ics"]) == 1
    assert "needs --meeting ID" in capsys.readouterr().err


def test_export_to_a_folder_or_missing_folder_is_one_sentence(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _seeded(db_path)
    assert main(["--db", str(db_path), "export", "-o", str(tmp_path)]) == 1
    assert "is a folder; give a file name" in capsys.readouterr().err
    missing = tmp_path / "no" / "such" / "people.csv"
    assert main(["--db", str(db_path), "export", "-o", str(missing)]) == 1
    assert "Cannot write" in capsys.readouterr().err
