"""`netui keys`: every key binding's id, keys and what it does (for [keymap] in settings)."""

from __future__ import annotations

import argparse
from typing import Any

from netui.cli import PARSER_HOOKS, command
from netui.settings import Settings
from netui.store import Store


def add_parsers(sub: Any) -> None:
    sub.add_parser(
        "keys",
        help="list every key binding: id, keys, what it does (remap them in [keymap])",
    )


PARSER_HOOKS.append(add_parsers)


@command("keys")
def run_keys(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    from netui.keymap import check_keymap
    from netui.keys import KEYS, binding_ids, key_label

    mine, _notices = check_keymap(settings.keymap, binding_ids(), "settings")
    for spec in KEYS:
        if spec.id:
            keys = mine.get(spec.id, spec.keys)
            print(f"{spec.id}\t{key_label(keys)}\t{spec.description or spec.action}\t{spec.owner}")
    return 0
