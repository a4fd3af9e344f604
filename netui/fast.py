"""The `netui` command's entry point: read-only commands answered on a short path.

`netui query` (a mail client asks it for every address it completes) and `netui list` are
answered here with the standard library and netui's light modules only: no argparse,
Textual, pathlib or platformdirs, and no full integrity check (see
`netui.readonly`). Everything else — other commands, `--help`, an option this parser does
not know, a database that is missing, needs a migration, or fails to read — goes to the full
command line (`netui.cli.main`), which parses, opens, checks and reports as always.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence

from netui.errors import NetuiError


class _Full(Exception):
    """Hand this command to the full command line."""


def _words(rest: Sequence[str], flags: dict[str, bool]) -> list[str]:
    """Positional words; known flags set in `flags`; anything else starting with '-' is for
    the full parser (it knows every option and explains mistakes)."""
    words: list[str] = []
    for index, arg in enumerate(rest):
        if arg == "--":
            return words + list(rest[index + 1 :])
        if arg.startswith("-") and arg != "-":
            if arg not in flags:
                raise _Full()
            flags[arg] = True
            continue
        words.append(arg)
    return words


def _query(conn: sqlite3.Connection, rest: Sequence[str]) -> tuple[list[str], int, str | None]:
    from netui.readonly import addresses, query_lines

    flags = {"--remove-first-line": False}
    text = " ".join(_words(rest, flags))
    rows = addresses(conn, text)
    lines = list(query_lines(text, rows, first_line=not flags["--remove-first-line"]))
    return lines, 0 if rows else 1, None


def _list(conn: sqlite3.Connection, rest: Sequence[str]) -> tuple[list[str], int, str | None]:
    from netui.readonly import left_out, list_lines, list_people

    args = list(rest)
    limit: int | None = None
    for index, arg in enumerate(args):
        value = arg.removeprefix("--limit=") if arg.startswith("--limit=") else None
        if arg == "--limit" and index + 1 < len(args):
            value = args[index + 1]
            del args[index : index + 2]
        elif value is not None:
            del args[index]
        else:
            continue
        if not value.isdigit():
            raise _Full()  # the full parser explains a bad number
        limit = int(value)
        break
    flags = {"--due": False}
    text = " ".join(_words(args, flags))
    due_on = None
    if flags["--due"]:
        from datetime import date

        due_on = date.today().isoformat()
    listing = list_people(conn, text, due_on, limit)
    return list(list_lines(listing)), 0, left_out(listing, limit)


Handler = Callable[[sqlite3.Connection, Sequence[str]], tuple[list[str], int, str | None]]
FAST_COMMANDS: dict[str, Handler] = {"query": _query, "list": _list}
# Read-only commands that need the Store (and argparse): run on the read-only connection,
# without the integrity check or migrations; they print once, at the end.
STORE_COMMANDS = ("today", "stats")


def _run_on_store(conn: sqlite3.Connection, path: str, argv: Sequence[str]) -> int:
    from pathlib import Path

    from netui.cli import COMMANDS, build_parser
    from netui.db import Database
    from netui.readonly import open_read_only
    from netui.settings import load_settings
    from netui.store import Store

    class ReadOnlyDatabase(Database):
        """Its read pool is read-only too: a read-write connection, the last to close,
        would fold another program's -wal into the file (a damaged one included)."""

        def _open_reader(self) -> sqlite3.Connection:
            reader = open_read_only(path)
            if reader is None:  # the file changed meanwhile: the usual read connection
                return super()._open_reader()
            self._readers.append(reader)
            return reader

    args = build_parser().parse_args(list(argv))
    settings = load_settings()
    store = Store(ReadOnlyDatabase(Path(path), conn), follow_up_days=settings.follow_up_days)
    return COMMANDS[args.command](args, store, settings)


