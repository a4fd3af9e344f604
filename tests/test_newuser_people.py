"""The People list at 80 columns as a new user met it (#13 item 10): real app, real file."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from textual import events
from textual.widgets import Static

from netui.app import make_app
from netui.screens.keys import KeysScreen
from netui.settings import Settings
from netui.store import PeopleQuery, Store
from netui.widgets.people_table import PeopleTable
from tests.conftest import TODAY
from tests.test_people_screen import count_label, seeded, settle, visible_names


def header_text(app: object) -> str:
    header = app.screen.query_one("#people-header")  # type: ignore[attr-defined]
    return str(header.render_line(0).text)


async def test_s_cycles_only_through_the_columns_shown(store: Store, settings: Settings) -> None:
    app = seeded(store, settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(PeopleTable)
        seen = []
        for _ in range(8):
            await pilot.press("s")
            await settle(pilot)
            seen.append(table.people_query.sort)
            assert "↑" in header_text(app), table.people_query.sort  # the arrow stays in sight
        assert "title" not in seen and "closeness" not in seen  # not shown at 80 columns
        assert seen[:5] == ["company", "stage", "follow_up", "last_contact", "name"]


async def test_keys_help_lists_the_screens_keys_aligned(store: Store, settings: Settings) -> None:
    app = seeded(store, settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, KeysScreen)
        text = "\n".join(str(w.render()) for w in app.screen.query(Static))
        for expected in ("Find", "Quick add", "Reverse sort", "Command palette", "Quit"):
            assert expected in text
        for text_box_key in ("Delete character", "Move cursor", "Paste", "Select all"):
            assert text_box_key not in text  # the filter box's editing keys are not listed
        rows = [line for line in text.splitlines() if line.startswith("  ")]
        assert len(rows) < 35
        starts = {re.match(r"\s*\S+(?:, \S+)*\s\s", row).end() for row in rows}  # type: ignore[union-attr]
        assert len(starts) == 1, rows  # every description starts in the same column


async def test_one_person_is_one_person(store: Store, settings: Settings) -> None:
    store.quick_add("Mei Chen @ Bakery")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert count_label(app) == "1 person"


def test_import_of_one_row_says_one_new_company(tmp_path: Path, db_path: Path) -> None:
    csv = tmp_path / "one.csv"
    csv.write_text("Name,Company,Email\nMei Chen,Bakery Co,mei@example.com\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "netui", "--db", str(db_path), "import", str(csv)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "1 new company." in result.stdout
    assert ", 1 row," in result.stdout
    assert "companies" not in result.stdout and "1 rows" not in result.stdout


async def test_names_sort_without_regard_to_accents(store: Store, settings: Settings) -> None:
    for name in ("Zoë Durand", "Émile Durand", "Eva Brown", "Ana Cruz", "Ömer Yilmaz"):
        store.add_person(name)
    assert [r.full_name for r in store.people_page(PeopleQuery(), 0, 10)] == [
        "Ana Cruz", "Émile Durand", "Eva Brown", "Ömer Yilmaz", "Zoë Durand",
    ]  # fmt: skip
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert visible_names(app)[1] == "Émile Durand"
        await pilot.press("slash", *"durand")  # a filtered list sorts the same way
        await settle(pilot)
        assert visible_names(app) == ["Émile Durand", "Zoë Durand"]


async def test_the_list_notices_a_cli_import_when_the_app_regains_focus(
    store: Store, settings: Settings, db_path: Path
) -> None:
    store.quick_add("Mei Chen @ Bakery")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.post_message(events.AppBlur())
        await settle(pilot)
        added = subprocess.run(
            [sys.executable, "-m", "netui", "--db", str(db_path), "add", "Zed Other @ Figma"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
        app.post_message(events.AppFocus())
        await settle(pilot)
        assert "Zed Other" in visible_names(app)
        assert count_label(app) == "2 people"


async def test_quick_add_says_the_whole_title_and_the_roles_name(
    store: Store, settings: Settings
) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("plus", *"Jon Smith @ Stripe, Engineering Manager, Payments", "enter")
        await settle(pilot)
        result = str(app.screen.query_one("#quick-result", Static).render())
        assert "Added Jon Smith @ Stripe, Engineering Manager, Payments (eng manager" in result
    assert store.get_person(1).title == "Engineering Manager, Payments"


def test_the_composers_last_time_hint_says_it_was_an_ask(store: Store) -> None:
    sam = store.add_person("Sam Rivera", company="Stripe")
    store.log_interaction(sam, "intro", direction="out", summary="to Dana on Payments")
    assert store.recipient_for(sam).last_summary == "ask intro: to Dana on Payments"
