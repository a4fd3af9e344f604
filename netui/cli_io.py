"""`netui import` and `netui export`: the command-line side of importers and exporters."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netui.cli import PARSER_HOOKS, command
from netui.errors import InputError
from netui.plural import count_of
from netui.settings import Settings
from netui.store import Store

if TYPE_CHECKING:
    from netui.importers import ArchiveSource, ContactsSource, RestoreSource

EXPORT_FORMATS = ("csv", "vcard", "json", "ics")
SHOWN_LINES = 20  # problems and job changes listed before "... and N more"


def add_parsers(sub: Any) -> None:
    from netui.importers import registry

    said = registry.said([*registry.hints("contacts"), *registry.hints("restore")])
    archives = registry.said([f.label for f in registry.all_formats("archive")])
    imp = sub.add_parser(
        "import",
        help=f"import people from {said}, or an archive (mail, LinkedIn messages, WhatsApp, ...)",
        description=f"Import people from {said}; or read an archive ({archives}) for the "
        "people you talked to.",
    )
    imp.add_argument("file", metavar="PATH", help="a file, a folder or a zip")
    imp.add_argument(
        "--format", choices=registry.choices(), default="auto", help=registry.format_help()
    )
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar='"Header=field"',
        help="which field a CSV column holds (repeatable; field 'skip' ignores a column)",
    )
    imp.add_argument(
        "--how-we-know",
        default="",
        metavar="WORD",
        help="for people this file adds: school, college, work, life, online, or any words",
    )
    imp.add_argument("--dry-run", action="store_true", help="show what would happen; save nothing")
    imp.add_argument(
        "--encoding",
        default="",
        metavar="NAME",
        help="how the file's text is encoded (default: UTF-8, or cp1252 when it is not UTF-8)",
    )

    exp = sub.add_parser("export", help="write everyone as CSV, vCard or JSON (or a meeting .ics)")
    exp.add_argument("--format", choices=EXPORT_FORMATS, default="csv")
    exp.add_argument(
        "--raw", action="store_true", help="CSV: no spreadsheet-safe quote marks (for re-import)"
    )
    exp.add_argument("--meeting", type=int, metavar="ID", help="ics: the meeting to export")
    exp.add_argument("-o", "--output", metavar="FILE", help="write here (0600) instead of stdout")


PARSER_HOOKS.append(add_parsers)


def _print_lines(title: str, lines: list[str]) -> None:
    if not lines:
        return
    print(title)
    for line in lines[:SHOWN_LINES]:
        print(f"  {line}")
    if len(lines) > SHOWN_LINES:
        print(f"  … and {len(lines) - SHOWN_LINES:,} more")


@command("import")
def run_import(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    from netui.importers import ArchiveSource, Me, RestoreSource, open_source

    path = Path(args.file).expanduser()
    me = Me(emails=settings.my_email_list, name=settings.my_name)
    source = open_source(path, args.format, args.encoding, overrides=args.map, me=me)
    if isinstance(source, RestoreSource):
        return _restore(source, store, args.dry_run)
    if isinstance(source, ArchiveSource):
        return _archive(source, store, args)
    _contacts(source, store, args)
    if args.dry_run:
        print("Dry run: nothing was saved.")
    return 0


def _contacts(source: ContactsSource, store: Store, args: argparse.Namespace) -> None:
    result = source.result
    if args.dry_run:
        report = store.preview_import(result, args.how_we_know)
    else:
        report = store.import_records(result, args.how_we_know)
    rows = count_of(report.rows, "row")
    print(f"{result.source}: {source.label}, {rows}, {_encoding_said(result.encoding)}.")
    if result.format == "csv" and result.mapping:
        used = [f"{h}={f}" for h, f in result.mapping.items() if f != "skip"]
        print("Columns: " + ", ".join(used))
    print(report.summary())
    if report.companies_added:
        print(f"{count_of(report.companies_added, 'new company')}.")
    _print_lines("Errors:", [str(p) for p in report.problems])
    _print_lines("Warnings:", [str(p) for p in report.warnings])
    skipped: dict[str, int] = {}
    for item in report.skipped:
        skipped[item.message] = skipped.get(item.message, 0) + 1
    _print_lines("Skipped:", [f"{n:,} × {why}" for why, n in skipped.items()])
    _print_lines(
        "Job changes (a reason to reach out):",
        [f"line {o.line}: {o.name} — {o.detail}" for o in report.job_changes],
    )


def _restore(source: RestoreSource, store: Store, dry_run: bool) -> int:
    name = source.path.name
    if dry_run:
        print(f"{name}: a netui JSON export with {count_of(source.people, 'person')}.")
        print("Dry run: nothing was saved.")
        return 0
    counts = store.restore_json(source.data, name)
    parts = ", ".join(f"{n:,} {_plural(t, n)}" for t, n in counts.items() if n)
    print(f"Restored {name}: {parts or 'nothing (it was empty)'}.")
    return 0


def _archive(source: ArchiveSource, store: Store, args: argparse.Namespace) -> int:
    """An archive adds no one: contacts match people (evidence) or wait as candidates. A
    contact list it also holds (LinkedIn's Connections.csv) is imported first, as a file."""
    from netui.importers.archive_import import also_line, identity_line, read_line

    if source.contacts is not None:
        _contacts(source.contacts, store, args)
    print(read_line(source) + ".")
    if also := also_line(source):
        print(also)
    if you := identity_line(source.result):
        print(you)
    if args.dry_run:
        for line in store.preview_channel(source.result).lines():
            print(line)
    else:
        summary = store.ingest_channel(source.result)
        print(summary.text())
        if summary.new_candidates or summary.known_candidates:
            print("The candidates wait for review: netui candidates lists them.")
    if args.dry_run:
        print("Dry run: nothing was saved.")
    return 0


def _encoding_said(encoding: str) -> str:
    """'UTF-8', or which other encoding was used and why."""
    if encoding in ("utf-8", "utf-8-sig", ""):
        return "UTF-8"
    if encoding == "cp1252":
        return "read as cp1252 (Windows): it is not UTF-8"
    if encoding.startswith("utf-16"):
        return "UTF-16"
    return f"read as {encoding} (--encoding)"


_NOUNS = {
    "company": ("company", "companies"),
    "person": ("person", "people"),
    "interaction": ("timeline entry", "timeline entries"),
    "draft": ("draft", "drafts"),
    "meeting": ("meeting", "meetings"),
    "checklist_item": ("checklist item", "checklist items"),
    "link": ("link", "links"),
}


def _plural(table: str, n: int) -> str:
    one, many = _NOUNS.get(table, (table, table))
    return one if n == 1 else many


@command("export")
def run_export(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    from netui import exporters
    from netui.store.exports import JSON_HEADER

    if args.meeting is not None and args.format != "ics":
        raise InputError("--meeting goes with --format ics.")
    if args.raw and args.format != "csv":
        raise InputError("--raw applies to CSV export only.")
    chunks: Iterable[bytes]
    if args.format == "csv":
        chunks = exporters.iter_people_csv(store.iter_export_people(), raw=args.raw)
    elif args.format == "vcard":
        chunks = exporters.iter_people_vcard(store.iter_export_people())
    elif args.format == "json":
        chunks = exporters.iter_tables_json(store.iter_export_tables(), JSON_HEADER)
    else:
        chunks = [_meeting_ics(store, args.meeting).encode("utf-8")]
    if args.output:
        dest, size = exporters.write_private(Path(args.output), chunks)
        print(f"Wrote {dest} ({size:,} bytes).", file=sys.stderr)
    else:
        out = sys.stdout.buffer
        for chunk in chunks:
            out.write(chunk)
        out.flush()
    return 0


def _meeting_ics(store: Store, meeting_id: int | None) -> str:
    if meeting_id is None:
        raise InputError("--format ics needs --meeting ID (the meeting to put in a calendar).")
    try:
        from netui.ics import meeting_ics
    except ImportError:
        raise InputError("Calendar export is not available in this build.") from None
    return meeting_ics(store, meeting_id)
