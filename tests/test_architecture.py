"""Layering, checked over every module of the netui package (walked, not listed by hand):

- the UI (app.py, clipboard.py, screens/, widgets/) runs no SQL: it asks the store;
- the store (store/) never imports Textual;
- the database adapters (named below, each with why) may use sqlite3;
- every other module is domain logic: no Textual, no sqlite3, no ORM, no SQL.

A new module is checked the moment it exists; the rules are proved to catch a breach on
synthetic sources and on a module written into a copy of the package.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "netui"

UI = ("netui.app", "netui.clipboard", "netui.screens", "netui.widgets")
STORE = ("netui.store",)
# Outside store/, only these touch the database itself, each for one reason:
ADAPTERS = {
    "netui.db": "opens the database, its connections and write transactions",
    "netui.db_probe": "looks at a file before netui writes to it",
    "netui.db_files": "the database's files: backups, -wal/-shm",
    "netui.schema": "the migrations (the DDL)",
    "netui.schema_v1": "the first migration step (the DDL netui was released with)",
    "netui.readonly": "the stdlib-only read path for query/list/today/stats (fast start)",
    "netui.fast": "hands the read path its sqlite3 connection",
    "netui.faults": "names a sqlite3 error by its cause",
    "netui.cli": "turns a sqlite3 error at the top into one sentence",
}
DATABASE_LIBS = ("sqlite3", "sqlmodel", "sqlalchemy")
UI_LIBS = ("textual",)
SKIP = {"netui.__main__"}  # runs the CLI when imported

_SQL = re.compile(
    r"\b(SELECT\s[\s\S]*\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM"
    r"|CREATE\s+(TABLE|INDEX|UNIQUE\s+INDEX|TRIGGER|VIEW)|PRAGMA\s+\w+|BEGIN\s+IMMEDIATE)\b"
)
_RUNS_SQL = {"execute", "executemany", "executescript", "connect"}


@dataclass(frozen=True)
class Module:
    name: str
    source: str


def walk(package: Path) -> list[Module]:
    """Every module of the package at `package` (a folder named netui), by dotted name."""
    modules = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules.append(Module(name, path.read_text(encoding="utf-8")))
    return modules


def _within(name: str, roots: tuple[str, ...]) -> bool:
    return any(name == r or name.startswith(r + ".") for r in roots)


def layer(name: str) -> str:
    if _within(name, UI):
        return "ui"
    if _within(name, STORE):
        return "store"
    if name in ADAPTERS:
        return "adapter"
    return "domain"


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, top-level package) of every import, at module level or inside a function."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name.split(".")[0]) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def _docstrings(tree: ast.AST) -> set[int]:
    nodes = [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef))]
    ids = set()
    for node in nodes:
        body = getattr(node, "body", [])
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            ids.add(id(body[0].value))
    return ids


def _sql(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, what) of each SQL statement in a string and each call that runs SQL."""
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            match = _SQL.search(node.value)
            if match:
                found.append((node.lineno, f"SQL {match.group(0)[:30]!r}"))
        elif _runs_sql(node):
            assert isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            found.append((node.lineno, f".{node.func.attr}()"))
    return found


