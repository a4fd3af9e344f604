"""Another program holding the write lock: reads go on, writes wait and then succeed, or
say so in one sentence; nothing crashes. The lock is held by a real second process,
released through a pipe (no sleeps)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from netui.db import Database

HOLDER = Path(__file__).with_name("busy_holder.py")


class Holder:
    """A second process holding the database's write lock until `release()`."""

    def __init__(self, db_path: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(HOLDER), str(db_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "held"

    def release(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        if self.proc.poll() is None and not self.proc.stdin.closed:
            self.proc.stdin.write("go\n")
            self.proc.stdin.close()
            assert self.proc.stdout.readline().strip() == "done"
        self.proc.wait(30)


@contextmanager
def holding(db_path: Path) -> Iterator[Holder]:
    holder = Holder(db_path)
    try:
        yield holder
    finally:
        holder.release()


@pytest.fixture
def made_db(db_path: Path) -> Path:
    Database.open(db_path).close()  # migrated, so the holder can write a person
    return db_path


def _netui(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "netui", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


def _names(db_path: Path) -> list[str]:
    db = Database.open(db_path)
    try:
        with db.read() as conn:
            return [r[0] for r in conn.execute("SELECT full_name FROM person ORDER BY id")]
    finally:
        db.close()


def test_cli_add_waits_for_another_programs_write_then_succeeds(made_db: Path) -> None:
    with holding(made_db) as holder:
        add = _netui("--db", str(made_db), "add", "Jane Doe @ Stripe")
        assert add.stderr is not None
        line = add.stderr.readline()  # said while it waits: the lock is still held
        assert line.startswith("netui: waiting for another program using this database")
        holder.release()
        out, err = add.communicate(timeout=60)
    assert add.returncode == 0, err
    assert out.strip().startswith("Added #2 Jane Doe @ Stripe")
    assert err == ""
    assert _names(made_db) == ["Held Holder", "Jane Doe"]


def test_cli_add_past_busy_timeout_says_so_in_one_sentence(made_db: Path) -> None:
    config = Path(os.environ["NETUI_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.toml").write_text("busy_timeout = 1\n", encoding="utf-8")
    with holding(made_db):
        add = _netui("--db", str(made_db), "add", "Jane Doe @ Stripe")
        out, err = add.communicate(timeout=60)
    assert add.returncode == 75
    assert out == ""
    waiting, sentence = err.splitlines()
    assert waiting == "netui: waiting for another program using this database (up to 1 s)…"
    assert sentence == (
        f"netui: {made_db.name} is busy: another program (another netui?) kept it locked "
        "for 1 second, so nothing was changed; try again when it has finished."
    )
    assert _names(made_db) == ["Held Holder"]  # the holder's write went in; the add did not


async def test_the_app_reads_and_saves_while_another_program_writes(db_path: Path) -> None:
    """Held write lock in another process: open a person, End on People, search: each is
    at once; a log line saved during the hold says netui is waiting, retries past the
    busy timeout without crashing, and is saved once the other program commits."""
    from textual.pilot import Pilot

    from netui.app import make_app
    from netui.demo import generate_people
    from netui.screens.base import RETRY_SECONDS, WAITING
    from netui.screens.person import PersonScreen
    from netui.settings import Settings
    from netui.store import PeopleQuery, Store
    from netui.widgets.people_table import PeopleTable
    from tests.conftest import NOW, TODAY

    db = Database.open(db_path, busy_timeout=0.2)
    store = Store(db, today=lambda: TODAY, now=lambda: NOW)
    generate_people(db, 300)
    sam = store.add_person("Sam Zwolinski")
    last = store.people_page(PeopleQuery(), store.total_people() - 1, 1)[0].full_name
    app = make_app(store, Settings(), today=lambda: TODAY)

    async def settle(pilot: Pilot[None]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    try:
        with holding(db_path) as holder:
            async with app.run_test(size=(100, 30)) as pilot:
                await settle(pilot)
                table = app.screen.query_one(PeopleTable)
                await pilot.press("end")
                await settle(pilot)
                assert table.current is not None and table.current.full_name == last
                await pilot.press("slash", *"zwolinski", "enter")
                await settle(pilot)
                assert table.count == 1 and table.current is not None
                await pilot.press("enter")
                await settle(pilot)
                assert isinstance(app.screen, PersonScreen)
                assert app.screen.sub_title == "Sam Zwolinski"
                await pilot.press("l", *"coffee today: held up", "enter")
                await settle(pilot)
                assert WAITING in [n.message for n in app._notifications]
                assert store.timeline(sam) == []  # not yet: the other program holds it
                await pilot.pause(db.busy_timeout * 2)  # held past the busy timeout
                assert isinstance(app.screen, PersonScreen)  # still up, still waiting
                holder.release()
                for _ in range(100):  # the retry runs on its timer once the lock is free
                    if store.timeline(sam):
                        break
                    await pilot.pause(RETRY_SECONDS)
                assert [e.summary for e in store.timeline(sam)] == ["held up"]
                await settle(pilot)
                said = [n.message for n in app._notifications]
                assert any(m.startswith("Logged coffee") for m in said)  # then it said so
        assert app.return_code is None  # never ended by an error
        assert store.count_people(PeopleQuery(text="holder")) == 1  # its write went in too
    finally:
        db.close()
