"""The Import screen driven like a user drives it: real app, real files, real database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from netui.app import NetuiApp, make_app
from netui.importers.spreadsheet import MAP_FIELDS
from netui.screens.import_messages import Progressed
from netui.screens.import_parts import complete_path
from netui.screens.importer import ImportScreen
from netui.settings import Settings
from netui.store import Store
from tests.conftest import TODAY

FIXTURES = Path(__file__).parent / "fixtures" / "import"


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def text_of(app: NetuiApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def open_file(pilot: Pilot[Any], path: Path) -> ImportScreen:
    app = pilot.app
    screen = ImportScreen()
    await app.push_screen(screen)
    await settle(pilot)
    screen.query_one("#import-path", Input).value = str(path)
    await pilot.press("enter")
    await settle(pilot)
    return screen


async def test_linkedin_file_preview_confirm_and_people_list_refreshes(
    store: Store, settings: Settings
) -> None:
    store.add_person(
        "Ana Testa", company="Stripe", linkedin_url="https://www.linkedin.com/in/ana-testa-0001"
    )
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, FIXTURES / "linkedin_current.csv")
        status = text_of(app, "#import-status")
        assert "LinkedIn connections" in status and "5 rows" in status
        assert "header on line 4" in status
        preview = screen.query_one("#import-preview", DataTable)
        assert preview.row_count == 4
        assert not screen.query_one("#import-mapping", DataTable).display  # no mapping step
        first = [str(c) for c in preview.get_row_at(0)]
        assert first[1:3] == ["Ana Testa", "update"]
        summary = text_of(app, "#import-summary")
        assert "new 3 · updated 1 · unchanged 0 · skipped 1 · errors 0" in summary
        assert store.total_people() == 1  # the preview wrote nothing
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not screen  # back on the People list
        assert store.total_people() == 4
        assert "people" in str(app.screen.query_one("#people-count", Static).render())
        assert "4 people" in str(app.screen.query_one("#people-count", Static).render())


async def test_spreadsheet_column_mapping_changed_on_the_keyboard(
    store: Store, settings: Settings
) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, FIXTURES / "sheet_custom_headers.csv")
        mapping = screen.query_one("#import-mapping", DataTable)
        assert mapping.display
        rows = [[str(c) for c in mapping.get_row_at(i)] for i in range(mapping.row_count)]
        assert rows[0][:2] == ["Person", "full name"]
        assert rows[3][:2] == ["Contact info", "skip"]
        mapping.focus()
        mapping.move_cursor(row=3)
        await pilot.press("enter")  # opens the field picker
        await settle(pilot)
        await pilot.press("home")  # the list starts on the current choice, 'skip'
        for _ in range(MAP_FIELDS.index("email")):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        mapping = screen.query_one("#import-mapping", DataTable)
        assert [str(c) for c in mapping.get_row_at(3)][:2] == ["Contact info", "email"]
        preview = screen.query_one("#import-preview", DataTable)
        assert [str(c) for c in preview.get_row_at(0)][5] == "rafa@example.com"
        await pilot.press("ctrl+s")
        await settle(pilot)
    rafa = store.get_person(store.search_people("Rafa")[0].id)
    assert (rafa.email, store.company_name(rafa.company_id)) == ("rafa@example.com", "Hooli")


async def test_a_broken_file_shows_one_sentence_and_imports_nothing(
    store: Store, settings: Settings
) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, FIXTURES / "bad_unclosed_quote.csv")
        assert "line 3, column 3 (Notes): a quote opens here and is never closed" in text_of(
            app, "#import-status"
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert store.total_people() == 0
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is not screen


async def test_vcard_with_a_bad_card_reports_it_before_import(
    store: Store, settings: Settings
) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_file(pilot, FIXTURES / "three_cards_one_bad.vcf")
        summary = text_of(app, "#import-summary")
        assert "new 2" in summary and "errors 1" in summary
        assert "line 11: this card could not be read" in summary
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert store.total_people() == 2


def test_path_completion(tmp_path: Path) -> None:
    (tmp_path / "Connections.csv").write_text("x")
    (tmp_path / "contacts").mkdir()
    (tmp_path / "notes.md").write_text("x")
    base = str(tmp_path) + "/"
    assert complete_path(base + "Conn") == base + "Connections.csv"
    assert complete_path(base + "cont") == base + "contacts/"
    assert complete_path(base + "not") is None  # not a file netui imports


async def test_i_and_shift_m_on_the_people_list_open_import_and_duplicates(
    store: Store, settings: Settings
) -> None:
    from netui.screens.duplicates import DuplicatesScreen

    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        assert isinstance(app.screen, DuplicatesScreen)
        assert "No likely duplicates" in text_of(app, "#dup-status")


async def test_a_json_export_restores_into_an_empty_database_from_the_screen(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    from netui import exporters
    from netui.db import Database

    store.add_person("Vera Backup", company="Acme", email="vera@example.com")
    dump = tmp_path / "netui.json"
    dump.write_text(exporters.tables_json(store.export_tables()), encoding="utf-8")
    fresh = Store(Database.open(tmp_path / "fresh.db"))
    app = make_app(fresh, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_file(pilot, dump)
        assert "netui JSON export · 1 person." in text_of(app, "#import-status")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ImportScreen)
    assert fresh.export_tables() == store.export_tables()
    fresh.db.close()


async def test_a_big_file_shows_progress_while_importing(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    big = tmp_path / "Connections.csv"
    rows = [f"First{i},Last{i},https://www.linkedin.com/in/p-{i},,Co {i % 40},Engineer,01 Jan 2024"
            for i in range(12_000)]  # fmt: skip
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
    big.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    seen: list[float] = []

    def hook(message: object) -> None:
        if isinstance(message, Progressed):
            seen.append(message.percent)

    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
        await settle(pilot)
        await open_file(pilot, big)
        assert "new 12,000" in text_of(app, "#import-summary")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert seen and seen[-1] == 100 and seen == sorted(seen)
    assert store.total_people() == 12_000
