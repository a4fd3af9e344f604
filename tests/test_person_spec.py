"""The person spec (netui/person_spec.py) is the one definition of a person's fields.

It cannot drift from the table the migrations make (names, SQL types, defaults, NOT NULL),
and a field added to it (one line, plus a migration) reaches the import record, spreadsheet
header aliases, merge fields, the CSV export and the store without another file changing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

from netui import person_spec as spec
from netui.db import Database
from netui.importers import spreadsheet
from netui.importers.record import Record
from netui.person_spec import FIELDS, STORED, PersonField

ROOT = Path(__file__).resolve().parents[1]

# Where the table is stricter than the spec's Python type, on purpose (and only here):
STRICTER = {
    "id": "INTEGER PRIMARY KEY: SQLite gives every row one",
    "full_name": "NOT NULL without a default: no person is written without a name",
    "created_at": "NOT NULL: set when the row is made (a record read before that has none)",
    "updated_at": "NOT NULL: set when the row is made",
}


def _sql_type(f: PersonField) -> str:
    return "INTEGER" if f.kind in (int, bool) else "TEXT"


def _sql_default(f: PersonField) -> str | None:
    """How PRAGMA table_info shows the column's default for this field."""
    if f.nullable:
        return None
    default = f.sql_default
    return str(default) if isinstance(default, int) else f"'{default}'"


def test_the_spec_matches_the_migrated_person_table(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "netui.db")
    try:
        with db.read() as conn:
            table = {
                row[1]: {"type": row[2], "notnull": bool(row[3]), "default": row[4]}
                for row in conn.execute("PRAGMA table_info(person)")
            }
    finally:
        db.close()
    assert set(table) == {f.name for f in STORED}, "a column without a field, or the reverse"
    for f in STORED:
        column = table[f.name]
        assert column["type"] == _sql_type(f), f.name
        if f.name in STRICTER:
            continue
        assert column["notnull"] == (not f.nullable), f.name
        assert column["default"] == _sql_default(f), f.name
    assert not table["full_name"]["default"] and table["full_name"]["notnull"]
    assert table["created_at"]["notnull"] and table["updated_at"]["notnull"]


def test_every_list_of_person_fields_is_the_specs() -> None:
    imported = [f.name for f in spec.PERSON_FIELDS if f.info.imported]
    assert tuple(imported) == spec.RECORD_FIELDS
    assert tuple(n for n in Record(line=1).values()) == spec.RECORD_FIELDS
    assert {n: FIELDS[n].label for n in spec.RECORD_FIELDS} == spreadsheet.NETUI_HEADERS
    assert list(spec.EXPORT_HEADERS) == [f.name for f in spec.PERSON_FIELDS if f.info.exported]
    for name, aliases in spec.HEADER_ALIASES.items():
        for alias in aliases:
            assert spreadsheet.guess_mapping([alias.title()]) == {alias.title(): name}
    from netui.store.duplicates import MERGE_FIELDS
    from netui.store.import_plan import COLUMNS
    from netui.store.value_rules import table_rules

    assert set(table_rules("person")) == {f.name for f in STORED}  # the migrated table's
    assert tuple(f.name for f in spec.PERSON_FIELDS if f.info.mergeable) == MERGE_FIELDS
    assert tuple("company_id" if n == "company" else n for n in spec.RECORD_FIELDS) == COLUMNS
    assert spec.ENUM_DEFAULTS == {
        "role": "unknown", "closeness": "acquaintance", "how_we_know": "other", "stage": "new",
    }  # fmt: skip


def test_a_stored_value_reads_as_its_type_and_an_unreadable_one_as_the_default() -> None:
    assert FIELDS["follow_up_on"].from_sql("2026-03-01") == date(2026, 3, 1)
    assert FIELDS["follow_up_on"].from_sql("soon") is None
    assert FIELDS["closeness"].from_sql("close") == "close"
    assert FIELDS["closeness"].from_sql("bestie") == "acquaintance"
    assert FIELDS["cadence_days"].from_sql(None) is None
    assert FIELDS["cadence_days"].from_sql(14) == 14
    assert isinstance(FIELDS["last_contact"].from_sql("2026-03-01 10:00:00"), datetime)


