"""What netui prints cannot drive the terminal: control sequences from imported names,
headers and file names are escaped or removed; messages stay one line; a closed pipe ends
quietly; NETUI_DEBUG is on only for 1/true/yes. Real subprocesses, real files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from netui import cli
from netui.cli import main

ESCAPES = ("\x1b]0;pwned\x07", "\x1b[2J", "\u202e", "\x9b31m", "\x07")


def netui(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def _hostile_csv(path: Path) -> None:
    path.write_text(
        "Name,Company,Email,Not\x1b[2Jes\r\n"
        "\x1b]0;pwned\x07Eve \u202eLive,Evil\x1b[31mCorp,bad\x1b[2J@mail,note\r\n"
        "Ann\x9b31m Lee\x07,Acme,ann@example.com,\r\n",
        encoding="utf-8",
    )


def test_hostile_names_are_stored_clean_and_nothing_printed_carries_a_control(
    db_path: Path, tmp_path: Path
) -> None:
    csv = tmp_path / "hostile.csv"
    _hostile_csv(csv)
    imported = netui("--db", str(db_path), "import", str(csv))
    assert imported.returncode == 0, imported.stderr
    for printed in (imported.stdout, imported.stderr):
        assert not any(code in printed for code in ESCAPES)
    assert "\\x1b[2J" in imported.stdout  # the header and the bad email, shown escaped
    for command in (["list"], ["list", "Eve"], ["query", "ann"]):
        result = netui("--db", str(db_path), *command)
        assert result.returncode == 0, result.stderr
        assert not any(code in result.stdout + result.stderr for code in ESCAPES)
    listed = netui("--db", str(db_path), "list").stdout
    assert "Eve Live\tEvilCorp" in listed  # stored without the sequences
    assert "Ann Lee\tAcme" in listed


def test_a_hostile_file_name_in_an_error_is_escaped_and_one_line(
    db_path: Path, tmp_path: Path
) -> None:
    name = tmp_path / "x\x1b]0;pwned\x07\ny.csv"
    result = netui("--db", str(db_path), "import", str(name))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "\x1b" not in result.stderr and "\\x1b]0;pwned\\x07" in result.stderr


def test_a_closed_pipe_ends_quietly_with_the_sigpipe_status(db_path: Path) -> None:
    assert netui("--db", str(db_path), "demo", "--people", "50").returncode == 0
    commands = (["list"], ["list", "--limit", "5"], ["export", "--format", "csv"])
    for command in commands:
        proc = subprocess.Popen(
            [sys.executable, "-m", "netui", "--db", str(db_path), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader is gone before netui writes (`netui list | true`)
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 141, (command, err)
        assert err == "", command


@pytest.mark.parametrize(("value", "shown"), [("1", True), ("true", True), ("YES", True),
                                              ("0", False), ("false", False), ("no", False),
                                              ("", False)])  # fmt: skip
def test_netui_debug_is_on_only_for_1_true_yes(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    value: str, shown: bool,
) -> None:  # fmt: skip
    def crash(*_args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setitem(cli.COMMANDS, "add", crash)
    monkeypatch.setenv("NETUI_DEBUG", value)
    assert main(["--db", str(db_path), "add", "Jo"]) == 1
    err = capsys.readouterr().err
    assert ("Traceback" in err) is shown
    assert err.splitlines()[-1].startswith("netui: unexpected error (RuntimeError)")


def test_the_apps_exit_message_is_one_line_in_a_narrow_terminal(tmp_path: Path) -> None:
    from tests.test_db import _trash_middle_pages

    path = tmp_path / "netui.db"
    _trash_middle_pages(path)
    script = (
        "import sys; from pathlib import Path; from netui.cli import open_store;"
        "from netui.settings import Settings; from netui.app import make_app;"
        "app = make_app(open_store(Path(sys.argv[1]), Settings(), for_app=True));"
        "app.run(headless=True); sys.exit(app.return_code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "40", "LINES": "10"},
    )
    assert result.returncode == 3
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("netui: ") and "is damaged" in lines[0]
    assert lines[0].rstrip().endswith("folder.")
