"""`netui sync --vdir DIR`: two-way sync with a vdir (vdirsyncer, khard, CardDAV, phones)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from netui.cli import PARSER_HOOKS, command
from netui.settings import Settings
from netui.store import Store

SHOWN_PROBLEMS = 20


def add_parsers(sub: Any) -> None:
    sync = sub.add_parser(
        "sync",
        help="two-way sync with a vdir (one .vcf per person; vdirsyncer pairs it with CardDAV)",
        description=(
            "Write one vCard 3.0 file per person into DIR and take back what changed there "
            "since the last sync: edited cards (field by field; changed on both sides, the "
            "later change wins and the other value goes on the timeline as a note), new cards "
            "(new people) and deleted cards (the person is archived, never erased). Timeline, "
            "stage and drafts stay in netui."
        ),
    )
    sync.add_argument("--vdir", required=True, metavar="DIR", help="the vdir folder (0700)")
    sync.add_argument(
        "--archive-missing",
        action="store_true",
        help="archive the people whose cards are gone even when most of them are",
    )


PARSER_HOOKS.append(add_parsers)


@command("sync")
def run_sync(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    from netui.vdir_sync import sync_vdir

    report = sync_vdir(store, Path(args.vdir), archive_missing=args.archive_missing)
    print(report.summary())
    if report.problems:
        print("Cards left as they are:")
        for line in report.problems[:SHOWN_PROBLEMS]:
            print(f"  {line}")
        if len(report.problems) > SHOWN_PROBLEMS:
            print(f"  … and {len(report.problems) - SHOWN_PROBLEMS:,} more")
    return 0
