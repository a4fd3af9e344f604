"""The read-only fast path: open the database without writing or checking, and the reads of
`netui query` and `netui list`.

A mail client runs `netui query` on every address it completes, so this module imports the
standard library only (no Textual, pathlib or platformdirs: each costs more than the query
itself). It lives outside `netui/store/` because importing that package loads People's store
part, its rows and the database layer (pathlib among them). Nothing here writes: the file is
opened with `mode=ro`, and a file that needs a migration, or is missing, is left to the full
path (`netui.cli`), which backs up, migrates and checks it. The full `PRAGMA quick_check` is
skipped (it reads every page: 39 ms at 30,000 people); a damaged page this read touches
raises, and the command is handed to the full path, which checks the file and names the
damage.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator

from netui.errors import NetuiError
from netui.folding import fold_sql, fts_query
from netui.schema import MIGRATIONS

BUSY_TIMEOUT_MS = 5000
# The columns `netui query` matches: name, email address, company (not notes or titles).
QUERY_COLUMNS = "{full_name company email}"


class BusyDatabase(NetuiError):
    """Another program held the database locked past the busy timeout."""


def _uri(path: str, immutable: bool = False) -> str:
    quoted = path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file:{quoted}?" + ("immutable=1" if immutable else "mode=ro")


def _settled(path: str) -> tuple[int, bool] | None:
    """(schema version, read-only file) from the file's own header when no -wal file is
    beside it (the header is then the truth), or None when a connection must say. Reading
    it first keeps SQLite from leaving a -wal and -shm beside a file that is not netui's."""
    if os.path.exists(path + "-wal"):
        return None
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
        writable = (
            os.stat(path).st_mode & 0o200
            and os.access(path, os.W_OK)
            and os.access(os.path.dirname(os.path.abspath(path)), os.W_OK)
        )
    except OSError:
        return (-1, True)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return (-1, True)
    return (int.from_bytes(header[60:64], "big"), not writable)


def is_busy(exc: sqlite3.Error) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and (
        "locked" in str(exc) or "busy" in str(exc)
    )


def busy_error(path: str) -> BusyDatabase:
    return BusyDatabase(
        f"{path} is busy (another program kept it locked for {BUSY_TIMEOUT_MS // 1000} "
        "seconds); nothing was read — try again in a moment."
    )


def open_read_only(path: str) -> sqlite3.Connection | None:
    """A read-only connection to a current netui database, or None when the full path must
    open the file instead: it is missing or empty, needs a migration, or is newer, foreign
    or damaged (the full path explains those in one sentence, without writing to them)."""
    settled = _settled(path)
    if settled is not None and settled[0] != len(MIGRATIONS):
        return None
    # A read-only file or folder nobody is writing (no -wal): read it as it is, creating
    # nothing (a -shm could not be made there anyway).
    immutable = settled is not None and settled[1]
    try:
        conn = sqlite3.connect(_uri(path, immutable), uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error as exc:
        conn.close()
        if is_busy(exc):
            raise busy_error(path) from None
        return None
    if version != len(MIGRATIONS):
        conn.close()
        return None
    return conn


# ---- netui query -----------------------------------------------------------------------

_ADDRESS_SQL = """
SELECT p.email, p.full_name, coalesce(c.name, '')
FROM person p LEFT JOIN company c ON c.id = p.company_id
WHERE p.archived_at IS NULL AND p.email != ''{match}
ORDER BY p.full_name COLLATE NOCASE, p.id
"""
_MATCH = " AND p.id IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ?)"


def addresses(conn: sqlite3.Connection, text: str) -> list[tuple[str, str, str]]:
    """(email, name, company) of every live person whose name, email or company has a word
    starting with each word of `text`, in name order."""
    match = fts_query(text, QUERY_COLUMNS)
    sql = _ADDRESS_SQL.format(match=_MATCH if match else "")
    return conn.execute(sql, [match] if match else []).fetchall()


def _cell(value: str) -> str:
    """One field of a tab-separated line: no tab, newline or other control character."""
    if value.isprintable():
        return value
    return "".join(ch if ch.isprintable() else " " for ch in value)


def query_lines(text: str, rows: list[tuple[str, str, str]], first_line: bool) -> Iterator[str]:
    """khard's `email --parsable` format: "searching for 'TEXT' ...", then
    email<TAB>name<TAB>company per address (mutt and neomutt skip the first line)."""
    if first_line:
        yield f"searching for '{_cell(text)}' ..."
    for email, name, company in rows:
        yield f"{_cell(email)}\t{_cell(name)}\t{_cell(company)}"


# ---- netui list --------------------------------------------------------------------------

LIST_COLUMNS = ("id", "name", "company", "role", "stage", "follow-up", "email")

_LIST_SQL = (
    """
SELECT p.id, p.full_name, coalesce(c.name, ''), p.role, p.stage,
       coalesce(p.follow_up_on, ''), p.email
FROM person p LEFT JOIN company c ON c.id = p.company_id
WHERE p.archived_at IS NULL{match}{due}
ORDER BY """
    + fold_sql("p.full_name")
    + ", p.id{limit}"
)  # the People list's order
_COUNT_SQL = "SELECT count(*) FROM person p WHERE p.archived_at IS NULL{match}{due}"


class Listing:
    """The printed rows and how many matched (more than printed when --limit cut the list).
    A plain class: `dataclasses` would cost the fast path 10 ms of imports."""

    __slots__ = ("filtered", "rows", "total")

    def __init__(self, rows: list[tuple[object, ...]], total: int, filtered: bool) -> None:
        self.rows = rows
        self.total = total
        self.filtered = filtered  # a search text or --due narrowed it


def list_people(
    conn: sqlite3.Connection, text: str, due_on: str | None, limit: int | None
) -> Listing:
    """Live people matching `text` (any indexed field, like the People search), in name
    order; `due_on` (YYYY-MM-DD) keeps those whose follow-up is due by then."""
    match = fts_query(text)
    params: list[object] = [match] if match else []
    if due_on is not None:
        params.append(due_on)
    parts = {"match": _MATCH if match else "", "due": " AND p.follow_up_on <= ?" if due_on else ""}
    if limit is None:
        rows = conn.execute(_LIST_SQL.format(limit="", **parts), params).fetchall()
        return Listing(rows, len(rows), bool(match or due_on))
    rows = conn.execute(_LIST_SQL.format(limit=" LIMIT ?", **parts), [*params, limit]).fetchall()
    total = len(rows)
    if total == limit:
        total = int(conn.execute(_COUNT_SQL.format(**parts), params).fetchone()[0])
    return Listing(rows, total, bool(match or due_on))


def list_lines(listing: Listing) -> Iterator[str]:
    for row in listing.rows:
        yield "\t".join(_cell(str(v)) for v in row)


def left_out(listing: Listing, limit: int | None) -> str | None:
    """The stderr line a listing owes the user: that nothing matched, or how many a --limit
    did not print (stdout stays rows only, for scripts)."""
    if not listing.total:
        if listing.filtered:
            return "netui: nobody matches."
        return 'netui: no people yet; add one (netui add "Name @ Company") or netui import FILE.'
    missing = listing.total - len(listing.rows)
    if missing <= 0:
        return None
    return f"netui: {missing:,} more not shown (--limit {limit}); drop --limit to see all."