def _split(argv: Sequence[str]) -> tuple[str | None, str, list[str]]:
    """(--db value, command, its arguments), or _Full if this is not a fast command line."""
    db: str | None = None
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--db" and index + 1 < len(argv):
            db, index = argv[index + 1], index + 2
        elif arg.startswith("--db="):
            db, index = arg.removeprefix("--db="), index + 1
        else:
            break
    if index >= len(argv) or argv[index] not in (*FAST_COMMANDS, *STORE_COMMANDS):
        raise _Full()
    return db, argv[index], list(argv[index + 1 :])


def database_file(cli_value: str | None) -> str:
    """The same file `netui.paths.database_path` picks, without importing platformdirs on
    Linux (a test checks the two agree): `--db`, then NETUI_DB, then the data folder."""
    from netui.paths import APP_NAME, DB_ENV

    chosen = cli_value or os.environ.get(DB_ENV)
    if chosen:
        return os.path.expanduser(chosen)
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_DATA_HOME", "")
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.local/share")
        return os.path.join(base, APP_NAME, "netui.db")
    from netui.paths import data_dir

    return str(data_dir() / "netui.db")


def _write(lines: Iterable[str]) -> None:
    text = "".join(f"{line}\n" for line in lines)
    encoding = sys.stdout.encoding or "utf-8"
    sys.stdout.buffer.write(text.encode(encoding, "replace"))
    sys.stdout.flush()


def run_fast(argv: Sequence[str]) -> int:
    """Answer a read-only command; raise _Full when the full command line must."""
    from netui.readonly import busy_error, is_busy, open_read_only

    db, name, rest = _split(argv)
    path = database_file(db)
    conn = open_read_only(path)
    if conn is None:
        raise _Full()
    try:
        if name in STORE_COMMANDS:
            return _run_on_store(conn, path, argv)
        lines, code, note = FAST_COMMANDS[name](conn, rest)
    except NetuiError:
        raise _Full() from None  # the full command line reports it (bad option, bad file)
    except sqlite3.Error as exc:
        if is_busy(exc):
            raise busy_error(path) from None
        raise _Full() from None  # damaged or odd: the full path checks the file and says why
    finally:
        conn.close()
    _write(lines)
    if note:
        print(note, file=sys.stderr)
    return code


_HAND_OVER = -1


def main(argv: Sequence[str] | None = None) -> int:
    from netui.exits import guarded  # the one error handler (one line, the right status)

    args = list(sys.argv[1:] if argv is None else argv)
    os.umask(0o077)  # SQLite may create the -shm file beside a WAL database: keep it private

    def fast() -> int:
        try:
            return run_fast(args)
        except _Full:
            return _HAND_OVER

    code = guarded(fast)
    if code != _HAND_OVER:
        return code
    if sys.flags.no_site:  # started by the fast launcher (python -IS): the full command line
        import site  # needs the installed packages, so add them now

        site.main()
    import gc

    # Start-up allocates ~10^5 objects (Textual, the store) and frees almost none: cyclic
    # collections would only walk them. `netui.cli.run` turns it back on for a command;
    # the app after its first paint (NetuiApp._after_first_paint, which freezes them first).
    gc.disable()
    from netui.cli import main as full_main

    return full_main(args)


LAUNCHER = """#!{python} -IS
# netui's fast launcher (written by `netui fast-launcher`): Python starts without its site
# set-up (-IS), so `query` and `list` answer sooner; other commands load it as usual.
# Written for {home}: run `netui fast-launcher` again after moving or upgrading netui.
import sys
sys.path.insert(0, {home!r})
from netui.fast import main
raise SystemExit(main())
"""


def write_launcher(path: str) -> str:
    """Write the fast launcher (0700) at `path`; returns its text."""
    import netui

    home = os.path.dirname(os.path.dirname(os.path.abspath(netui.__file__)))
    text = LAUNCHER.format(python=sys.executable, home=home)
    tmp = f"{path}.part"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o700)
    try:
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)
    os.chmod(tmp, 0o700)
    os.replace(tmp, path)
    return text