def _runs_sql(node: ast.AST) -> bool:
    """conn.execute(...), .executemany, .executescript, sqlite3.connect (not app.connect)."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return False
    attr, owner = node.func.attr, node.func.value
    if attr == "connect":
        return isinstance(owner, ast.Name) and owner.id == "sqlite3"
    return attr in _RUNS_SQL


def problems(module: Module) -> list[str]:
    """What `module` does that its layer must not, one line each ('' if nothing)."""
    tree = ast.parse(module.source)
    kind = layer(module.name)
    out = []
    for line, package in _imports(tree):
        if package in UI_LIBS and kind != "ui":
            out.append(f"{module.name}:{line}: the {kind} layer imports {package}")
        if package in DATABASE_LIBS and kind in ("ui", "domain") and package != "sqlite3":
            out.append(f"{module.name}:{line}: the {kind} layer imports {package}")
        if package == "sqlite3" and kind == "domain":
            out.append(f"{module.name}:{line}: a domain module imports sqlite3")
    if kind in ("ui", "domain"):
        out += [f"{module.name}:{line}: the {kind} layer runs SQL: {what}" for line, what in
                _sql(tree)]  # fmt: skip
    return out


MODULES = [m for m in walk(PACKAGE) if m.name not in SKIP]


def test_the_walk_finds_every_module_and_each_layer() -> None:
    names = {m.name for m in MODULES}
    assert len(names) > 100  # the whole package, not a hand-kept list
    for expected in ("netui.person_spec", "netui.agenda", "netui.store.people",
                     "netui.screens.person", "netui.importers.record", *ADAPTERS):  # fmt: skip
        assert expected in names, expected
    assert {layer(n) for n in names} == {"ui", "store", "adapter", "domain"}


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.name)
def test_each_module_keeps_to_its_layer(module: Module) -> None:
    assert problems(module) == []


def test_ui_modules_may_catch_a_sqlite3_error_but_run_no_sql() -> None:
    """A screen names `sqlite3.Error` to catch it; that is not running SQL."""
    source = "import sqlite3\ntry:\n    pass\nexcept sqlite3.Error:\n    pass\n"
    assert problems(Module("netui.widgets.some_list", source)) == []


@pytest.mark.parametrize(
    ("name", "source", "said"),
    [
        ("netui.newthing", "import textual\n", "the domain layer imports textual"),
        ("netui.newthing", "def f():\n    from textual.widgets import Static\n",
         "the domain layer imports textual"),
        ("netui.newthing", "import sqlite3\n", "a domain module imports sqlite3"),
        ("netui.newthing", "from sqlmodel import select\n", "the domain layer imports sqlmodel"),
        ("netui.newthing", "Q = 'SELECT id FROM person'\n", "the domain layer runs SQL"),
        ("netui.newthing", "def f(conn):\n    conn.execute(q)\n", "runs SQL: .execute()"),
        ("netui.screens.newscreen", "def f(db):\n    db.executemany(q, rows)\n",
         "the ui layer runs SQL"),
        ("netui.screens.newscreen", "Q = 'UPDATE person SET title = ?'\n", "runs SQL"),
        ("netui.widgets.newlist", "import sqlite3\nc = sqlite3.connect(':memory:')\n",
         "runs SQL: .connect()"),
        ("netui.store.newpart", "from textual.app import App\n",
         "the store layer imports textual"),
        ("netui.db", "import textual\n", "the adapter layer imports textual"),
    ],
)  # fmt: skip
def test_a_module_breaking_a_rule_is_named(name: str, source: str, said: str) -> None:
    found = problems(Module(name, source))
    assert found and all(f.startswith(f"{name}:") for f in found)
    assert any(said in f for f in found), found


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("netui.readonly", "import sqlite3\nQ = 'SELECT id FROM person'\n"),
        ("netui.store.newpart", "import sqlite3\nQ = 'DELETE FROM person WHERE id = ?'\n"),
        ("netui.screens.newscreen", '"""Reads SELECT x FROM y through the store."""\n'),
        ("netui.newthing", "words = 'select the people from the list'\n"),
        ("netui.newthing", "def f(app):\n    app.connect(signal)\n"),
    ],
)  # fmt: skip
def test_what_the_rules_allow(name: str, source: str) -> None:
    assert problems(Module(name, source)) == []


def test_a_new_module_written_into_the_package_is_walked_and_caught(tmp_path: Path) -> None:
    package = tmp_path / "netui"
    (package / "screens").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "clean.py").write_text("def add(a, b):\n    return a + b\n")
    (package / "leaky.py").write_text("import sqlite3\nfrom textual.app import App\n")
    (package / "screens" / "__init__.py").write_text("")
    (package / "screens" / "sql_screen.py").write_text(
        "def load(conn):\n    return conn.execute('SELECT * FROM person').fetchall()\n"
    )
    found = [p for m in walk(package) for p in problems(m)]
    assert sorted(found) == [
        "netui.leaky:1: a domain module imports sqlite3",
        "netui.leaky:2: the domain layer imports textual",
        "netui.screens.sql_screen:2: the ui layer runs SQL: .execute()",
        "netui.screens.sql_screen:2: the ui layer runs SQL: SQL 'SELECT * FROM'",
    ]


def test_no_module_outside_the_ui_loads_textual_when_imported() -> None:
    """Imported for real, one after another in a fresh interpreter: none of them pulls in
    Textual, not even through what it imports."""
    names = sorted(m.name for m in MODULES if layer(m.name) != "ui")
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "    if 'textual' in sys.modules:\n"
        "        print(name)\n"
        "        break\n"
        "else:\n"
        "    print('none')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "none", f"{result.stdout.strip()} loads textual"


def test_start_up_path_does_not_import_the_orm() -> None:
    """Opening the database, reading the first page and every kind of everyday write stay
    free of SQLModel and SQLAlchemy (start-up time, memory: writes are plain SQL)."""
    code = (
        "import sys, tempfile, pathlib, datetime\n"
        "from netui.db import Database\n"
        "from netui.store import Store, PeopleQuery\n"
        "db = Database.open(pathlib.Path(tempfile.mkdtemp()) / 'x.db')\n"
        "s = Store(db)\n"
        "s.people_page(PeopleQuery(), 0, 50)\n"
        "pid = s.quick_add('Ada Lovelace @ Analytical')\n"
        "s.update_person(pid, title='Engineer')\n"
        "s.log_interaction(pid, 'note', summary='met at the meetup')\n"
        "s.save_draft(pid, intent='pitch', tone='warm', channel='email', subject='Hi',"
        " body='Hello')\n"
        "s.plan_meeting(pid, datetime.datetime(2030, 1, 2, 15, tzinfo=datetime.UTC))\n"
        "s.set_follow_up(pid, datetime.date(2030, 1, 9))\n"
        "print('sqlmodel' in sys.modules, 'sqlalchemy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False False"
