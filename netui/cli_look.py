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
    from netui.screens.keys import all_bindings, key_label

    mine, _notices = check_keymap(settings.keymap, None, "settings")
    for owner, binding in all_bindings():
        keys = mine.get(binding.id or "", binding.key)
        what = binding.description or binding.action
        print(f"{binding.id}\t{key_label(keys)}\t{what}\t{owner.removesuffix('Screen')}")
    return 0
