"""`netui query` and `netui list` on the full command line (help, and files the fast path
hands over: missing, needing a migration, or failing to read). Both paths print through
`netui.readonly`, so their output is the same byte for byte."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from netui.cli import PARSER_HOOKS, command
from netui.readonly import (
    LIST_COLUMNS,
    addresses,
    left_out,
    list_lines,
    list_people,
    query_lines,
)
from netui.settings import Settings
from netui.store import Store


def add_parsers(sub: Any) -> None:
    query = sub.add_parser(
        "query",
        help="email addresses for a mail client (mutt, neomutt, aerc): khard's parsable format",
        description=(
            "Print \"searching for 'TEXT' ...\", then email<TAB>name<TAB>company for each "
            "address whose name, email or company has words starting with TEXT's words "
            "(accents and case ignored). Exit code 1 when nothing matches."
        ),
    )
    query.add_argument("text", nargs="*", metavar="TEXT")
    query.add_argument(
        "--remove-first-line", action="store_true", help="drop the 'searching for' line (aerc)"
    )
    ls = sub.add_parser(
        "list",
        help="print people (tab-separated), optionally matching TEXT",
        description=(
            "Print every person not archived, in name order, one per line, tab-separated "
            f"columns: {', '.join(LIST_COLUMNS)} (follow-up is YYYY-MM-DD or empty)."
        ),
    )
    ls.add_argument("text", nargs="*", metavar="TEXT")
    ls.add_argument("--due", action="store_true", help="only people whose follow-up is due")
    ls.add_argument(
        "--limit", type=int, metavar="N", help="print the first N (stderr says how many more)"
    )

    launcher = sub.add_parser(
        "fast-launcher",
        help="write a launcher for mail clients that starts Python without site (~8 ms sooner)",
    )
    launcher.add_argument("path", metavar="PATH", help="e.g. ~/.local/bin/netui-fast")


PARSER_HOOKS.append(add_parsers)


def _print(lines: Any) -> None:
    for line in lines:
        print(line)


@command("query")
def run_query(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    text = " ".join(args.text)
    with store.db.read() as conn:
        rows = addresses(conn, text)
    _print(query_lines(text, rows, first_line=not args.remove_first_line))
    return 0 if rows else 1


@command("list")
def run_list(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    from netui.errors import InputError

    if args.limit is not None and args.limit < 0:
        raise InputError("--limit must be 0 or more.")
    due_on = store.today().isoformat() if args.due else None
    with store.db.read() as conn:
        listing = list_people(conn, " ".join(args.text), due_on, args.limit)
    _print(list_lines(listing))
    note = left_out(listing, args.limit)
    if note:
        print(note, file=sys.stderr)
    return 0


@command("fast-launcher")
def run_fast_launcher(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    from pathlib import Path

    from netui.errors import InputError
    from netui.fast import write_launcher

    path = Path(args.path).expanduser()
    if path.is_dir():
        raise InputError(f"{path} is a folder; give the launcher's file name.")
    try:
        write_launcher(str(path))
    except OSError as exc:
        raise InputError(f"Cannot write {path} ({exc.strerror or exc}).") from None
    print(f"Wrote {path}: use it in place of netui, e.g. {path} query '%s'.")
    return 0
