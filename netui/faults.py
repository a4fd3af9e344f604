"""Faults named by their cause (pure, standard library only): an OS or SQLite error -> the
NetuiError that says what happened and what to do, in one sentence.

The database layer (netui.db) calls `diagnose_error` with the file it was working on; the
command line's last resort (netui.exits) calls it without one. "Damaged" is never said
here: only PRAGMA quick_check may say that (netui.db), because following "restore a backup"
loses everything since that backup.
"""

from __future__ import annotations

import errno
import os
import sqlite3

from netui.errors import (
    BusyError,
    DiskFullError,
    LockedError,
    MissingPlaceError,
    NetuiError,
    NotNetuiFileError,
    PermissionDeniedError,
    ReadOnlyLocationError,
)

# SQLite's primary result codes (sqlite.org/rescode.html)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
SQLITE_IOERR_WRITE = SQLITE_IOERR | (3 << 8)
SQLITE_IOERR_FSYNC = SQLITE_IOERR | (4 << 8)
SQLITE_IOERR_TRUNCATE = SQLITE_IOERR | (6 << 8)
SQLITE_IOERR_SHMSIZE = SQLITE_IOERR | (19 << 8)
_WRITE_IOERRS = {SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, SQLITE_IOERR_TRUNCATE,
                 SQLITE_IOERR_SHMSIZE}  # fmt: skip


def disk_full(what: str) -> DiskFullError:
    return DiskFullError(
        f"The disk holding {what} is full; free some space and try again — nothing was "
        "saved half-way."
    )


def size_limit(what: str) -> DiskFullError:
    return DiskFullError(
        f"{what} cannot grow: this session's file size limit (ulimit -f) is reached; raise "
        "the limit and try again — nothing was saved half-way."
    )


def file_size_limited() -> bool:
    """True when this process may not grow files without limit (ulimit -f)."""
    try:
        import resource
    except ImportError:  # not on this system
        return False
    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    return soft != resource.RLIM_INFINITY


def read_only(what: str) -> ReadOnlyLocationError:
    return ReadOnlyLocationError(
        f"{what} is read-only (the file, its folder or its disk); netui changed nothing — "
        "make it writable or choose a writable place with --db."
    )


def permission_denied(what: str) -> PermissionDeniedError:
    return PermissionDeniedError(
        f"netui may not open {what} (permission denied); give your user read and write "
        "access to it and its folder, or choose another file with --db."
    )


def locked(what: str) -> LockedError:
    return LockedError(
        f"{what} is locked by another program; close that program (or the other netui) "
        "and try again — nothing was changed."
    )


def not_netui(what: str, detail: str = "not an SQLite database") -> NotNetuiFileError:
    return NotNetuiFileError(
        f"{what} is not a netui database ({detail}); it was left as it was — give netui a "
        "new file with --db."
    )


def missing_place(what: str, detail: str = "does not exist") -> MissingPlaceError:
    return MissingPlaceError(f"The folder {what} {detail}; create it or choose another place.")


def not_a_folder(what: str) -> MissingPlaceError:
    return MissingPlaceError(f"{what} is a file, not a folder; choose a place inside a folder.")


def symlink_loop(what: str) -> MissingPlaceError:
    return MissingPlaceError(
        f"{what} is a loop of symbolic links (each points on to the next and none to a real "
        "file or folder); fix the links or choose another place."
    )


def no_space_left(path: str, below: int = 64 * 1024) -> bool:
    """True when the file system holding `path` has less than `below` bytes free."""
    folder = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
    try:
        stat = os.statvfs(folder)
    except OSError:
        return False
    return stat.f_bavail * stat.f_frsize < below


def writable_place(path: str) -> bool:
    """Could netui write this file (and its -wal/-shm beside it)?"""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return False
    return os.access(folder, os.W_OK)


def _os_error(exc: OSError, what: str) -> NetuiError | None:
    code = exc.errno
    if code == errno.EFBIG and file_size_limited():
        return size_limit(what)
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return disk_full(what)
    if code == errno.EROFS:
        return read_only(what)
    if code in (errno.EACCES, errno.EPERM):
        return permission_denied(what)
    if code == errno.ELOOP:
        return symlink_loop(what)
    if code == errno.ENOTDIR:
        return not_a_folder(
            os.path.dirname(exc.filename) if isinstance(exc.filename, str) else what
        )
    if code == errno.ENOENT:
        named = exc.filename if isinstance(exc.filename, str) else what
        return missing_place(os.path.dirname(named) or named)
    return None


def _sqlite_error(exc: sqlite3.Error, what: str, path: str | None) -> NetuiError | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        # "database or disk is full" and friends without a code (older drivers)
        text = str(exc).lower()
        if "disk is full" in text:
            return disk_full(what)
        if "readonly" in text or "read-only" in text:
            return read_only(what)
        if "locked" in text:
            return locked(what)
        return None
    primary = code & 0xFF
    if primary == SQLITE_FULL:
        return disk_full(what)
    if primary == SQLITE_READONLY:
        return read_only(what)
    if primary == SQLITE_PERM:
        return permission_denied(what)
    if primary == SQLITE_LOCKED:
        return locked(what)
    if primary == SQLITE_BUSY:
        return BusyError(
            f"{what} is busy: another program is writing to it; try again in a moment — "
            "nothing was changed."
        )
    if primary == SQLITE_NOTADB:
        return not_netui(what)
    if primary == SQLITE_CANTOPEN and path is not None:
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            return missing_place(folder)
        if not writable_place(path):
            return read_only(what) if read_only_disk(folder) else permission_denied(what)
    if primary == SQLITE_IOERR and path is not None:
        if no_space_left(path):
            return disk_full(what)
        if (code in _WRITE_IOERRS or code == SQLITE_IOERR) and file_size_limited():
            return size_limit(what)
        if read_only_disk(os.path.dirname(os.path.abspath(path))):
            return read_only(what)
    return None


def read_only_disk(folder: str) -> bool:
    """True when `folder` is on a file system mounted read-only."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def diagnose_error(exc: BaseException, path: str | None = None) -> NetuiError | None:
    """The NetuiError for an OS or SQLite error, or None when its cause is not known here.
    `path` is the database (or file) the error happened on, when known."""
    what = path or "the database"
    if isinstance(exc, OSError):
        return _os_error(exc, exc.filename if isinstance(exc.filename, str) else what)
    if isinstance(exc, sqlite3.Error):
        return _sqlite_error(exc, what, path)
    return None
