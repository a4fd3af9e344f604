"""Layering: the domain modules never import Textual."""

from __future__ import annotations

import subprocess
import sys

DOMAIN = [
    "netui.store", "netui.db", "netui.models", "netui.schema", "netui.pipeline",
    "netui.quickadd", "netui.names", "netui.roles", "netui.validate", "netui.settings",
    "netui.paths", "netui.demo", "netui.cli", "netui.meeting", "netui.ics", "netui.cli_meetings",
    "netui.network", "netui.cli_paths", "netui.agenda", "netui.cli_today",
]  # fmt: skip


def test_domain_modules_do_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {DOMAIN!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_start_up_path_does_not_import_the_orm() -> None:
    """Opening the database and reading the first page stays free of SQLModel (start-up)."""
    code = (
        "import sys, tempfile, pathlib\n"
        "from netui.db import Database\n"
        "from netui.store import Store, PeopleQuery\n"
        "db = Database.open(pathlib.Path(tempfile.mkdtemp()) / 'x.db')\n"
        "Store(db).people_page(PeopleQuery(), 0, 50)\n"
        "print('sqlmodel' in sys.modules, 'sqlalchemy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False False"
