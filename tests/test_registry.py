"""The import-format registry: one module per format, one reader (`open_source`) for all."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from netui.cli import main
from netui.errors import InputError
from netui.importers import (
    ArchiveSource,
    ContactsSource,
    Me,
    RestoreSource,
    all_formats,
    choices,
    labels,
    open_source,
    registry,
)
from netui.importers import formats as format_package
from tests.channel_fixtures import (
    ANDROID_CHAT,
    write_facebook_zip,
    write_instagram_zip,
    write_linkedin_zip,
    write_maildir,
    write_mbox,
    write_snapchat_zip,
    write_whatsapp_zip,
)
from tests.test_cli import netui

FIXTURES = Path(__file__).parent / "fixtures" / "import"

# A whole new format, as a contributor would write it: this text is the module, nothing else.
NAMELIST_MODULE = '''
"""A plain list of 'Name <address>' lines, as mail clients copy them."""

from __future__ import annotations

import re
from pathlib import Path

from netui.importers.record import ParseResult, Record
from netui.importers.registry import Format, register

LINE = re.compile(r"^\\s*([^<>]+?)\\s*<([^<>@\\s]+@[^<>\\s]+)>\\s*$")


def sniff(path: Path, text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and all(LINE.match(line) for line in lines)


def parse(text: str, source: str) -> ParseResult:
    result = ParseResult(source=source, format="namelist")
    for number, line in enumerate(text.splitlines(), start=1):
        match = LINE.match(line)
        if match:
            result.rows += 1
            result.records.append(Record(line=number, full_name=match[1], email=match[2]))
    return result


FORMAT = register(
    Format(name="namelist", label="address list", kind="contacts", order=50,
           hint="an address list", sniff=sniff, parse_text=parse)
)
'''


@pytest.fixture
def namelist_format(tmp_path: Path) -> Iterator[None]:
    folder = tmp_path / "more_formats"
    folder.mkdir()
    (folder / "namelist.py").write_text(NAMELIST_MODULE, encoding="utf-8")
    format_package.__path__.append(str(folder))
    try:
        format_package.load_formats()
        yield
    finally:
        format_package.__path__.remove(str(folder))
        registry.unregister("namelist")
        sys.modules.pop("netui.importers.formats.namelist", None)


def test_adding_a_format_is_one_module(
    namelist_format: None, tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "namelist" in choices()
    assert labels()["namelist"] == "address list"
    team = tmp_path / "team.txt"
    team.write_text("Ana Testa <ana@example.com>\nBo Rivera <bo@example.org>\n", encoding="utf-8")
    source = open_source(team)
    assert isinstance(source, ContactsSource) and source.label == "address list"
    assert [r.full_name for r in source.result.records] == ["Ana Testa", "Bo Rivera"]
    assert main(["--db", str(db_path), "import", str(team)]) == 0
    assert "team.txt: address list, 2 rows" in capsys.readouterr().out
    assert main(["--db", str(db_path), "list"]) == 0
    listed = [line.split("\t")[1] for line in capsys.readouterr().out.splitlines()]
    assert listed == ["Ana Testa", "Bo Rivera"]


def test_every_module_registers_a_format_and_the_cli_lists_them() -> None:
    modules = {i.name for i in pkgutil.iter_modules(format_package.__path__)}
    assert len(modules) == len(all_formats())
    for name in modules:
        module = importlib.import_module(f"netui.importers.formats.{name}")
        assert module.FORMAT in all_formats(), name
    shown = netui("import", "--help")
    assert shown.returncode == 0
    help_text = " ".join(shown.stdout.split())
    assert "{" + ",".join(choices()) + "}" in help_text
    for fmt in all_formats():
        if fmt.choosable:
            assert fmt.label in help_text
    assert "vCard, LinkedIn, Outlook, Google, any CSV or a netui JSON export" in help_text


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (lambda p: write_mbox(p / "All mail Including Spam and Trash.mbox"), "mbox"),
        (lambda p: write_maildir(p / "Mail"), "maildir"),
        (lambda p: write_linkedin_zip(p / "Basic_LinkedInDataExport_01-01-2025.zip"),
         "linkedin-messages"),
        (lambda p: write_whatsapp_zip(p / "WhatsApp Chat - Ama.zip"), "whatsapp"),
        (lambda p: write_instagram_zip(p / "instagram-alex.zip"), "instagram"),
        (lambda p: write_snapchat_zip(p / "mydata.zip"), "snapchat"),
        (lambda p: write_facebook_zip(p / "facebook-alex.zip"), "facebook"),
    ],
)  # fmt: skip
def test_archives_are_detected_from_contents_and_layout(
    make: object, name: str, tmp_path: Path
) -> None:
    assert callable(make)
    path = make(tmp_path)
    source = open_source(path, me=Me(name="Alex Morgan"))
    assert isinstance(source, ArchiveSource)
    assert source.format.name == name
    assert source.result.contacts


def test_a_chat_file_without_a_telling_name_is_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(ANDROID_CHAT, encoding="utf-8")
    source = open_source(path, me=Me(name="Alex Morgan"))
    assert isinstance(source, ArchiveSource) and source.format.name == "whatsapp"


def test_contacts_and_exports_keep_their_formats(tmp_path: Path) -> None:
    linkedin = open_source(FIXTURES / "linkedin_current.csv")
    assert isinstance(linkedin, ContactsSource)
    assert (linkedin.format.name, linkedin.label) == ("linkedin", "LinkedIn connections")
    assert linkedin.table is not None and linkedin.table.header_line == 4
    dump = tmp_path / "netui.json"
    dump.write_text('{"format": "netui", "tables": {"person": {"rows": [[1], [2]]}}}')
    restore = open_source(dump)
    assert isinstance(restore, RestoreSource) and restore.people == 2


def test_a_named_format_that_does_not_fit_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"linkedin_current.csv holds no WhatsApp chat"):
        open_source(FIXTURES / "linkedin_current.csv", "whatsapp")
    zipped = write_facebook_zip(tmp_path / "facebook.zip")
    with pytest.raises(InputError, match=r"facebook.zip is a zip; vCard is read from a file"):
        open_source(zipped, "vcard")
    with pytest.raises(InputError, match=r"--map applies to CSV files, not Facebook friends"):
        open_source(zipped, overrides=["Name=full_name"])
    with pytest.raises(InputError, match=r"--format 'nope' is not one of: auto, vcard"):
        open_source(zipped, "nope")


def test_a_zip_with_nothing_netui_reads_says_what_it_expected(
    tmp_path: Path, db_path: Path
) -> None:
    import zipfile

    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("IMG_0001.jpg", b"\xff\xd8\xff")
    result = netui("--db", str(db_path), "import", str(path))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "photos.zip holds no archive netui reads (expected a Maildir folder" in result.stderr
    assert not db_path.exists() or "Traceback" not in result.stderr


OPENS = """
import sys
from pathlib import Path

target = sys.argv[1]
opened = []


def hook(event, args):
    if event == "open" and str(args[0]) == target:
        opened.append(1)


sys.addaudithook(hook)
from netui.importers import open_source
source = open_source(Path(target))
print(type(source).__name__, len(opened))
"""


@pytest.mark.parametrize(
    "make",
    [
        lambda p: FIXTURES / "linkedin_current.csv",
        lambda p: FIXTURES / "google_current.csv",
        lambda p: write_facebook_zip(p / "facebook.zip"),
        lambda p: write_mbox(p / "mail.mbox"),
    ],
)
def test_a_file_is_opened_and_read_once(make: object, tmp_path: Path) -> None:
    import subprocess

    assert callable(make)
    path = make(tmp_path)
    run = subprocess.run(
        [sys.executable, "-c", OPENS, str(path)], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    kind, opened = run.stdout.split()
    assert kind in ("ContactsSource", "ArchiveSource")
    assert opened == "1"
