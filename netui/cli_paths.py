"""`netui path COMPANY`: who can get you in, strongest first, one line each."""

from __future__ import annotations

import argparse
from typing import Any

from netui.cli import PARSER_HOOKS, command
from netui.errors import InputError
from netui.path_explain import explain
from netui.path_strength import MAX_HOPS_LIMIT, strength_word
from netui.plural import count_of
from netui.settings import Settings
from netui.store import Store
from netui.store.paths import CompanyPaths
from netui.textsafe import for_terminal

SHOWN_PATHS = 20  # without --all


def add_parsers(sub: Any) -> None:
    path = sub.add_parser(
        "path", help="who can get you in at COMPANY: every way in, ranked and explained"
    )
    path.add_argument("company", nargs="+", metavar="COMPANY")
    path.add_argument("--all", action="store_true", help=f"every path, not the best {SHOWN_PATHS}")
    path.add_argument(
        "--hops",
        type=int,
        metavar="N",
        help=f"links walked at most, 0-{MAX_HOPS_LIMIT} (default: setting path_max_hops)",
    )


PARSER_HOOKS.append(add_parsers)


def path_lines(result: CompanyPaths, limit: int | None) -> list[str]:
    """A heading, then 'strength  explanation' per path (what the command prints)."""
    star = " (target)" if result.is_target else ""
    count = len(result.paths)
    if not count:
        return [
            f"{result.company}{star}: no way in yet. Add who you know there, or link the "
            "people who know someone there (k on their page)."
        ]
    who = count_of(count, "person")
    best = strength_word(result.paths[0].strength)
    lines = [f"{result.company}{star}: {who} can get you in (best: {best})"]
    shown = result.paths if limit is None else result.paths[:limit]
    for path in shown:
        lines.append(f"{strength_word(path.strength):<6}  {explain(path, result.network)}")
    if len(shown) < count:
        lines.append(f"… and {count - len(shown)} more (--all shows every path)")
    return lines


@command("path")
def _path(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    hops = settings.path_max_hops if args.hops is None else args.hops
    if not 0 <= hops <= MAX_HOPS_LIMIT:
        raise InputError(f"--hops must be 0 to {MAX_HOPS_LIMIT}, not {hops}.")
    company_id, _ = store.find_company(" ".join(args.company))
    result = store.company_paths(company_id, hops)
    lines = path_lines(result, None if args.all else SHOWN_PATHS)
    print("\n".join(for_terminal(line) for line in lines))  # a name cannot move the cursor
    return 0