# ---- adding a field ---------------------------------------------------------------------

NEW_FIELD = (
    '    mastodon: str = info("", "Mastodon", aliases=("mastodon", "fediverse"), fill=True)\n'
)
NEW_STEP = (
    "\nMIGRATIONS.append(\"ALTER TABLE person ADD COLUMN mastodon TEXT NOT NULL DEFAULT ''\")\n"
)

FLOW = r"""
import json, sys
from pathlib import Path
from netui.db import Database
from netui.store import Store
from netui.importers import parse_file
from netui.exporters import people_csv
from netui import person_spec
from netui.importers import spreadsheet
from netui.store.duplicates import MERGE_FIELDS

work = Path(sys.argv[1])
db = Database.open(work / "netui.db")
store = Store(db)
sheet = work / "people.csv"
sheet.write_text("Name,Email,Fediverse\nAda Lovelace,ada@example.com,@ada@hachyderm.io\n")
store.import_records(parse_file(sheet))
ada = store.get_person(store.search_people("Ada")[0].id)
bea = store.add_person("Bea Ee", mastodon="@bea@example.social")
exported = people_csv(store.iter_export_people()).decode("utf-8-sig")


async def edit_in_the_form():
    from netui.app import make_app
    from netui.screens.person_form import PersonFormScreen
    from netui.settings import Settings

    app = make_app(store, Settings())
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        await app.push_screen(PersonFormScreen(bea))
        await pilot.pause()
        box = app.screen.query_one("#f-mastodon")
        shown = box.value
        box.value = "@bea@new.social"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    return shown


import asyncio
in_form = asyncio.run(edit_in_the_form())
after_form = store.get_person(bea).mastodon
db.close()
print(json.dumps({
    "record": "mastodon" in person_spec.RECORD_FIELDS,
    "alias": spreadsheet.field_for("Fediverse"),
    "merge": "mastodon" in MERGE_FIELDS,
    "imported": ada.mastodon,
    "header": exported.splitlines()[0],
    "rows": exported.splitlines()[1:],
    "in_form": in_form,
    "after_form": after_form,
}))
"""


def test_a_field_added_to_the_spec_reaches_import_merge_export_and_the_form(
    tmp_path: Path,
) -> None:
    """A copy of netui with one line added to PersonRecord, its name in FORM_LAYOUT and one
    migration step: nothing else is edited, and the field is imported by its alias, merged,
    stored, exported, shown in the form and saved from it."""
    copy = tmp_path / "src"
    shutil.copytree(ROOT / "netui", copy / "netui", ignore=shutil.ignore_patterns("__pycache__"))
    spec_file = copy / "netui" / "person_spec.py"
    text = spec_file.read_text(encoding="utf-8")
    anchor = "    company_id: int | None = system("
    assert anchor in text
    text = text.replace(anchor, NEW_FIELD + anchor, 1)
    row = '    ("cadence_days",),\n'
    assert row in text
    spec_file.write_text(text.replace(row, row + '    ("mastodon",),\n', 1), encoding="utf-8")
    schema = copy / "netui" / "schema.py"
    schema.write_text(schema.read_text(encoding="utf-8") + NEW_STEP, encoding="utf-8")
    text = schema.read_text(encoding="utf-8")
    # SCHEMA_VERSION counts the steps: recount after the appended one
    schema.write_text(text + "SCHEMA_VERSION = len(MIGRATIONS)\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", FLOW, str(work)],
        cwd=copy, env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                       "NETUI_CONFIG_DIR": str(tmp_path / "config")},
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["record"] and seen["merge"]
    assert seen["alias"] == "mastodon"
    assert seen["imported"] == "@ada@hachyderm.io"
    assert "Mastodon" in seen["header"].split(",")
    assert any("@bea@example.social" in row for row in seen["rows"])
    assert seen["in_form"] == "@bea@example.social"
    assert seen["after_form"] == "@bea@new.social"
