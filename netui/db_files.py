"""What changes a database file as a whole: migrations (one transaction), checked backups,
file modes, and undoing a half-made new file. Used by netui.db's Database."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from netui.errors import NetuiError
from netui.faults import diagnose_error
from netui.paths import create_private_file
from netui.schema import MIGRATIONS


def rollback(conn: sqlite3.Connection) -> None:
    """Undo the open transaction, if SQLite has not already (it may, on a full disk)."""
    if conn.in_transaction:
        with suppress(sqlite3.Error):  # the first error is the one to report
            conn.execute("ROLLBACK")


def split_statements(script: str) -> list[str]:
    """Split SQL into statements (trigger bodies included) without executescript's COMMIT."""
    statements: list[str] = []
    current = ""
    for piece in script.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \n\t;"):
                statements.append(current.strip())
            current = ""
    if current.strip(" \n\t;"):
        statements.append(current.strip())
    return statements


def migrate(conn: sqlite3.Connection, steps: Sequence[str] = MIGRATIONS) -> int:
    """Run the pending steps and the version bump in one transaction; return the version."""
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if current >= len(steps):
        return current
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in steps[current:]:
            for statement in split_statements(step):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version={len(steps)}")
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise
    return len(steps)


def secure_file_modes(path: Path) -> None:
    """Database, WAL and SHM readable only by the user."""
    for suffix in ("", "-wal", "-shm"):
        candidate = Path(f"{path}{suffix}")
        if candidate.exists():
            os.chmod(candidate, 0o600)


def backup_to(conn: sqlite3.Connection, dest: Path) -> Path:
    """Online backup to a 0600 temp file beside dest, checked, then renamed into place."""
    tmp = dest.with_name(dest.name + ".part")
    if tmp.exists():
        tmp.unlink()
    create_private_file(tmp)
    target = sqlite3.connect(tmp)
    try:
        conn.backup(target)
        check = target.execute("PRAGMA quick_check").fetchone()[0]
    except BaseException:
        target.close()
        tmp.unlink(missing_ok=True)  # a full disk: no half-made copy stays
        raise
    target.close()
    if check != "ok":
        tmp.unlink()
        raise NetuiError(f"The backup to {dest} failed its check ({check}); nothing was kept.")
    os.replace(tmp, dest)
    os.chmod(dest, 0o600)
    return dest


def upgrade(conn: sqlite3.Connection, path: Path, steps: Sequence[str]) -> None:
    try:
        migrate(conn, steps)
    except sqlite3.Error as exc:
        fault = diagnose_error(exc, str(path))
        if fault is not None:
            raise fault from None
        raise NetuiError(f"Upgrading {path} failed ({exc}); it was left as it was.") from None


def open_fault(exc: OSError | sqlite3.Error, path: Path) -> NetuiError:
    """Why a file the probe accepted could not be opened for writing after all."""
    return diagnose_error(exc, str(path)) or NetuiError(
        f"netui could not open {path} ({exc}); it was left as it was."
    )


def remove_new(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(OSError):
            os.unlink(f"{path}{suffix}")


def prune_backups(folder: Path, stem: str, keep: int) -> None:
    backups = sorted(folder.glob(f"{stem}-*.db"))
    for old in backups[: max(0, len(backups) - keep)]:
        old.unlink()
