"""The command line: parse arguments, open the store, run the app or one command."""

from __future__ import annotations

import argparse
import gc
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from netui import __version__
from netui.db import Database
from netui.errors import InputError
from netui.exits import terminal_safe_stdout
from netui.faults import diagnose_error
from netui.paths import database_path, demo_database_path
from netui.plural import count_of
from netui.quickadd import added_text
from netui.settings import Settings, load_settings
from netui.store import Store

QUICK_ADD_HELP = (
    "NAME [@ COMPANY] [, role | how-we-know | closeness | email | url | phone | in CITY | title]"
)

CommandFn = Callable[[argparse.Namespace, Store, Settings], int]
COMMANDS: dict[str, CommandFn] = {}


def command(name: str) -> Callable[[CommandFn], CommandFn]:
    def register(fn: CommandFn) -> CommandFn:
        COMMANDS[name] = fn
        return fn

    return register


class _Parser(argparse.ArgumentParser):
    """argparse that raises a one-line InputError instead of printing usage and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise InputError(f"{message} (see 'netui --help').")


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; `commands=False` only the options that open the app (the
    sub-commands' parsers and the modules behind them are not loaded: see `_opens_app`)."""
    parser = _Parser(
        prog="netui",
        description="Turn your personal network into software-engineering interviews.",
    )
    parser.add_argument("--version", action="version", version=f"netui {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: data folder; env NETUI_DB)"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="the demo network (its own file and settings): open it, or run COMMAND on it",
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    add = sub.add_parser("add", help="add one person with the quick-add grammar")
    add.add_argument("line", nargs="+", help=QUICK_ADD_HELP)

    demo = sub.add_parser(
        "demo",
        help="write a synthetic network of N people (to the demo database unless --db is given)",
    )
    demo.add_argument("--people", type=int, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument(
        "--force", action="store_true", help="add them even to a database that holds people"
    )

    backup = sub.add_parser("backup", help="copy the database safely (online backup API)")
    backup.add_argument("--to", metavar="PATH", help="where to write it (default: backups/ folder)")

    _load_extensions()
    conf = sub.add_parser("settings", help="show settings, or set one: netui settings KEY VALUE")
    conf.add_argument("key", nargs="?", help="my_name, target_role, blurb, follow_up_days, ...")
    conf.add_argument("value", nargs="?")

    for hook in PARSER_HOOKS:
        hook(sub)
    return parser


# Other modules (import, export, meetings) add their sub-commands through these hooks:
# each module in EXTENSIONS appends to PARSER_HOOKS and registers with @command.
PARSER_HOOKS: list[Callable[[Any], None]] = []
EXTENSIONS = (
    "netui.cli_io", "netui.cli_meetings", "netui.cli_paths", "netui.cli_today", "netui.cli_query",
    "netui.cli_sync", "netui.cli_look", "netui.cli_channels",
)  # fmt: skip


def _load_extensions() -> None:
    import importlib

    for name in EXTENSIONS:
        importlib.import_module(name)


@command("add")
def _add(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    line = " ".join(args.line)
    person_id = store.quick_add(line)
    person = store.get_person(person_id)
    company = store.company_name(person.company_id)
    what = added_text(person.full_name, company, person.title, person.role, person.how_we_know)
    print(f"Added #{person_id} {what}.")
    return 0


@command("demo")
def _demo(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    from netui.demo import generate_people

    if args.people < 1:
        raise InputError("--people must be at least 1.")
    held = store.total_people()
    if held and not args.force and store.db.path != demo_database_path():
        them = count_of(held, "person")
        raise InputError(
            f"{store.db.path} already holds {them}; fake people would be mixed into them. "
            f"Use a new file (netui --db NEW.db demo --people {args.people}), "
            "or add --force to add them anyway."
        )
    generate_people(store.db, args.people, seed=args.seed)
    made = count_of(args.people, "person")
    print(f"Wrote {made} to {store.db.path}.")
    return 0


@command("backup")
def _backup(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    dest = Path(args.to).expanduser() if args.to else None
    if dest is not None and dest.exists():
        raise InputError(f"{dest} already exists; choose a new file name.")
    made = store.db.backup(dest, keep=settings.backups_kept)
    print(f"Backed up to {made}.")
    return 0


def _settings(args: argparse.Namespace, settings: Settings) -> int:
    """Settings live in settings.toml (the demo's in its own file): no database is opened."""
    from dataclasses import asdict, fields

    from netui.settings import save_settings, settings_path

    known = {f.name: f for f in fields(Settings)}
    if args.key is None:
        for key, shown in asdict(settings).items():
            print(f"{key} = {shown!r}")
        print(f"# {settings_path(demo=args.demo)}")
        return 0
    if args.key not in known:
        raise InputError(f"'{args.key}' is not a setting; one of: {', '.join(known)}.")
    if args.value is None:
        print(getattr(settings, args.key))
        return 0
    current = getattr(settings, args.key)
    if isinstance(current, dict):
        raise InputError(
            f"{args.key} is a table: edit [{args.key}] in {settings_path(demo=args.demo)}."
        )
    if isinstance(current, int):
        try:
            number = int(args.value)
        except ValueError:
            raise InputError(f"{args.key} must be a whole number, not '{args.value}'.") from None
        if number < 0:
            raise InputError(f"{args.key} must be 0 or more, not {number}.")
        value: object = number
    else:
        value = args.value
    setattr(settings, args.key, value)
    print(f"Saved {args.key} in {save_settings(settings, demo=args.demo)}.")
    return 0


def open_store(path: Path, settings: Settings, *, for_app: bool = False) -> Store:
    # The app checks the file's health while its first screen is drawn; writes wait for it.
    db = Database.open(
        path,
        keep=settings.backups_kept,
        check_in_background=for_app,
        busy_timeout=max(0, settings.busy_timeout),
    )
    return Store(db, follow_up_days=settings.follow_up_days)


def _opens_app(argv: Sequence[str]) -> bool:
    """True for a command line of only `--db PATH` / `--db=PATH` / `--demo`: it opens the
    app, and the full parser would read it the same way. Anything else (a command, --help,
    an abbreviation, a mistake) is parsed, and explained, by the full parser."""
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--db" and index + 1 < len(argv) and not argv[index + 1].startswith("-"):
            index += 2
        elif (arg.startswith("--db=") and len(arg) > len("--db=")) or arg == "--demo":
            index += 1
        else:
            return False
    return True


def run(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    opens_app = _opens_app(words)
    if not opens_app:
        gc.enable()  # paused for start-up by netui.fast.main: a command runs as usual
    args = build_parser(commands=not opens_app).parse_args(words)
    if args.demo and args.db:
        raise InputError("--demo opens the demo database; leave out --db (or --demo).")
    settings = load_settings(demo=args.demo)
    if args.command == "settings":
        return _settings(args, settings)
    path = _database_for(args)
    fresh = not path.exists()
    store = open_store(path, settings, for_app=args.command is None)
    if args.command is not None:  # a command says why it waits; the app's screens do
        store.db.on_wait = _say_waiting
    try:
        if args.demo and args.command != "demo" and (fresh or store.total_people() == 0):
            from netui.demo import seed_demo

            seed_demo(store.db)
        if args.command is None:
            from netui.app import make_app

            app = make_app(store, settings, demo=args.demo)
            app.run()
            return app.return_code or 0
        with terminal_safe_stdout():
            return COMMANDS[args.command](args, store, settings)
    except (OSError, sqlite3.Error) as exc:
        raise diagnose_error(exc, str(path)) or exc from None
    finally:
        store.db.close()


def _say_waiting(seconds: float) -> None:
    print(
        f"netui: waiting for another program using this database (up to {seconds:g} s)…",
        file=sys.stderr,
        flush=True,
    )


def _database_for(args: argparse.Namespace) -> Path:
    """`--demo` and a bare `netui demo` use the demo database; the rest --db, NETUI_DB or
    the data folder's netui.db."""
    from netui.paths import DB_ENV

    if args.demo or (args.command == "demo" and not args.db and not os.environ.get(DB_ENV)):
        return demo_database_path()
    return database_path(args.db)


def main(argv: Sequence[str] | None = None) -> int:
    """The full command line; every error ends in `netui.exits.guarded` (one line, the
    right status, no traceback)."""
    from netui.exits import guarded

    os.umask(0o077)  # anything we create is private, whatever the user's umask
    return guarded(lambda: run(argv))
