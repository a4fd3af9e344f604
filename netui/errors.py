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
