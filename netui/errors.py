"""The one family of errors a user can act on; each is shown as one sentence."""


class NetuiError(Exception):
    """An error meant for the user: its message is one plain sentence."""

    exit_code = 1


class NewerDatabaseError(NetuiError):
    """The database was written by a newer netui."""

    exit_code = 2


class DamagedDatabaseError(NetuiError):
    """PRAGMA quick_check found the file damaged."""

    exit_code = 3


class InputError(NetuiError):
    """Bad input from the user: a field, a file, a line."""


class NotFoundError(NetuiError):
    """A record the user named does not exist."""


class BusyError(NetuiError):
    """Another program (another netui, a long import) holds the database's write lock past
    the busy timeout; nothing was changed. The app says so and retries; the CLI exits."""

    exit_code = 75  # EX_TEMPFAIL: try again later


# ---- faults, each named by its cause (netui.faults tells them apart) ---------------------
# Exit statuses follow sysexits.h where one fits, so scripts can tell them apart too.


class DiskFullError(NetuiError):
    """The disk (or the user's quota) is full: nothing was saved half-way."""

    exit_code = 74  # EX_IOERR


class ReadOnlyLocationError(NetuiError):
    """The file or its folder is on a read-only disk, or the file is read-only."""

    exit_code = 73  # EX_CANTCREAT


class PermissionDeniedError(NetuiError):
    """The user may not read or write the file or its folder."""

    exit_code = 77  # EX_NOPERM


class LockedError(NetuiError):
    """Another program holds the file locked (not just busy writing)."""

    exit_code = 75  # EX_TEMPFAIL


class NotNetuiFileError(NetuiError):
    """The file is not a netui database (another program's SQLite file, or not SQLite)."""

    exit_code = 65  # EX_DATAERR


class MissingPlaceError(NetuiError):
    """A folder the user named does not exist (or loops back on itself)."""

    exit_code = 66  # EX_NOINPUT
