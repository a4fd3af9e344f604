"""Looking at a database file before netui writes a byte to it (standard library only).

`inspect` says what a file is, without changing it: a new file netui may create, a netui
database of some schema version, or something netui must refuse in one sentence — another
program's file, a read-only or forbidden place, a missing folder, a newer netui's file.
It opens the file read-only: `immutable=1` when no `-wal` file exists (the file then holds
everything, and SQLite creates no `-wal`/`-shm` beside it), else `mode=ro`. `quick_check`
is the only thing that may call a file damaged, and says so in a short sentence.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

from netui.errors import DamagedDatabaseError, NetuiError, NewerDatabaseError
from netui.faults import (
    SQLITE_CORRUPT,
    SQLITE_NOTADB,
    diagnose_error,
    disk_full,
    missing_place,
    no_space_left,
    not_a_folder,
    not_netui,
    permission_denied,
    read_only,
    read_only_disk,
    symlink_loop,
)
from netui.schema import MIGRATIONS

SQLITE_MAGIC = b"SQLite format 3\x00"
# Opening a WAL database makes a 32 KiB -shm and the first -wal frames: with less free
# space than this, opening would fail half-way and leave those two files behind.
OPEN_SPACE = 256 * 1024
_FS_IOC_GETFLAGS = 0x80086601  # Linux: a file's attributes (chattr)
_FS_IMMUTABLE_FL = 0x00000010


def damaged(path: Path, detail: str) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        f"{path} is damaged ({detail}); it was not changed — "
        "restore a backup from its backups/ folder."
    )


def file_uri(path: Path, *, immutable: bool) -> str:
    """An SQLite URI opening `path` read-only (`immutable` also skips locks and the WAL)."""
    quoted = os.fspath(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file:{quoted}?" + ("immutable=1" if immutable else "mode=ro")


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that leaves no `-wal`/`-shm` behind that was not there.
    (With a -wal or a rollback -journal beside the file, its contents are read through
    SQLite's locks instead: the file alone is not the whole story then.)"""
    immutable = not any(Path(f"{path}{end}").exists() for end in ("-wal", "-journal"))
    return sqlite3.connect(file_uri(path, immutable=immutable), uri=True)


def _sqlite_fault(exc: sqlite3.Error, path: Path) -> NetuiError:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code == SQLITE_NOTADB:
        return not_netui(str(path))
    if code == SQLITE_CORRUPT:
        return damaged(path, "SQLite cannot read its pages")
    return diagnose_error(exc, str(path)) or NetuiError(
        f"netui could not read {path} ({exc}); it was not changed."
    )


def _problems(rows: list[str]) -> str:
    """quick_check's findings in a few words: how many, and where the first one is."""
    lines = [line for row in rows for line in row.splitlines() if not line.startswith("***")]
    count = f"{len(lines)} problem" + ("" if len(lines) == 1 else "s")
    page = re.search(r"page (\d+)", lines[0]) if lines else None
    return f"SQLite's check found {count}" + (f", the first on page {page[1]}" if page else "")


def quick_check(path: Path) -> None:
    """PRAGMA quick_check, read-only; DamagedDatabaseError (one sentence) unless 'ok'.
    A check made without locks (no `-wal` when it began) that fails is made once more with
    them before the file is called damaged: another program may have been writing."""
    for attempt in range(2):
        conn = connect_read_only(path)
        try:
            rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as exc:
            fault = _sqlite_fault(exc, path)
            if isinstance(fault, DamagedDatabaseError) and attempt == 0:
                continue
            raise fault from None
        finally:
            conn.close()
        if rows == ["ok"]:
            return
        if attempt == 0 and Path(f"{path}-wal").exists():
            continue
        raise damaged(path, _problems(rows))


def inspect(path: Path, steps: Sequence[str] = MIGRATIONS) -> int:
    """The schema version of the netui database at `path`, 0 for a missing or empty file
    netui may create there. Raises one sentence (the file untouched) for anything else."""
    try:
        info = os.stat(path)
    except OSError as exc:
        _missing(path, exc)
        require_writable_folder(path)
        return 0
    if stat.S_ISDIR(info.st_mode):
        raise not_netui(str(path), "it is a folder")
    if info.st_size == 0:
        _require_writable(path, info)
        return 0
    _require_sqlite(path)
    version = _version(path, steps)
    _require_writable(path, info)
    return version


