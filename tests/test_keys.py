"""The key table (netui/keys.py) is the one definition of netui's keys: every screen, widget
and the app takes its bindings from it, `netui keys` lists it without loading Textual, and a
[keymap] entry is checked against it when netui starts."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from netui.keymap import check_keymap
from netui.keys import KEYS, binding_ids, key_label, owners, parse_table, specs_for
from netui.paths import config_dir
from netui.settings import settings_path

PACKAGE = Path(__file__).resolve().parents[1] / "netui"


def _classes_with_bindings() -> dict[str, type]:
    """Owner name (as the table names it) -> the class that declares BINDINGS."""
    import netui.screens
    import netui.widgets
    from netui.app import NetuiApp

    found: dict[str, type] = {"App": NetuiApp}
    for package in (netui.screens, netui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for value in vars(module).values():
                if (
                    isinstance(value, type)
                    and value.__module__ == module.__name__
                    and "BINDINGS" in value.__dict__
                ):
                    owner = value.__name__.removesuffix("Screen")
                    assert owner not in found, f"two classes would share the table [{owner}]"
                    found[owner] = value
    return found


def test_every_class_with_bindings_takes_them_from_the_table() -> None:
    from netui.widgets.bindings import bindings_for

    classes = _classes_with_bindings()
    assert set(classes) == set(owners())  # no class without a table, no table without a class
    for owner, cls in classes.items():
        assert cls.__dict__["BINDINGS"] == bindings_for(owner), owner


def test_no_binding_is_written_by_hand_outside_the_table() -> None:
    """No `Binding(...)` call and no `BINDINGS = ...` in a class body anywhere in netui but
    the one helper that turns the table into Textual bindings (a class names its table:
    `keys="People"`)."""
    breaches = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "widgets" / "bindings.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Binding":
                breaches.append(f"{path.name}:{node.lineno} Binding(...)")
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    targets = item.targets if isinstance(item, ast.Assign) else []
                    if any(getattr(t, "id", None) == "BINDINGS" for t in targets):
                        breaches.append(f"{path.name}:{item.lineno} BINDINGS = ...")
    assert breaches == []


def test_ids_and_keys_are_unique_within_each_owner() -> None:
    """One [keymap] id names one binding of a screen (an id may repeat across screens: one
    entry remaps 'cancel' in every dialog), and no key is bound twice on one owner."""
    for owner in owners():
        specs = specs_for(owner)
        ids = Counter(s.id for s in specs if s.id)
        assert [i for i, n in ids.items() if n > 1] == [], owner
        keys = Counter(k.strip() for s in specs for k in s.keys.split(","))
        assert [k for k, n in keys.items() if n > 1] == [], owner
    assert {"quit", "keys"} <= {s.id for s in specs_for("App")}  # the help shows these two


def test_the_table_reads_every_column() -> None:
    [a, b] = parse_table(
        "[Demo]\nctrl+s  save  save  priority  Save it\nx  go(1)  -  hidden  Go on\n"
    )
    assert (a.keys, a.action, a.id, a.description, a.show, a.priority, a.owner) == (
        "ctrl+s", "save", "save", "Save it", True, True, "Demo"
    )  # fmt: skip
    assert (b.id, b.show, b.priority, b.action) == (None, False, False, "go(1)")
    with pytest.raises(ValueError, match="line 2"):
        parse_table("[Demo]\nctrl+s save save loud Save\n")
    assert len(KEYS) > 100 and all(s.description for s in KEYS)


def test_a_keymap_entry_is_checked_against_the_table() -> None:
    keymap = {"frobnicate": "x", "find": "f", "cancel": "ctrl+c"}
    good, notices = check_keymap(keymap, binding_ids(), "settings.toml")
    assert good == {"find": "f", "cancel": "ctrl+c"}
    assert notices == ["settings.toml: [keymap] frobnicate is not a netui key binding; ignored."]


def test_netui_keys_lists_every_id_without_loading_textual(tmp_path: Path) -> None:
    config_dir()
    settings_path().write_text('[keymap]\nquit = "ctrl+q,f10"\n', encoding="utf-8")
    script = (
        "import sys; from netui.fast import main\n"
        "code = main(['--db', sys.argv[1], 'keys'])\n"
        "print(code, 'textual' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "k.db")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.stderr.strip() == "0 False"
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert {row[0] for row in rows} == binding_ids()
    assert len(rows) == sum(1 for s in KEYS if s.id)  # one row per binding with an id
    assert ["quit", "ctrl+q, f10", "Quit", "App"] in rows
    assert ["keys", "?", "Keys", "App"] in rows


def test_key_labels_read_as_typed() -> None:
    assert key_label("escape,q,question_mark") == "esc, q, ?"
    assert key_label("ctrl+s") == "ctrl+s"
