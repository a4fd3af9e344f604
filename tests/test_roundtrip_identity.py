"""Export -> import into an empty database gives the same people back, field for field,
for CSV, vCard and JSON: over adversarial networks where matching could merge two people
(same names at one company, shared family emails and phones) and values that could be
mangled (tabs, newlines, right-to-left marks, emoji, formula triggers)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netui import exporters
from netui.db import Database
from netui.enums import Closeness, HowWeKnow, Role, Stage
from netui.importers import load_json, parse_file
from netui.store import Store
from tests.conftest import NOW, TODAY

# Few names, companies, emails and phones, so collisions are the rule, not the exception.
NAMES = ["John Smith", "Ana María Núñez", "محمد علي", "Zoë 🚀 Star", "=Eve -Ex", "李雷"]
COMPANIES = ["", "Google", "google, inc.", "Acme 🚀", "شركة"]
EMAILS = ["", "", "family@example.com", "jo@example.com"]
PHONES = ["", "", "+1 555 0100", "555-0100 ext. 7"]
MARKS = ["", "\u200f", "\u200e", "🙂", "\u0301"]  # RTL/LTR marks, emoji, a combining accent

_TEXT_CHARS = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\u2028\u2029\x85"
)
_ONE_LINE = st.text(st.one_of(_TEXT_CHARS, st.sampled_from(MARKS[1:])), max_size=20)
_MULTI_LINE = st.text(
    st.one_of(_TEXT_CHARS, st.sampled_from(["\n", "\t", *MARKS[1:]])), max_size=40
)


@st.composite
def people(draw: st.DrawFn, index: int) -> dict[str, Any]:
    name = draw(st.sampled_from(NAMES)) + draw(st.sampled_from(MARKS))
    handle = f"https://www.linkedin.com/in/p-{index}"
    return {
        "full_name": name,
        "company": draw(st.sampled_from(COMPANIES)),
        "title": draw(_ONE_LINE),
        "role": draw(st.sampled_from([r.value for r in Role])),
        "closeness": draw(st.sampled_from([c.value for c in Closeness])),
        "how_we_know": draw(st.sampled_from([h.value for h in HowWeKnow])),
        "how_we_know_text": draw(_MULTI_LINE),
        "email": draw(st.sampled_from(EMAILS)),
        "phone": draw(st.sampled_from(PHONES)),
        "linkedin_url": draw(st.sampled_from(["", handle])),
        "instagram": draw(st.sampled_from(["", "@zo.e", "ана"])),
        "snapchat": draw(st.sampled_from(["", "snap_1"])),
        "other_channel": draw(_ONE_LINE),
        "city": draw(_ONE_LINE),
        "notes": draw(_MULTI_LINE),
        "stage": draw(st.sampled_from([s.value for s in Stage])),
        "next_step": draw(_MULTI_LINE),
        "follow_up_on": draw(st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))),
    }


@st.composite
def networks(draw: st.DrawFn) -> list[dict[str, Any]]:
    size = draw(st.integers(min_value=1, max_value=6))
    return [draw(people(i)) for i in range(size)]


@contextmanager
def _database(folder: Path, name: str) -> Iterator[Store]:
    db = Database.open(folder / name)
    try:
        yield Store(db, today=lambda: TODAY, now=lambda: NOW)
    finally:
        db.close()


# vCard carries these; role, stage, closeness and the rest are netui's own (CSV and JSON).
VCARD_FIELDS = (
    "full_name", "first_name", "company", "title", "email", "phone", "linkedin_url",
    "instagram", "snapchat", "city", "notes",
)  # fmt: skip


def _people_of(store: Store, fields: tuple[str, ...] | None = None) -> list[tuple[Any, ...]]:
    rows = store.export_people()
    keys = fields or tuple(k for k in rows[0] if k not in ("id", "last_contact")) if rows else ()
    return sorted(tuple(str(row[k]) for k in keys) for row in rows)


def _round_trip(network: list[dict[str, Any]], fmt: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with _database(folder, "a.db") as a:
            for person in network:
                a.add_person(**person)
            if fmt == "json":
                data = exporters.tables_json(a.export_tables()).encode("utf-8")
            elif fmt == "vcard":
                data = exporters.people_vcard(a.export_people()).encode("utf-8")
            else:
                data = exporters.people_csv(a.export_people(), raw=fmt == "raw csv")
            fields = VCARD_FIELDS if fmt == "vcard" else None
            before = _people_of(a, fields)
        path = folder / f"export.{fmt.split()[-1]}"
        path.write_bytes(data)
        with _database(folder, "b.db") as b:
            if fmt == "json":
                b.restore_json(load_json(path), path.name)
            else:
                result = parse_file(path)
                assert not result.problems, result.problems
                report = b.import_records(result)
                assert report.new == len(network)
            assert _people_of(b, fields) == before


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(network=networks())
def test_csv_export_then_import_gives_the_same_people(network: list[dict[str, Any]]) -> None:
    _round_trip(network, "csv")


@SETTINGS
@given(network=networks())
def test_raw_csv_export_then_import_gives_the_same_people(network: list[dict[str, Any]]) -> None:
    _round_trip(network, "raw csv")


@SETTINGS
@given(network=networks())
def test_vcard_export_then_import_gives_the_same_people(network: list[dict[str, Any]]) -> None:
    _round_trip(network, "vcard")


@SETTINGS
@given(network=networks())
def test_json_export_then_restore_gives_the_same_people(network: list[dict[str, Any]]) -> None:
    _round_trip(network, "json")


def test_two_john_smiths_at_google_and_a_shared_family_email_survive_a_round_trip() -> None:
    network = [
        {"full_name": "John Smith", "company": "Google", "role": "engineer"},
        {"full_name": "John Smith", "company": "Google", "role": "recruiter"},
        {"full_name": "Mary Jones", "email": "family@example.com"},
        {"full_name": "Peter Jones", "email": "family@example.com"},
        {"full_name": "Tab\tIn Name", "notes": "line one\n\tindented"},
    ]
    for fmt in ("csv", "vcard", "json"):
        _round_trip(network, fmt)
