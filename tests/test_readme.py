"""What the README promises a new user: the demo it names, and every command it lists."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from netui.cli import build_parser
from netui.demo import seed_demo
from netui.store import Store
from tests.conftest import TODAY

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_the_quick_start_names_the_demo_as_big_as_it_is(store: Store) -> None:
    said = re.search(r"a demo network of (\d+) fictional people", README)
    assert said is not None, "the quick start no longer says how big the demo is"
    assert int(said[1]) == seed_demo(store.db, today=TODAY) == store.total_people()


def test_every_command_netui_has_is_in_the_readme_table() -> None:
    parser = build_parser()
    commands = next(a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    listed = set(re.findall(r"^\| `netui (?:--demo )?([a-z][a-z-]*)", README, re.M))
    missing = sorted(set(commands) - listed)
    assert not missing, f"commands the README's table does not list: {missing}"
