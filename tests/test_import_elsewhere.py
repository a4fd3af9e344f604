"""A big contacts file's preview, read and planned in a child process (issue 16: the app
gives the memory back), its first rows shown while that runs: driven like a user drives it,
on a real file, a real database and a real child process."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from netui.app import make_app
from netui.errors import InputError
from netui.importers import ContactsSource
from netui.importers import peek as peek_module
from netui.screens.importer import ImportScreen
from netui.settings import Settings
from netui.store import Store
from netui.store.imports import ImportMixin
from tests.conftest import TODAY

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def connections(path: Path, rows: int, bad_line: int = 0) -> Path:
    lines = [HEADER]
    for i in range(rows):
        line = (
            f"Ana{i},Testa,https://www.linkedin.com/in/ana-{i},,Acme {i % 7},Engineer,12 Mar 2024"
        )
        lines.append('Bo,"Ek"x,,,,,' if i + 2 == bad_line else line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def every_file_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small files stand in for big ones: every plain file is read in a child process."""
    monkeypatch.setattr(peek_module, "ELSEWHERE_BYTES", 0)


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def text(screen: ImportScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def open_file(pilot: Pilot[Any], path: Path) -> ImportScreen:
    screen = ImportScreen()
    await pilot.app.push_screen(screen)
    await settle(pilot)
    screen.query_one("#import-path", Input).value = str(path)
    await pilot.press("enter")
    return screen


async def test_first_rows_then_the_counts_then_every_row_imported(
    store: Store, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = connections(tmp_path / "Connections.csv", 300)
    counted = threading.Event()  # the child's answer waits until the first rows were seen
    real = ImportMixin.preview_elsewhere

    def held(self: Store, *args: Any, **kwargs: Any) -> Any:
        assert counted.wait(30)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(ImportMixin, "preview_elsewhere", held)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, path)
        preview = screen.query_one("#import-preview", DataTable)
        for _ in range(200):
            await pilot.pause(0.01)
            if preview.row_count:
                break
        first = [str(c) for c in preview.get_row_at(0)]
        assert first[:3] == ["2", "Ana0 Testa", "…"]  # what it will be: not known yet
        assert preview.row_count == 200
        assert text(screen, "#import-summary") == ""
        assert "reading all of Connections.csv" in text(screen, "#import-status")
        counted.set()
        await settle(pilot)
        assert "new 300 · updated 0 · unchanged 0" in text(screen, "#import-summary")
        assert "LinkedIn connections" in text(screen, "#import-status")
        assert "300 rows" in text(screen, "#import-status")
        assert [str(c) for c in preview.get_row_at(0)][:3] == ["2", "Ana0 Testa", "new"]
        assert store.total_people() == 0
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not screen
    assert store.total_people() == 300  # every row, not the 200 the preview kept


async def test_a_bad_file_read_elsewhere_is_one_line_naming_it_and_changes_nothing(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    path = connections(tmp_path / "broken.csv", 300, bad_line=250)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, path)
        await settle(pilot)
        status = text(screen, "#import-status")
        assert status.startswith("✗ broken.csv, line 250, column 2 (Last Name): ")
        assert "\n" not in status and "Traceback" not in status
        assert screen.query_one("#import-preview", DataTable).row_count == 0
        assert text(screen, "#import-summary") == ""
        await pilot.press("ctrl+s")  # nothing loaded: nothing to import
        await settle(pilot)
    assert store.total_people() == 0


def test_the_child_says_what_the_app_says_about_a_bad_file(store: Store, tmp_path: Path) -> None:
    path = connections(tmp_path / "broken.csv", 20, bad_line=7)
    with pytest.raises(InputError) as raised:
        store.preview_elsewhere(path)
    assert str(raised.value).startswith("broken.csv, line 7, column 2 (Last Name): ")
    assert store.total_people() == 0


async def test_a_file_changed_after_its_preview_is_not_imported(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    path = connections(tmp_path / "Connections.csv", 50)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, path)
        await settle(pilot)
        assert "new 50 ·" in text(screen, "#import-summary")
        connections(path, 60)  # saved again from the spreadsheet meanwhile
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        status = text(screen, "#import-status")
        assert "Connections.csv changed since its preview; nothing was imported." in status
    assert store.total_people() == 0


async def test_where_no_child_process_can_start_the_app_reads_the_file_itself(
    store: Store, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = connections(tmp_path / "Connections.csv", 250)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-python-here"))
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, path)
        await settle(pilot)
        assert "new 250 · updated 0 · unchanged 0" in text(screen, "#import-summary")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert store.total_people() == 250


def test_the_first_rows_are_the_whole_reads_first_rows(tmp_path: Path) -> None:
    from netui.importers import open_source
    from netui.importers.peek import peek

    path = connections(tmp_path / "Connections.csv", 3000)
    first = peek(path)
    whole = open_source(path)
    assert first is not None and isinstance(whole, ContactsSource)
    assert first.result.records == whole.result.records[:200]
    cards = tmp_path / "contacts.vcf"
    cards.write_text(
        "".join(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Ek {i}\r\nEMAIL:bo{i}@x.org\r\nEND:VCARD\r\n"
            for i in range(2000)
        ),
        encoding="utf-8",
    )
    first, whole = peek(cards), open_source(cards)
    assert first is not None and isinstance(whole, ContactsSource)
    assert [r.full_name for r in first.result.records] == [
        r.full_name for r in whole.result.records[:200]
    ]
    broken = tmp_path / "broken.csv"
    broken.write_text(HEADER + '\nAna,"Testa\n' + "x,y\n" * 5000, encoding="utf-8")
    assert peek(broken) is None  # its start says nothing sure: the whole read decides
