"""The README's key tables and its [keymap] example agree with the key table (netui/keys.py):
a key the README names does what that screen binds, and every key a screen's footer shows
is in its README table."""

from __future__ import annotations

import re
from pathlib import Path

from netui.keys import binding_ids, key_label, specs_for

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")

# README section -> the owners whose keys work there (the screen first, then its lists)
SECTIONS = {
    "People (home)": ("People", "PeopleTable", "App"),
    "Today": ("Today",),
    "Person": ("Person", "TimelineList"),
    "Composer": ("Composer", "MessageArea"),
    "Meetings": ("Meeting",),
    "Paths: who can get you in": ("Paths", "RowList"),
}
_README_NAMES = {"↑": "up", "↓": "down", "Home": "home", "End": "end"}


def _readme_keys() -> dict[str, set[str]]:
    """Section -> the keys in the first cell of its `| key | does |` rows."""
    found: dict[str, set[str]] = {}
    section = ""
    for line in README.splitlines():
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        elif section in SECTIONS and line.startswith("| `"):
            cell = line.split("|")[1]
            keys = {_README_NAMES.get(k, k) for k in re.findall(r"`([^`]+)`", cell)}
            found.setdefault(section, set()).update(keys)
    return found


def _labels(owner: str, *, shown_only: bool = False) -> set[str]:
    return {
        label
        for spec in specs_for(owner)
        if spec.show or not shown_only
        for label in key_label(spec.keys).split(", ")
    }


def test_every_key_the_readme_names_is_bound_on_that_screen() -> None:
    found = _readme_keys()
    assert set(found) == set(SECTIONS)  # each section still has its key table
    for section, owners in SECTIONS.items():
        bound = set().union(*(_labels(owner) for owner in owners))
        assert found[section] - bound == set(), section


def test_every_key_in_a_screens_footer_is_in_its_readme_table() -> None:
    found = _readme_keys()
    for section, (screen, *_lists) in SECTIONS.items():
        shown = _labels(screen, shown_only=True) - {"esc"}  # "esc goes back", said once
        assert shown - found[section] == set(), section


def test_the_readme_keymap_example_uses_real_binding_ids() -> None:
    block = README.split("```toml\n[keymap]\n", 1)[1].split("```", 1)[0]
    ids = {line.split("=")[0].strip() for line in block.splitlines() if "=" in line}
    assert ids and ids <= binding_ids()
