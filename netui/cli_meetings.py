"""`netui meetings`: upcoming meetings (tab-separated), or one meeting's brief."""

from __future__ import annotations

import argparse
from typing import Any

from netui.cli import PARSER_HOOKS, command
from netui.meeting import brief_lines, to_local
from netui.settings import Settings
from netui.store import Store


def add_parsers(sub: Any) -> None:
    meetings = sub.add_parser(
        "meetings", help="print upcoming meetings (soonest first), or --brief ID"
    )
    meetings.add_argument("--brief", type=int, metavar="ID", help="print one meeting's brief")


PARSER_HOOKS.append(add_parsers)


@command("meetings")
def _meetings(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    if args.brief is not None:
        print("\n".join(brief_lines(store.meeting_brief(args.brief))))
        return 0
    upcoming = store.upcoming_meetings()
    if not upcoming:
        print("No meetings planned: in netui, pick a person and press m to plan one.")
        return 0
    for m in upcoming:
        when = f"{to_local(m.starts_at):%Y-%m-%d %H:%M}"
        print("\t".join([str(m.id), when, m.person_name, m.company, m.where, m.progress]))
    return 0
