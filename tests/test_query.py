"""`netui query` for mail clients and `netui list`: real processes on a real database file,
byte for byte, and the fast path's promise (no Textual, no ORM, no integrity check)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from netui.db import Database
from netui.store import Store
from tests.conftest import NOW, TODAY


def netui(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "netui", *args],
        capture_output=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def people(db_path: Path) -> Path:
    db = Database.open(db_path)
    store = Store(db, today=lambda: TODAY, now=lambda: NOW)
    store.add_person("José Núñez", company="Café Olé", email="jose@cafe.example", title="CTO")
    store.add_person("Ana Lima", company="Stripe", email="ana.lima@stripe.example")
    store.add_person("Bo Jonsson", company="Staffing Co", email="bo@staff.example")
    store.add_person("No Email", company="Café Olé")
    gone = store.add_person("Archived Jose", email="old@jose.example")
    store.archive_person(gone)
    store.add_person("Wren Staffer", title="Staff Engineer", email="wren@x.example", notes="jose")
    db.close()
    return db_path


def test_query_prints_khards_parsable_format(people: Path) -> None:
    result = netui("--db", str(people), "query", "jose")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "searching for 'jose' ...\njose@cafe.example\tJosé Núñez\tCafé Olé\n".encode()
    )


def test_query_matches_name_email_and_company_prefixes_ignoring_accents(people: Path) -> None:
    def emails(*text: str) -> list[str]:
        out = netui("--db", str(people), "query", "--remove-first-line", *text).stdout.decode()
        return [line.split("\t")[0] for line in out.splitlines()]

    assert emails("NÚÑ") == emails("nun") == ["jose@cafe.example"]  # accents and case
    assert emails("cafe") == ["jose@cafe.example"]  # company (not the person without email)
    assert emails("lima@str") == ["ana.lima@stripe.example"]  # email words
    assert emails("staf") == ["bo@staff.example", "wren@x.example"]  # company, email, name
    assert emails("engineer") == []  # titles and notes are not addresses
    assert emails("ana", "stripe") == ["ana.lima@stripe.example"]  # every word must match
    assert emails("old") == []  # archived people are not offered
    assert emails() == [  # no text: every address, in name order
        "ana.lima@stripe.example",
        "bo@staff.example",
        "jose@cafe.example",
        "wren@x.example",
    ]


def test_query_without_a_match_exits_1(people: Path) -> None:
    result = netui("--db", str(people), "query", "zebra")
    assert (result.returncode, result.stdout) == (1, b"searching for 'zebra' ...\n")
    result = netui("--db", str(people), "query", "--remove-first-line", "zebra")
    assert (result.returncode, result.stdout, result.stderr) == (1, b"", b"")


def test_query_keeps_each_address_on_one_tab_separated_line(people: Path) -> None:
    conn = sqlite3.connect(people)
    conn.execute("UPDATE person SET full_name = 'Tab\tNew\nLine' WHERE email = 'bo@staff.example'")
    conn.commit()
    conn.close()
    result = netui("--db", str(people), "query", "--remove-first-line", "bo")
    assert result.stdout == b"bo@staff.example\tTab New Line\tStaffing Co\n"


def _full_path(db: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    script = "import sys; from netui.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", script, "--db", str(db), *args], capture_output=True, timeout=60
    )


@pytest.mark.parametrize(
    "args",
    [["query", "jose"], ["query", "zebra"], ["query", "--remove-first-line", "st"], ["list"],
     ["list", "caf"], ["list", "--limit", "2"], ["list", "--due"], ["today"],
     ["stats", "--json"], ["today", "--date", "nonsense"]],
)  # fmt: skip
def test_fast_and_full_paths_print_the_same(people: Path, args: list[str]) -> None:
    fast, full = netui("--db", str(people), *args), _full_path(people, *args)
    assert fast.returncode == full.returncode
    assert (fast.stdout, fast.stderr) == (full.stdout, full.stderr)


def test_the_fast_path_imports_no_ui_no_orm_and_runs_no_integrity_check(people: Path) -> None:
    script = (
        "import sys; from netui.fast import main\n"
        "db = sys.argv[1]\n"
        "codes = [main(['--db', db, 'query', 'jose']), main(['--db', db, 'list'])]\n"
        "heavy = {'textual', 'sqlmodel', 'sqlalchemy', 'argparse', 'platformdirs', 'netui.db',"
        " 'netui.store', 'netui.cli'}\n"
        "print(codes, sorted(heavy & set(sys.modules)), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(people)], capture_output=True, text=True, timeout=60
    )
    # netui.db (which holds quick_check) is never imported: no check, no write, no migration.
    assert result.stderr.strip() == "[0, 0] []"


def test_today_and_stats_run_read_only_without_the_check_or_the_orm(people: Path) -> None:
    script = (
        "import sys, netui.db\n"
        "def refuse(path): raise SystemExit('quick_check ran')\n"
        "netui.db.quick_check = refuse\n"
        "from netui.fast import main\n"
        "codes = [main(['--db', sys.argv[1], 'today']), main(['--db', sys.argv[1], 'stats'])]\n"
        "heavy = {'textual', 'sqlmodel', 'sqlalchemy'}\n"
        "print(codes, sorted(heavy & set(sys.modules)), file=sys.stderr)\n"
    )
    before = _digest(people)
    result = subprocess.run(
        [sys.executable, "-c", script, str(people)], capture_output=True, text=True, timeout=60
    )
    assert result.stderr.strip() == "[0, 0] []"
    assert "Today" in result.stdout
    assert _digest(people) == before  # not a byte written


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_file_is_named_and_untouched(people: Path) -> None:
    conn = sqlite3.connect(people)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(people.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)  # every page but the header's
    people.write_bytes(bytes(data))
    before = _digest(people)
    result = netui("--db", str(people), "query", "jose")
    assert result.returncode == 3
    assert b"is damaged" in result.stderr and len(result.stderr.splitlines()) == 1
    assert _digest(people) == before


def test_a_newer_database_is_refused(people: Path) -> None:
    conn = sqlite3.connect(people)
    conn.execute("PRAGMA user_version=99")
    conn.close()
    result = netui("--db", str(people), "query", "jose")
    assert result.returncode == 2 and b"newer netui" in result.stderr


def test_a_busy_database_is_one_sentence(people: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from netui import readonly
    from netui.fast import main

    monkeypatch.setattr(readonly, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(people, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(readonly.BusyDatabase, match="is busy"):
            readonly.open_read_only(str(people))
        assert main(["--db", str(people), "query", "jose"]) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_missing_database_is_created_by_the_full_path(tmp_path: Path) -> None:
    target = tmp_path / "new.db"
    result = netui("--db", str(target), "query", "x")
    assert (result.returncode, result.stdout) == (1, b"searching for 'x' ...\n")
    assert target.exists()
    missing = tmp_path / "no-such-folder" / "netui.db"  # a folder named, not made
    result = netui("--db", str(missing), "query", "x")
    assert result.returncode == 66 and b"no-such-folder does not exist" in result.stderr
    assert not missing.parent.exists()


@pytest.mark.parametrize("xdg", [None, "/srv/data", "relative/dir", ""])
def test_the_fast_path_finds_the_same_database(
    xdg: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netui.fast import database_file
    from netui.paths import database_path

    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    monkeypatch.setattr("netui.paths.ensure_private_dir", lambda path: path)
    assert database_file(None) == str(database_path())
    monkeypatch.setenv("NETUI_DB", "~/hunt.db")
    assert database_file(None) == str(database_path()) == os.path.expanduser("~/hunt.db")
    assert database_file("/x/y.db") == str(database_path("/x/y.db"))


def test_list_prints_everyone_with_email_and_says_what_a_limit_left_out(db_path: Path) -> None:
    db = Database.open(db_path)
    store = Store(db, today=lambda: TODAY, now=lambda: NOW)
    with db.write() as conn:
        conn.executemany(
            "INSERT INTO person (full_name, email, created_at, updated_at) VALUES (?, ?, ?, ?)",
            [(f"Person {i:04}", f"p{i}@x.example", "2026-01-01", "2026") for i in range(1200)],
        )
    store.add_person("Zed Ortiz", company="Plaid", email="zed@plaid.example")
    db.close()
    everyone = netui("--db", str(db_path), "list")
    lines = everyone.stdout.decode().splitlines()
    assert len(lines) == 1201  # no silent cap
    assert lines[-1].split("\t") == ["1201", "Zed Ortiz", "Plaid", "unknown", "new", "",
                                     "zed@plaid.example"]  # fmt: skip
    limited = netui("--db", str(db_path), "list", "--limit", "10", "person")
    assert len(limited.stdout.splitlines()) == 10
    assert limited.stderr.decode().strip() == (
        "netui: 1,190 more not shown (--limit 10); drop --limit to see all."
    )
    helped = netui("list", "--help").stdout.decode()
    assert "id, name, company, role, stage, follow-up, email" in " ".join(helped.split())


def test_the_fast_launcher_answers_queries_and_hands_the_rest_on(
    people: Path, tmp_path: Path
) -> None:
    launcher = tmp_path / "bin" / "netui-fast"
    launcher.parent.mkdir()
    made = netui("--db", str(people), "fast-launcher", str(launcher))
    assert made.returncode == 0, made.stderr
    assert (launcher.stat().st_mode & 0o777) == 0o700
    first_line = launcher.read_text().splitlines()[0]
    assert first_line == f"#!{sys.executable} -IS"
    query = subprocess.run(
        [str(launcher), "--db", str(people), "query", "jose"], capture_output=True, timeout=60
    )
    assert query.stdout == netui("--db", str(people), "query", "jose").stdout
    full = subprocess.run(
        [str(launcher), "--db", str(people), "add", "Lee Park"], capture_output=True, timeout=60
    )
    assert full.returncode == 0, full.stderr
    assert b"Added #" in full.stdout