def _missing(path: Path, exc: OSError) -> None:
    """The file cannot be found: fine if its folder is there (raise otherwise)."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        raise permission_denied(str(path)) from None
    if exc.errno not in (errno.ENOENT, errno.ENOTDIR, errno.ELOOP):
        raise diagnose_error(exc, str(path)) or exc
    require_folder(path)
    if exc.errno == errno.ELOOP:
        raise symlink_loop(str(path)) from None  # the file's own name is the loop


def require_folder(path: Path) -> None:
    """The folder `path` is to be made in exists (raise MissingPlaceError, naming it)."""
    folder = path.parent
    try:
        info = os.stat(folder)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise symlink_loop(str(folder)) from None
        if exc.errno == errno.ENOTDIR:
            raise not_a_folder(_first_file(folder)) from None
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise permission_denied(str(folder)) from None
        raise missing_place(str(folder)) from None
    if not stat.S_ISDIR(info.st_mode):
        raise not_a_folder(str(folder))


def _first_file(folder: Path) -> str:
    """The part of `folder` that is a file, not a folder."""
    for part in [*reversed(folder.parents), folder]:
        if part.exists() and not part.is_dir():
            return str(part)
    return str(folder)


def _require_sqlite(path: Path) -> None:
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise diagnose_error(exc, str(path)) or exc from None
    if header != SQLITE_MAGIC:
        raise not_netui(str(path))


def _version(path: Path, steps: Sequence[str]) -> int:
    """user_version, refusing another program's SQLite file and a newer netui's."""
    conn = connect_read_only(path)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {
            str(row[0])
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
    except sqlite3.DatabaseError as exc:
        raise _sqlite_fault(exc, path) from None
    finally:
        conn.close()
    ours = set(re.findall(r"CREATE TABLE (\w+)", steps[0])) if steps else set()
    if version == 0 and tables:
        raise not_netui(str(path), _foreign(tables, ours))
    if version > len(steps):
        if "person" not in tables:
            raise not_netui(str(path), _foreign(tables, ours))
        raise NewerDatabaseError(
            f"{path} was written by a newer netui (schema {version}, this one knows "
            f"{len(steps)}); upgrade netui to open it — the file was not touched."
        )
    if version > 0 and not ours <= tables:
        raise not_netui(str(path), _foreign(tables, ours))
    return version


def _foreign(tables: set[str], ours: set[str]) -> str:
    if tables & ours:
        return "another program's SQLite database, though some of its tables have netui's names"
    named = ", ".join(sorted(tables)[:3]) + (", …" if len(tables) > 3 else "")
    return f"another program's SQLite database, with tables {named}"


# ---- may netui write here? ------------------------------------------------------------


def _immutable(path: Path) -> bool:
    """chattr +i (Linux): not even root may change it."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import fcntl
        import struct

        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (ImportError, OSError):
        return False
    try:
        flags = fcntl.ioctl(fd, _FS_IOC_GETFLAGS, struct.pack("l", 0))
        return bool(struct.unpack("l", flags)[0] & _FS_IMMUTABLE_FL)
    except OSError:
        return False
    finally:
        os.close(fd)


def _marked_read_only(info: os.stat_result) -> bool:
    """The owner's write bit is off on the user's own file or folder (even for root)."""
    return info.st_uid == os.geteuid() and not info.st_mode & stat.S_IWUSR


def require_writable_folder(path: Path, space: int = OPEN_SPACE) -> None:
    """The folder of `path` must take a new file (the database and its -wal and -shm, or a
    backup) with `space` bytes to spare."""
    folder = path.parent
    info = os.stat(folder)
    if read_only_disk(str(folder)) or _immutable(folder) or _marked_read_only(info):
        raise read_only(str(path))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise permission_denied(str(path))
    if no_space_left(str(path), space):
        raise disk_full(str(path))


def _require_writable(path: Path, info: os.stat_result) -> None:
    if read_only_disk(str(path.parent)) or _immutable(path) or _marked_read_only(info):
        raise read_only(str(path))
    try:
        os.close(os.open(path, os.O_RDWR))  # opening changes no byte and no time
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EPERM, errno.ETXTBSY):
            raise read_only(str(path)) from None
        raise diagnose_error(exc, str(path)) or exc from None
    # Its -wal and -shm already there (another netui has it open): opening makes no new
    # file, so a full disk still lets it be read (a write then says the disk is full).
    side_files = all(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))
    require_writable_folder(path, 0 if side_files else OPEN_SPACE)


# ---- who else reads it? ---------------------------------------------------------------

_WAL_READ_LOCKS = range(123, 128)  # the -shm bytes SQLite's readers lock (WAL_READ_LOCK 0-4)
_FLOCK = "hhqqi4x"  # struct flock on Linux: type, whence, start, len, pid


def readers_of(path: Path) -> list[str]:
    """Other programs in a read transaction on the database, as "NAME, pid N" (from the
    read locks they hold in its -shm); empty where this cannot be told."""
    if not sys.platform.startswith("linux"):  # struct flock's layout differs elsewhere
        return []
    try:
        import fcntl
        import struct

        fd = os.open(f"{path}-shm", os.O_RDONLY)
    except (ImportError, OSError):
        return []
    pids: list[int] = []
    try:
        for byte in _WAL_READ_LOCKS:
            probe = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, byte, 1, 0)
            kind, _whence, _start, _len, pid = struct.unpack(
                _FLOCK, fcntl.fcntl(fd, fcntl.F_GETLK, probe)
            )
            if kind != fcntl.F_UNLCK and pid > 0 and pid not in pids:
                pids.append(pid)
    except (OSError, struct.error):
        return []
    finally:
        os.close(fd)
    return [f"{_program_name(pid)}, pid {pid}" for pid in pids]


def _program_name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as handle:
            return handle.read().strip() or "a program"
    except OSError:
        return "a program"
