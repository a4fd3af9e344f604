"""Opening the database safely (netui.db_probe looks first; netui.db_files migrates and
backs up): PRAGMAs, the health check, read connections, write transactions."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from netui.db_files import (
    backup_to,
    open_fault,
    prune_backups,
    remove_new,
    rollback,
    secure_file_modes,
    upgrade,
)
from netui.db_probe import inspect, quick_check, require_folder, require_writable_folder
from netui.errors import BusyError, DamagedDatabaseError, NetuiError
from netui.faults import diagnose_error
from netui.paths import backup_dir, create_private_file
from netui.schema import MIGRATIONS

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA synchronous=FULL",
)
BUSY_TIMEOUT = 5.0  # seconds a write waits for another program's write (settings: busy_timeout)
UI_BUSY_TIMEOUT = 0.05  # the app's UI thread waits no longer: it says so and retries instead


def apply_pragmas(conn: sqlite3.Connection) -> None:
    """The PRAGMAs every connection gets (sqlite.org/howtocorrupt.html)."""
    for pragma in PRAGMAS:
        conn.execute(pragma)


def connect(path: Path) -> sqlite3.Connection:
    """A driver connection in autocommit mode: transactions are begun explicitly."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    apply_pragmas(conn)
    return conn


def is_busy(exc: BaseException) -> bool:
    """SQLite's 'another connection holds the lock' (SQLITE_BUSY / SQLITE_LOCKED)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    text = str(exc)
    return "database is locked" in text or "database is busy" in text


def busy_error(path: Path, waited: float) -> BusyError:
    seconds = f"{waited:g} second" + ("" if waited == 1 else "s")
    return BusyError(
        f"{path.name} is busy: another program (another netui?) kept it locked for "
        f"{seconds}, so nothing was changed; try again when it has finished."
    )


def _opens_unchanged(path: Path) -> bool:
    """Connecting and closing leave the file's bytes as they are: its header says WAL
    (bytes 18 and 19 are 2; a rollback-journal file is switched to WAL on connect) and no
    -wal holds frames (the last connection to close folds them into the file)."""
    try:
        if Path(f"{path}-wal").stat().st_size > 0:
            return False
    except OSError:
        pass  # no -wal: nothing to fold in
    with path.open("rb") as file:
        file.seek(18)
        return file.read(2) == b"\x02\x02"


class OutOfTime(Exception):
    """A budgeted read ran past its budget (and was interrupted, changing nothing)."""


@contextmanager
def stopping(
    conn: sqlite3.Connection, should_stop: Callable[[], bool], every: int
) -> Iterator[sqlite3.Connection]:
    """`conn` with its statements interrupted (OutOfTime) once `should_stop()` is true,
    asked every `every` SQLite steps; the handler is removed afterwards."""
    conn.set_progress_handler(lambda: int(should_stop()), every)
    try:
        yield conn
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise OutOfTime() from None
        raise
    finally:
        conn.set_progress_handler(None, 0)


class Database:
    """One SQLite file: read connections that never wait, and one way to write.

    Reads (`read()`, `try_read()`) each get a connection of their own from a small pool,
    in a read transaction: with WAL they never wait for a writer, another reader or the
    lock of another thread, so the UI thread and every worker read side by side.
    Every write is plain SQL in `write()` on the main connection (`reader`, its name
    kept), which waits `busy_timeout` seconds for another program's write or another
    thread's, except on the app's UI thread (`ui_thread`), which waits `UI_BUSY_TIMEOUT`
    and raises BusyError so the screen can say so and retry.
    """

    def __init__(
        self, path: Path, reader: sqlite3.Connection, *, busy_timeout: float = BUSY_TIMEOUT
    ) -> None:
        self.path = path
        self.reader = reader  # the main connection: bulk writes, backups, checkpoints
        self.read_lock = threading.RLock()  # guards `reader` (not the pooled readers)
        self.busy_timeout = busy_timeout
        self.ui_thread: int | None = None  # threading.get_ident() of the app's UI thread
        self.on_wait: Callable[[float], object] | None = None  # told when a write must wait
        self._idle: list[sqlite3.Connection] = []
        self._readers: list[sqlite3.Connection] = []
        self._pool_lock = threading.Lock()
        self._watch: sqlite3.Connection | None = None  # PRAGMA data_version only
        self._watch_lock = threading.Lock()
        self.writes = 0  # this process's commits: screens refresh on change
        self._health = threading.Event()
        self._health.set()  # no check running: healthy as far as open() could tell
        self._check_pending = False  # open() deferred quick_check: start_health_check runs it
        self._check_lock = threading.Lock()
        self.health_error: DamagedDatabaseError | None = None
        self.scrub_pending = False  # an erase waits for another program's old snapshot
        self.closed = False

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        steps: Sequence[str] = MIGRATIONS,
        keep: int = 10,
        check_in_background: bool = False,
        busy_timeout: float = BUSY_TIMEOUT,
    ) -> Database:
        """Open (creating if needed), refuse newer or damaged files, migrate after a backup.

        `check_in_background` (the TUI's start-up) leaves quick_check to a thread that
        `start_health_check` starts (the app: once its first screen is painted; 90 ms at
        100,000 people); every write starts it if need be and waits for its verdict, so a
        damaged file is still never written.
        """
        version = inspect(path, steps)  # refuses, untouched, what netui must not write
        existed = version > 0
        # The check may wait only where connecting and closing change nothing in the file.
        background = (
            existed and check_in_background and version >= len(steps) and _opens_unchanged(path)
        )
        if existed and not background:
            quick_check(path)
        created = not path.exists()
        conn: sqlite3.Connection | None = None
        try:
            if created:
                create_private_file(path)
            conn = connect(path)
            if version < len(steps):
                if existed:
                    folder = backup_dir(path)
                    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
                    backup_to(conn, folder / f"{path.stem}-v{version}-{stamp}.db")
                upgrade(conn, path, steps)
            secure_file_modes(path)
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if created:
                remove_new(path)  # nothing created: no empty or half-made file stays
            if isinstance(exc, OSError | sqlite3.Error):
                raise open_fault(exc, path) from None
            raise
        db = cls(path, conn, busy_timeout=busy_timeout)
        if background:
            db._health.clear()
            db._check_pending = True
        return db

    def start_health_check(self) -> None:
        """Start the deferred quick_check in a thread (once; nothing if none is pending)."""
        with self._check_lock:
            if not self._check_pending:
                return
            self._check_pending = False
        threading.Thread(target=self._check_health, name="netui-quick-check", daemon=True).start()

    def _check_health(self) -> None:
        try:
            quick_check(self.path)
        except DamagedDatabaseError as exc:
            self.health_error = exc
        finally:
            self._health.set()

    def require_healthy(self, timeout: float | None = None) -> None:
        """Wait for the health check (starting it if it waits to be started); raise if the
        file is damaged."""
        self.start_health_check()
        self._health.wait(timeout)
        if self.health_error is not None:
            raise self.health_error

    def backup(self, dest: Path | None = None, keep: int = 10) -> Path:
        """`netui backup`: a checked copy in backups/ (or at dest); keep the last `keep`.
        A missing folder, a full disk or a read-only place is one sentence, nothing kept."""
        needed = self.path.stat().st_size + 64 * 1024  # the copy, and a little to spare
        if dest is not None:
            require_folder(dest)
            require_writable_folder(dest, needed)
        try:
            if dest is not None:
                with self.read_lock:
                    return backup_to(self.reader, dest)
            folder = backup_dir(self.path)
            dest = folder / f"{self.path.stem}-{datetime.now(UTC):%Y%m%d-%H%M%S-%f}.db"
            require_writable_folder(dest, needed)
            with self.read_lock:
                made = backup_to(self.reader, dest)
            prune_backups(folder, self.path.stem, keep)
            return made
        except (OSError, sqlite3.Error) as exc:
            where = str(dest or self.path.parent / "backups")
            raise diagnose_error(exc, where) or exc from None

    # ---- reads ----------------------------------------------------------------------

    def _open_reader(self) -> sqlite3.Connection:
        conn = connect(self.path)
        conn.execute("PRAGMA query_only=ON")  # a read connection can never write
        self._readers.append(conn)
        return conn

    def _checkout(self) -> sqlite3.Connection:
        with self._pool_lock:
            return self._idle.pop() if self._idle else self._open_reader()

    def _checkin(self, conn: sqlite3.Connection) -> None:
        with self._pool_lock:
            self._idle.append(conn)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read connection of the caller's own, in one read transaction (a consistent
        snapshot). It waits for no writer (WAL), no other reader and no other thread."""
        conn = self._checkout()
        try:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")  # a read transaction: nothing to keep
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise busy_error(self.path, self.busy_timeout) from None
            raise
        finally:
            self._checkin(conn)

    @contextmanager
    def try_read(self, budget: float) -> Iterator[sqlite3.Connection | None]:
        """A read connection whose statements are cut off at `budget` seconds with
        OutOfTime: the UI thread tries a read itself and hands it to a worker when it
        would cost more than a frame. (It yields None for no reason now; callers keep
        handling it.)"""
        with self.read() as conn:
            deadline = time.perf_counter() + budget
            with stopping(conn, lambda: time.perf_counter() > deadline, 2000):
                yield conn

    def data_version(self) -> int:
        """Moves whenever any connection (this process's or another's) commits a change."""
        with self._watch_lock:
            if self._watch is None:
                self._watch = self._open_reader()
            return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

    # ---- writes ---------------------------------------------------------------------

    def wait_ms(self) -> int:
        """How long this thread's next write waits for another program's lock."""
        if self.ui_thread is not None and threading.get_ident() == self.ui_thread:
            return int(UI_BUSY_TIMEOUT * 1000)
        return int(self.busy_timeout * 1000)

    def begin_write(self, conn: sqlite3.Connection) -> None:
        """BEGIN IMMEDIATE, waiting up to this thread's wait for another program's lock;
        `on_wait` (the CLI's "waiting…" line) hears of it when the wait is more than a
        moment. Raises BusyError when the lock is still held at the end."""
        wait = self.wait_ms()
        first = min(wait, int(UI_BUSY_TIMEOUT * 1000)) if self.on_wait else wait
        try:
            conn.execute(f"PRAGMA busy_timeout={first}")
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not is_busy(exc) or first >= wait or self.on_wait is None:
                    raise
                self.on_wait(wait / 1000)
            conn.execute(f"PRAGMA busy_timeout={wait - first}")
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise busy_error(self.path, wait / 1000) from None
            raise

    def busy(self, exc: BaseException) -> BusyError | None:
        """The BusyError for a lock timeout (None for any other error)."""
        if not is_busy(exc):
            return None
        return busy_error(self.path, self.wait_ms() / 1000)

    def fault(self, exc: BaseException) -> NetuiError | None:
        """Why a write failed, named by its cause (busy, disk full, read-only, locked…), or
        None for an error that is not a fault of the place (a broken rule, a bug)."""
        return self.busy(exc) or diagnose_error(exc, str(self.path))

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction on the main connection: all or nothing. A fault (a full
        disk mid-import) rolls everything back and raises its NetuiError. The UI thread
        waits `UI_BUSY_TIMEOUT` for another thread's write, like another program's."""
        self.require_healthy()
        wait = self.wait_ms() / 1000
        if not self.read_lock.acquire(timeout=wait):  # this process's own long write
            raise busy_error(self.path, wait)
        try:
            try:
                self.begin_write(self.reader)
                try:
                    yield self.reader
                    self.reader.execute("COMMIT")
                except BaseException:
                    rollback(self.reader)
                    raise
            except sqlite3.Error as exc:
                if (fault := self.fault(exc)) is not None:
                    raise fault from None
                raise
            self.writes += 1
        finally:
            self.read_lock.release()

    def scrub(self, wait: float = 0.0, pause: float = 0.1) -> bool:
        """Fold the WAL into the file and truncate it (after an erase: no copy left in the
        database or its WAL). True when done; False when another program still reads an
        older snapshot (it needs the old pages, which hold what was erased) after `wait`
        seconds of trying — call again when it may have let go. Each try takes the write
        lock only for a moment (busy_timeout 0), so writes are not held up meanwhile."""
        deadline = time.monotonic() + wait
        while not self.closed:
            try:
                with self.read_lock:
                    self.reader.execute("PRAGMA busy_timeout=0")
                    busy = self.reader.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            except sqlite3.Error as exc:
                if self.closed:  # closed meanwhile (netui is quitting): nothing to do
                    return False
                raise self.fault(exc) or exc from None
            self.scrub_pending = busy != 0
            if busy == 0:
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(pause)
        return False

    def close(self) -> None:
        if self.scrub_pending:  # one last try at an erase's scrub (the reader may be gone)
            with suppress(sqlite3.Error, NetuiError):
                self.scrub()
        with self._pool_lock, self._watch_lock:
            for conn in self._readers:
                conn.close()
            self._readers.clear()
            self._idle.clear()
            self._watch = None
        with self.read_lock:
            self.closed = True
            self.reader.close()
