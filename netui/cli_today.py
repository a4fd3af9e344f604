"""`netui today` (what to do next) and `netui stats` (the measure of progress), text or JSON.

Read-only and light: they import no Textual (they run on the fast path, netui.fast).
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime, time
from typing import Any

from netui.agenda import build_today, today_json, today_lines
from netui.cli import PARSER_HOOKS, command
from netui.errors import InputError
from netui.progress import build_progress, progress_json, progress_lines
from netui.settings import Settings
from netui.store import Store


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--date '{text}' is not a date (use YYYY-MM-DD).") from None


def add_parsers(sub: Any) -> None:
    for name, what in (
        ("today", "what to do today: follow-ups, meetings, intros, replies, going cold, drafts"),
        ("stats", "the measure of progress: conversations a week, funnel, response rates"),
    ):
        parser = sub.add_parser(name, help=what)
        parser.add_argument("--json", action="store_true", help="print JSON instead of text")
        parser.add_argument(
            "--date", type=_day, metavar="YYYY-MM-DD", help="as of another day (default: today)"
        )


PARSER_HOOKS.append(add_parsers)


def _clock(args: argparse.Namespace, store: Store) -> tuple[date, datetime]:
    if args.date is None or args.date == store.today():
        return store.today(), store.now()
    noon = datetime.combine(args.date, time(12, 0)).astimezone().astimezone(UTC)
    return args.date, noon


def _print(data: dict[str, object] | list[str], as_json: bool) -> None:
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        assert isinstance(data, list)
        print("\n".join(data))


@command("today")
def _today(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    today, now = _clock(args, store)
    agenda = build_today(store.today_facts(settings, today, now), today, settings.weekly_goal)
    _print(today_json(agenda) if args.json else today_lines(agenda), args.json)
    return 0


@command("stats")
def _stats(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    today, _ = _clock(args, store)
    progress = build_progress(store.progress_facts(today), today, settings.weekly_goal)
    _print(progress_json(progress) if args.json else progress_lines(progress), args.json)
    return 0
