"""Archives through `netui import` and the Import screen: read once, preview, bring in."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from netui.app import make_app
from netui.cli import main
from netui.screens.dialogs import ConfirmScreen
from netui.screens.import_messages import Progressed
from netui.screens.importer import ImportScreen
from netui.screens.review import ReviewScreen
from netui.settings import Settings
from netui.store import Store
from tests.channel_fixtures import (
    ANDROID_CHAT,
    MAILBOX,
    ME,
    mail_message,
    write_mbox,
    write_whatsapp_zip,
)
from tests.conftest import TODAY
from tests.test_import_screen import settle

MBOX = "All mail Including Spam and Trash.mbox"


def people(db: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["--db", str(db), "list"]) == 0
    return [line.split("\t")[1] for line in capsys.readouterr().out.splitlines()]


def test_whatsapp_without_my_name_asks_for_it_in_one_sentence(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "add", "Kept Person @ Acme"]) == 0
    capsys.readouterr()
    chat = write_whatsapp_zip(tmp_path / "WhatsApp Chat - Ama Owusu.zip")
    assert main(["--db", str(db_path), "import", str(chat)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "WhatsApp chats need your name as it appears in them" in err
    assert "netui settings my_name" in err
    assert people(db_path, capsys) == ["Kept Person"]


def test_a_broken_member_of_a_zip_is_named_and_nothing_changes(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "add", "Kept Person @ Acme"]) == 0
    capsys.readouterr()
    path = tmp_path / "facebook-alex.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("connections/friends/your_friends.json", '{"friends_v2": [\n{"name": "A",}\n]}')
    assert main(["--db", str(db_path), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "facebook-alex.zip: connections/friends/your_friends.json, line 2, column" in err
    assert people(db_path, capsys) == ["Kept Person"]


async def test_the_screen_says_whatsapp_needs_my_name(store: Store, tmp_path: Path) -> None:
    chat = write_whatsapp_zip(tmp_path / "WhatsApp Chat - Ama Owusu.zip")
    app = make_app(store, Settings(), today=lambda: TODAY)  # no name set
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = ImportScreen()
        await app.push_screen(screen)
        await settle(pilot)
        screen.query_one("#import-path", Input).value = str(chat)
        await pilot.press("enter")
        await settle(pilot)
        status = str(screen.query_one("#import-status", Static).render())
        assert "✗ WhatsApp chats need your name as it appears in them: set it in settings" in status


def test_cli_dry_run_previews_an_mbox_and_saves_nothing(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    priya = ["--db", str(db_path), "add", "Priya Raman @ Meta"]
    assert main(priya) == 0
    capsys.readouterr()
    mbox = write_mbox(tmp_path / MBOX)
    assert main(["--db", str(db_path), "import", str(mbox), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"{MBOX}: Gmail mbox, 10 messages" in out
    assert f"You: {ME} (guessed: the address in most messages" in out
    assert out.rstrip().endswith("Dry run: nothing was saved.")
    assert people(db_path, capsys) == ["Priya Raman"]


def test_a_folder_with_several_archives_says_what_it_did_not_read(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    write_mbox(downloads / MBOX)
    (downloads / "WhatsApp Chat with Ama Owusu.txt").write_text(ANDROID_CHAT)
    assert main(["--db", str(db_path), "import", str(downloads), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Downloads: Gmail mbox, 10 messages" in out
    assert "It also holds, not read: WhatsApp chat" in out
    # one archive alone says nothing of the kind
    assert main(["--db", str(db_path), "import", str(downloads / MBOX), "--dry-run"]) == 0
    assert "also holds" not in capsys.readouterr().out


def test_cli_import_puts_evidence_on_people_and_twice_changes_nothing(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from netui.db import Database

    assert main(["--db", str(db_path), "add", "Priya Raman @ Meta"]) == 0
    capsys.readouterr()
    mbox = write_mbox(tmp_path / MBOX)
    assert main(["--db", str(db_path), "import", str(mbox)]) == 0
    out = capsys.readouterr().out
    assert "evidence for 1 person already here" in out
    assert "The candidates wait for review: netui candidates lists them." in out
    db = Database.open(db_path)
    store = Store(db)
    try:
        first = store.interaction_count(1)
        assert first >= 1  # her conversation days are on her timeline
    finally:
        db.close()
    assert main(["--db", str(db_path), "import", str(mbox)]) == 0
    capsys.readouterr()
    db = Database.open(db_path)
    try:
        assert Store(db).interaction_count(1) == first
    finally:
        db.close()
    assert people(db_path, capsys) == ["Priya Raman"]  # an archive adds no one by itself


async def test_the_screen_previews_an_archive_brings_it_in_and_offers_review(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    priya = store.add_person("Priya Raman", company="Meta")
    mbox = write_mbox(tmp_path / MBOX)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = ImportScreen()
        await app.push_screen(screen)
        await settle(pilot)
        screen.query_one("#import-path", Input).value = str(mbox)
        await pilot.press("enter")
        await settle(pilot)
        assert "Gmail mbox, 10 messages" in str(screen.query_one("#import-status").render())
        summary = str(screen.query_one("#import-summary", Static).render())
        assert f"You: {ME} (guessed" in summary
        assert store.interaction_count(priya) == 0  # the preview wrote nothing
        table = screen.query_one("#import-preview", DataTable)
        rows = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert rows[0].startswith("1 person already here")  # the store's preview
        assert any("new candidate" in row for row in rows)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)  # candidates wait: Review is offered
        assert "3 new candidates to review" in str(app.screen.query_one(Static).render())
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
    assert store.interaction_count(priya) >= 1


async def test_the_preview_wraps_a_long_line_at_80_columns(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    undated = mail_message("Wen Li <wen@cs.stanford.edu>", ME, "someday", "Hi")
    mbox = write_mbox(tmp_path / MBOX, [*MAILBOX, undated])  # two reasons to leave out
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = ImportScreen()
        await app.push_screen(screen)
        await settle(pilot)
        screen.query_one("#import-path", Input).value = str(mbox)
        await pilot.press("enter")
        await settle(pilot)
        table = screen.query_one("#import-preview", DataTable)
        rows = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        left = next(row for row in rows if row.startswith("Left out:"))
        # the whole sentence is there, in lines that fit the table
        assert " ".join(left.split()) == (
            "Left out: bulk mail (mailing lists, no-reply senders, Spam, Trash): 5; "
            "no readable Date header: 1."
        )
        assert all(len(line) <= table.size.width for row in rows for line in row.splitlines())


CONNECTIONS = Path(__file__).parent / "fixtures" / "import" / "linkedin_current.csv"


def linkedin_full_export(path: Path) -> Path:
    from tests.channel_fixtures import write_linkedin_zip

    write_linkedin_zip(path)
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("Connections.csv", CONNECTIONS.read_text(encoding="utf-8"))
    return path


def test_the_linkedin_export_zip_brings_its_connections_with_the_messages(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from netui.importers import ArchiveSource, open_source

    path = linkedin_full_export(tmp_path / "Complete_LinkedInDataExport_12-01-2026.zip")
    source = open_source(path)
    assert isinstance(source, ArchiveSource) and source.format.name == "linkedin-messages"
    assert source.contacts is not None
    assert source.contacts.result.source == f"{path.name}: Connections.csv"
    assert len(source.contacts.result.records) == 4
    assert main(["--db", str(db_path), "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"{path.name}: Connections.csv: LinkedIn connections, 5 rows" in out
    assert f"{path.name}: LinkedIn messages, 7 rows" in out
    assert out.rstrip().endswith("Dry run: nothing was saved.")
    assert people(db_path, capsys) == []
    assert main(["--db", str(db_path), "import", str(path)]) == 0
    capsys.readouterr()
    assert len(people(db_path, capsys)) == 4


def test_a_zip_around_one_contact_list_is_that_list(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Connections.csv", CONNECTIONS.read_text(encoding="utf-8"))
    assert main(["--db", str(db_path), "import", str(path)]) == 0
    assert "Basic_LinkedInDataExport.zip: Connections.csv: LinkedIn connections" in (
        capsys.readouterr().out
    )
    assert len(people(db_path, capsys)) == 4
    two = tmp_path / "two.zip"
    with zipfile.ZipFile(two, "w") as z:
        z.writestr("a/Connections.csv", CONNECTIONS.read_text(encoding="utf-8"))
        z.writestr("b/All Contacts.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:A B\nEND:VCARD\n")
    assert main(["--db", str(db_path), "import", str(two)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "two.zip holds 2 contact lists" in err


def test_a_broken_contact_list_in_a_zip_names_the_member_and_line(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Connections.csv", 'First Name,Last Name,Company\nAna,Testa,"Acme\n')
    assert main(["--db", str(db_path), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "export.zip: Connections.csv, line 2, column 3 (Company): a quote opens here" in err
    assert people(db_path, capsys) == []


async def test_the_screen_shows_the_connections_of_a_linkedin_export_and_imports_them(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    path = linkedin_full_export(tmp_path / "Complete_LinkedInDataExport.zip")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = ImportScreen()
        await app.push_screen(screen)
        await settle(pilot)
        screen.query_one("#import-path", Input).value = str(path)
        await pilot.press("enter")
        await settle(pilot)
        assert "LinkedIn messages, 7 rows" in str(screen.query_one("#import-status").render())
        assert screen.query_one("#import-preview", DataTable).row_count == 4
        summary = str(screen.query_one("#import-summary", Static).render())
        assert "Connections.csv: new 4" in summary
        assert "You: https://www.linkedin.com/in/alex-morgan-0a1b2c" in summary
        assert store.total_people() == 0
        await pilot.press("ctrl+s")
        await settle(pilot)
        if isinstance(app.screen, ConfirmScreen):  # with the candidates store: review offered
            await pilot.press("n")
            await settle(pilot)
        assert not isinstance(app.screen, ImportScreen)
    assert store.total_people() == 4


async def test_reading_a_big_archive_shows_progress(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    from tests.channel_fixtures import mail_message

    messages = [
        mail_message(f"Person {i} <p{i}@example.org>", ME, "Tue, 2 Jan 2024 09:00:00 +0000",
                     f"Hello {i}")
        for i in range(3000)
    ]  # fmt: skip
    mbox = write_mbox(tmp_path / MBOX, messages)
    seen: list[tuple[float, str]] = []

    def hook(message: object) -> None:
        if isinstance(message, Progressed):
            seen.append((message.percent, message.phase))

    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await settle(pilot)
        screen = ImportScreen()
        await app.push_screen(screen)
        await settle(pilot)
        screen.query_one("#import-path", Input).value = str(mbox)
        await pilot.press("enter")
        await settle(pilot)
        assert "Gmail mbox, 3,000 messages" in str(screen.query_one("#import-status").render())
    percents = [p for p, _phase in seen]
    assert percents and percents[-1] == 100 and percents == sorted(percents)
    assert all(phase == f"Reading {MBOX}…" for _p, phase in seen)
