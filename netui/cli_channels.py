"""`netui candidates`: the people archives found, waiting for review, and one decision each.

netui candidates                      waiting candidates, best evidence first, tab-separated
netui candidates add ID [--company N] add as a person (their evidence onto the timeline)
netui candidates match ID PERSON_ID   they are someone already here
netui candidates skip ID              not now (remembered: a re-import never asks again)
netui candidates not-tech ID          not in tech (remembered too)
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from netui.channel_ingest import NOT_TECH, SKIPPED
from netui.cli import PARSER_HOOKS, command
from netui.plural import count_of
from netui.settings import Settings
from netui.store import Store
from netui.store.candidate_review import CandidateRecord
from netui.textsafe import for_terminal


def add_parsers(sub: Any) -> None:
    candidates = sub.add_parser(
        "candidates",
        help="people your archives found, waiting for review: list them, or add/match/skip one",
    )
    actions = candidates.add_subparsers(dest="candidates_action", metavar="ACTION")
    add = actions.add_parser("add", help="add candidate ID as a person, with their evidence")
    add.add_argument("id", type=int, metavar="ID")
    add.add_argument("--company", metavar="NAME", help="their company (default: the guess)")
    match = actions.add_parser("match", help="candidate ID is the person PERSON_ID")
    match.add_argument("id", type=int, metavar="ID")
    match.add_argument("person_id", type=int, metavar="PERSON_ID")
    for name, what in (("skip", "skip"), ("not-tech", "mark not in tech")):
        decide = actions.add_parser(name, help=f"{what} candidate ID (remembered on re-import)")
        decide.add_argument("id", type=int, metavar="ID")


PARSER_HOOKS.append(add_parsers)


def candidate_line(candidate: CandidateRecord, store: Store) -> str:
    """id, name, email or handle, sources, evidence, guessed company: tab-separated."""
    cells = [
        str(candidate.id), candidate.name, candidate.handle, candidate.source_text,
        candidate.evidence(store.today()), candidate.company,
    ]  # fmt: skip
    return "\t".join(for_terminal(c.replace("\t", " ")) for c in cells)


@command("candidates")
def _candidates(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    action = args.candidates_action
    if action is None:
        waiting = store.waiting_candidates()
        for candidate in waiting:
            print(candidate_line(candidate, store))
        if not waiting:  # on stderr: stdout stays one candidate a line, for scripts
            print(
                "netui: no candidates waiting; netui import an archive (mail, LinkedIn, "
                "WhatsApp…) to find the people you talk to.",
                file=sys.stderr,
            )
        return 0
    candidate = store.get_candidate(args.id)
    name = for_terminal(candidate.shown)
    if action == "add":
        undo = store.add_candidate(args.id, company=args.company)
        moved = f", {count_of(candidate.days, 'conversation day')} on the timeline"
        print(f"Added {name} (#{undo.person_id}){moved if candidate.days else ''}.")
    elif action == "match":
        person = store.get_person(args.person_id)
        store.match_candidate(args.id, args.person_id)
        print(f"{name} is {for_terminal(person.full_name)} (#{person.id}): evidence moved.")
    else:
        store.decide_candidate(args.id, SKIPPED if action == "skip" else NOT_TECH)
        said = "Skipped" if action == "skip" else "Not in tech:"
        print(f"{said} {name}; a re-import will not ask again.")
    return 0
