"""Opening the database safely: PRAGMAs, health check, migrations, backups, the engine."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netui.errors import DamagedDatabaseError, NetuiError, NewerDatabaseError
from netui.paths import backup_dir, create_private_file
from netui.schema import MIGRATIONS

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA synchronous=FULL",
)


def apply_pragmas(conn: sqlite3.Connection) -> None:
    """The PRAGMAs every connection gets (sqlite.org/howtocorrupt.html)."""
    for pragma in PRAGMAS:
        conn.execute(pragma)


def connect(path: Path) -> sqlite3.Connection:
    """A driver connection in autocommit mode: transactions are begun explicitly."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    apply_pragmas(conn)
    return conn


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


def _damaged(path: Path, detail: str) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        f"{path} is damaged ({detail}); it was not changed — "
        "restore a backup from its backups/ folder."
    )


def _read_only_version(path: Path) -> int:
    """The file's schema version, read without writing a byte; refuse newer or foreign files."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise NetuiError(f"Cannot open {path}: {exc}.") from None
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, f"or not a netui database: {exc}") from None
    finally:
        conn.close()
    if version > len(MIGRATIONS):
        raise NewerDatabaseError(
            f"{path} was written by a newer netui (schema {version}, this one knows "
            f"{len(MIGRATIONS)}); upgrade netui to open it — the file was not touched."
        )
    return version


def quick_check(path: Path) -> None:
    """PRAGMA quick_check on a read-only connection; DamagedDatabaseError unless 'ok'."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, f"or not a netui database: {exc}") from None
    finally:
        conn.close()
    if result != "ok":
        raise _damaged(path, f"quick_check: {result}")


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
        conn.execute("ROLLBACK")
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
    finally:
        target.close()
    if check != "ok":
        tmp.unlink()
        raise NetuiError(f"The backup to {dest} failed its check ({check}); nothing was kept.")
    os.replace(tmp, dest)
    os.chmod(dest, 0o600)
    return dest


def _prune_backups(folder: Path, stem: str, keep: int) -> None:
    backups = sorted(folder.glob(f"{stem}-*.db"))
    for old in backups[: max(0, len(backups) - keep)]:
        old.unlink()


class OutOfTime(Exception):
    """A budgeted read ran past its budget (and was interrupted, changing nothing)."""


class Database:
    """One SQLite file: a driver connection for fast reads, one lazy SQLAlchemy engine."""

    def __init__(self, path: Path, reader: sqlite3.Connection) -> None:
        self.path = path
        self.reader = reader
        self.read_lock = threading.RLock()
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()
        self.bulk_writes = 0
        self._health = threading.Event()
        self._health.set()  # no check running: healthy as far as open() could tell
        self.health_error: DamagedDatabaseError | None = None

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        steps: Sequence[str] = MIGRATIONS,
        keep: int = 10,
        check_in_background: bool = False,
    ) -> Database:
        """Open (creating if needed), refuse newer or damaged files, migrate after a backup.

        `check_in_background` (the TUI's start-up) runs quick_check in a thread while the
        first screen is drawn (90 ms at 100,000 people); every write waits for its verdict,
        so a damaged file is still never written.
        """
        existed = path.exists() and path.stat().st_size > 0
        version = _read_only_version(path) if existed else 0
        background = existed and check_in_background and version >= len(steps)
        if existed and not background:
            quick_check(path)
        if not path.exists():
            if not path.parent.exists():
                path.parent.mkdir(parents=True, mode=0o700)
            create_private_file(path)
        try:
            conn = connect(path)
        except sqlite3.DatabaseError as exc:
            raise _damaged(path, str(exc)) from None
        if version < len(steps):
            if existed and version > 0:
                folder = backup_dir(path)
                stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
                backup_to(conn, folder / f"{path.stem}-v{version}-{stamp}.db")
            try:
                migrate(conn, steps)
            except sqlite3.Error as exc:
                conn.close()
                raise NetuiError(
                    f"Upgrading {path} failed ({exc}); it was left as it was."
                ) from None
        secure_file_modes(path)
        db = cls(path, conn)
        if background:
            db._health.clear()
            threading.Thread(target=db._check_health, name="netui-quick-check", daemon=True).start()
        return db

    def _check_health(self) -> None:
        try:
            quick_check(self.path)
        except DamagedDatabaseError as exc:
            self.health_error = exc
        finally:
            self._health.set()

    def require_healthy(self, timeout: float | None = None) -> None:
        """Wait for the health check (if one is running); raise if the file is damaged."""
        self._health.wait(timeout)
        if self.health_error is not None:
            raise self.health_error

    def backup(self, dest: Path | None = None, keep: int = 10) -> Path:
        """`netui backup`: a checked copy in backups/ (or at dest); keep the last `keep`."""
        if dest is None:
            folder = backup_dir(self.path)
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
            with self.read_lock:
                made = backup_to(self.reader, folder / f"{self.path.stem}-{stamp}.db")
            _prune_backups(folder, self.path.stem, keep)
            return made
        with self.read_lock:
            return backup_to(self.reader, dest)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """The shared read connection, one thread at a time."""
        with self.read_lock:
            yield self.reader

    @contextmanager
    def try_read(self, budget: float) -> Iterator[sqlite3.Connection | None]:
        """The read connection if free now (else None), its statements cut off at `budget`
        seconds with OutOfTime: the UI thread tries a read itself and hands it to a worker
        when it would cost more than a frame."""
        if not self.read_lock.acquire(blocking=False):
            yield None
            return
        deadline = time.perf_counter() + budget
        self.reader.set_progress_handler(lambda: int(time.perf_counter() > deadline), 2000)
        try:
            yield self.reader
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise OutOfTime() from None
            raise
        finally:
            self.reader.set_progress_handler(None, 0)
            self.read_lock.release()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A driver-level write transaction (bulk paths): all or nothing."""
        self.require_healthy()
        with self.read_lock:
            self.reader.execute("BEGIN IMMEDIATE")
            try:
                yield self.reader
            except BaseException:
                self.reader.execute("ROLLBACK")
                raise
            self.reader.execute("COMMIT")
            self.bulk_writes += 1

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, created on first use so start-up stays free of the ORM."""
        with self._engine_lock:
            if self._engine is None:
                self._engine = _make_engine(self.path)
            return self._engine

    def close(self) -> None:
        with self.read_lock:
            self.reader.close()
        if self._engine is not None:
            self._engine.dispose()


def _make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")

    # SQLAlchemy's documented recipe for real SQLite transactions: turn off the
    # driver's own transaction handling and emit BEGIN ourselves.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        apply_pragmas(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
