"""The Import screen's preview of a contacts file, read and planned in a child process.

Reading 30,000 rows and planning them against the database allocates ~70 MB of small
objects; freed, CPython keeps most of those arenas, so the app would stay ~70 MB bigger
after one preview. A child process does the reading and the planning and hands back only
what the screen shows (the first rows, the counts, the first problems, the columns), then
exits and gives all of it back. The screen reads the file again when you import (checking
that it did not change in between).

    preview = preview_elsewhere(db_path, Path("Connections.csv"), how="work")
    preview.source      # a ContactsSource whose records are the first PREVIEW_ROWS only
    preview.report      # the counts and first outcomes of the whole file, as preview_import

`importers.peek` reads the first rows alone (no database, no child) so the screen can show
them while the rest is read. The child runs `python -m netui.store.import_preview`: a pickled
request on stdin, a pickled answer on stdout.
"""

from __future__ import annotations

import pickle
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from netui.errors import InputError, NetuiError
from netui.importers.peek import PREVIEW_ROWS, digest_of, trimmed
from netui.importers.registry import Me, find
from netui.importers.source import ContactsSource, open_source
from netui.store.imports import ImportReport, _plan, _report


@dataclass(frozen=True)
class Preview:
    """What the screen shows of a contacts file, and how to know it is still that file."""

    source: ContactsSource  # records: the first PREVIEW_ROWS; the table: its first rows
    report: ImportReport  # counts of the whole file; outcomes: the first PREVIEW_ROWS


# ---- the child's side -------------------------------------------------------------------


def preview_here(request: dict[str, Any]) -> Preview:
    """Read, parse and plan the whole file; keep what the screen shows (in the child)."""
    path: Path = request["path"]
    digest = digest_of(path)
    source = open_source(path, encoding=request["encoding"], me=request["me"])
    if not isinstance(source, ContactsSource):
        raise _NotContacts
    if request["mapping"] is not None:
        source = source.remapped(request["mapping"])
    conn = sqlite3.connect(f"file:{request['db']}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("BEGIN")
        result = source.result
        plan = _plan(conn, result.records, request["how"], None, result.format)
    finally:
        conn.close()
    report = _report(result, plan, dry_run=True)
    report.outcomes = report.outcomes[:PREVIEW_ROWS]
    first = replace(trimmed(source, result.records[:PREVIEW_ROWS]), digest=digest)
    return Preview(first, report)


class _NotContacts(Exception):
    """The file is an archive or an export: the app reads it itself."""


def main() -> int:
    """The child: one request in (stdin), one answer out (stdout), then exit."""
    request = pickle.load(sys.stdin.buffer)
    try:
        got = preview_here(request)  # (a Format holds functions: the parent finds its own)
        answer: tuple[str, Any] = ("preview", (got.source.result, got.source.table,
                                               got.report, got.source.digest))  # fmt: skip
    except _NotContacts:
        answer = ("other", None)
    except NetuiError as exc:
        answer = ("error", str(exc))
    except Exception as exc:  # never a traceback: it could hold personal data
        answer = ("error", f"{request['path'].name} could not be read ({type(exc).__name__}).")
    sys.stdout.buffer.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return 0


# ---- the app's side ---------------------------------------------------------------------


def preview_elsewhere(
    db: Path,
    path: Path,
    how: str = "",
    mapping: dict[str, str] | None = None,
    encoding: str = "",
    me: Me | None = None,
    started: Callable[[subprocess.Popen[bytes]], None] | None = None,
) -> Preview | None:
    """The preview read in a child process; None when the app should read the file itself
    (an archive, an export, or no child process could run). A file it cannot read is an
    InputError naming it, as in the app. `started(process)` gets the child (the screen
    stops it if it closes first)."""
    request = {"db": str(db), "path": path, "how": how, "mapping": mapping,
               "encoding": encoding, "me": me or Me()}  # fmt: skip
    argv = [sys.executable, "-m", "netui.store.import_preview"]
    try:
        with subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL) as child:  # fmt: skip
            if started is not None:
                started(child)
            out, _err = child.communicate(pickle.dumps(request))
    except OSError:  # no process could be started: the app reads it itself
        return None
    if child.returncode != 0 or not out:
        if child.returncode is not None and child.returncode < 0:  # stopped: the screen closed
            raise InputError(f"{path.name}: reading it was stopped.")
        return None  # no child could run here (a frozen app?): the app reads it itself
    kind, value = pickle.loads(out)
    if kind == "error":
        raise InputError(str(value))
    if kind == "other":
        return None
    result, table, report, digest = value
    source = ContactsSource(path, find(result.format), result, table, True, digest)
    return Preview(source, report)


if __name__ == "__main__":
    raise SystemExit(main())
