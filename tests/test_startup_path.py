"""The start-up path: `netui` (the app) loads only what its first screen needs; every
command line still reads exactly as before, and the start-up health check still guards."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from netui.cli import _opens_app, build_parser
from netui.db import Database
from netui.store import Store

# Runs the real command line (`netui --db PATH`) headless; when the People count shows,
# prints the netui modules loaded so far and quits. The work started after the first paint
# (which loads the store's other parts) is left out: it may or may not have run by then.
FIRST_SCREEN = """
import json, sys
from textual.app import App
from netui.app import NetuiApp
NetuiApp._after_first_paint = lambda self: None
run = App.run
def headless(self, **kwargs):
    def count():
        return "".join(str(w.render()) for w in self.screen.query("#people-count"))
    async def first_screen(pilot):
        while not count():
            await pilot.pause()
        print(json.dumps({"count": count(), "modules": sorted(sys.modules)}))
        self.exit()
    return run(self, headless=True, auto_pilot=first_screen)
App.run = headless
from netui.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def _first_screen(db_path: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", FIRST_SCREEN, str(db_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    line = [text for text in result.stdout.splitlines() if text.startswith("{")][-1]
    shown: dict[str, object] = json.loads(line)
    return shown


def test_the_people_screen_starts_without_the_import_registry_or_commands(
    store: Store, db_path: Path
) -> None:
    store.quick_add("Ana Lima @ Stripe, engineer")
    store.quick_add("Bo Chen @ Figma")
    shown = _first_screen(db_path)
    assert shown["count"] == "2 people"
    modules = set(shown["modules"])  # type: ignore[call-overload]
    for kept_off in ("netui.importers", "netui.importers.registry", "netui.cli_io",
                     "netui.cli_meetings", "netui.cli_query", "netui.cli_sync",
                     # the store's parts but People's: the first screen needs no other
                     "netui.store.parts", "netui.store.drafts",
                     "netui.channel_ingest"):  # fmt: skip
        assert kept_off not in modules, kept_off


@pytest.mark.parametrize(
    "argv",
    [[], ["--demo"], ["--db", "x.db"], ["--db=x.db"], ["--db", "a.db", "--db", "b.db"],
     ["--db", "x.db", "--demo"], ["--db", ""]],
)  # fmt: skip
def test_a_command_line_that_opens_the_app_reads_as_the_full_parser_reads_it(
    argv: list[str],
) -> None:
    assert _opens_app(argv)
    assert vars(build_parser(commands=False).parse_args(argv)) == vars(
        build_parser().parse_args(argv)
    )


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["-h"], ["--version"], ["--db"], ["--db", "--demo"], ["--db="], ["--dem"],
     ["list"], ["--db", "x.db", "import", "f.csv"], ["--", "list"], ["x"]],
)  # fmt: skip
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert not _opens_app(argv)


def test_every_command_is_still_parsed_and_listed() -> None:
    parser = build_parser()
    args = parser.parse_args(["--db", "x.db", "import", "people.csv", "--format", "vcard"])
    assert (args.command, args.file, args.format) == ("import", "people.csv", "vcard")
    helptext = parser.format_help()
    for name in ("add", "demo", "import", "export", "list", "query", "settings", "backup"):
        assert name in helptext


def test_the_deferred_health_check_runs_before_any_write(db_path: Path) -> None:
    Database.open(db_path).close()  # an existing, healthy file
    db = Database.open(db_path, check_in_background=True)
    try:
        assert not db._health.is_set()  # nothing checked yet: the app starts it later
        with db.write() as conn:  # a write starts the check and waits for its verdict
            conn.execute("CREATE TABLE scratch (x)")
        assert db._health.is_set()
        assert db.health_error is None
    finally:
        db.close()


async def test_a_dialog_opened_after_start_has_its_styles(store: Store) -> None:
    """The other screens' rules (screens.tcss) are read when the first of them opens."""
    from textual.containers import Vertical

    from netui.app import make_app

    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("plus")  # quick add: a `.dialog.wide` box
        await pilot.pause()
        box = app.screen.query_one(".dialog", Vertical)
        assert box.outer_size.width == 90  # `.dialog.wide { width: 90 }`
        assert str(box.styles.border_top[0]) == "round"  # `.dialog { border: round ... }`


# The app through `netui` (netui.fast.main): cyclic gc is paused for start-up and back on
# once the first screen is painted.
GC_AFTER_START = """
import gc, sys
from textual.app import App
run = App.run
def headless(self, **kwargs):
    async def first_screen(pilot):
        while not (self.screen.query("#people-count") and gc.isenabled()):
            await pilot.pause()
        print("gc on after the first screen")
        self.exit()
    return run(self, headless=True, auto_pilot=first_screen)
App.run = headless
from netui.fast import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def test_cyclic_gc_is_back_on_after_the_first_screen_and_for_commands(
    store: Store, db_path: Path
) -> None:
    store.quick_add("Ana Lima @ Stripe")
    result = subprocess.run(
        [sys.executable, "-c", GC_AFTER_START, str(db_path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "gc on after the first screen" in result.stdout
    command = (
        "import gc, sys; from netui.fast import main; code = main(sys.argv[1:]);"
        "print('gc', gc.isenabled()); sys.exit(code)"
    )
    backup = db_path.parent / "copy.db"
    result = subprocess.run(
        [sys.executable, "-c", command, "--db", str(db_path), "backup", "--to", str(backup)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "gc True" in result.stdout
