"""Erasing a person for good, said honestly: "Erased" only once the file is scrubbed.

The delete itself is immediate (the person is gone from every screen). The scrub — folding
the WAL into the file and truncating it, so no copy of the person's pages is left — cannot
finish while another program (another netui, a backup tool, an SQLite browser) holds an
older snapshot of the database open: that snapshot still needs the old pages. netui then
says so, keeps trying in a worker thread, and says "Erased" when the scrub has succeeded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from netui.errors import NetuiError
from netui.screens.base import NetuiScreen

ERASED = "Erased {name} and everything about them; the file is scrubbed."
HELD = (
    "{name} is gone from netui, but another program{who} holds an older copy of this "
    "database open, so their data is still in the file; netui finishes erasing as soon as "
    "that program lets go (close it, e.g. another netui)."
)
TRY_EVERY = 0.1  # seconds between scrub attempts while another program reads
TRY_FOR = 0.5  # seconds each call to scrub keeps trying before checking for cancellation


def erase_person(
    screen: NetuiScreen[Any], person_id: int, name: str, then: Callable[[], object]
) -> None:
    """Purge the person (through `screen.attempt`), call `then` once they are gone, and say
    "Erased" only when the file is scrubbed — at once, or when the other reader lets go."""

    def deleted(scrubbed: bool) -> None:
        then()
        if scrubbed:
            screen.notify(ERASED.format(name=name))
            return
        screen.notify(held(name, screen.store.db.path), severity="warning", timeout=15)
        screen.app.run_worker(
            lambda: _scrub_when_free(screen, name),
            thread=True,
            group="netui-scrub",
            exit_on_error=False,
        )

    screen.attempt(lambda: screen.store.purge_person(person_id), deleted)


def held(name: str, path: Path) -> str:
    """The notice for an erase another program's open snapshot holds up (naming it)."""
    from netui.db_probe import readers_of

    who = readers_of(path)
    return HELD.format(name=name, who=f" ({'; '.join(who)})" if who else "")


def _scrub_when_free(screen: NetuiScreen[Any], name: str) -> None:
    from textual.worker import get_current_worker

    app = screen.app
    db = screen.store.db
    worker = get_current_worker()
    try:
        while not worker.is_cancelled and not db.closed:
            if db.scrub(wait=TRY_FOR, pause=TRY_EVERY):
                app.call_from_thread(app.notify, ERASED.format(name=name), timeout=8)
                return
    except NetuiError as exc:
        app.call_from_thread(app.notify, str(exc), severity="error")
