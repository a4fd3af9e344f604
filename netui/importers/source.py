"""`open_source(path)`: any importable path -> a typed Source, the file read once.

    source = open_source(Path("Connections.csv"))         # ContactsSource: .result records
    source = open_source(Path("takeout.zip"), me=Me(emails=("me@x.org",)))  # ArchiveSource
    source = open_source(Path("netui.json"))              # RestoreSource: .data for restore

Used by `netui import` and the Import screen alike. Errors are one InputError naming the
file (and the zip member or line); nothing is written anywhere.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePath, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from netui.errors import InputError
from netui.gcpause import paused_gc
from netui.importers.csvread import Table, decode, read_bytes, read_table
from netui.importers.record import ParseResult
from netui.importers.registry import (
    Format,
    Me,
    Members,
    all_formats,
    find,
    get,
    known_score,
    label,
    said,
    table_format,
)

if TYPE_CHECKING:  # the channels load only when an archive is read
    from netui.channels.model import ChannelResult
    from netui.channels.sources import Tree


@dataclass(frozen=True)
class ContactsSource:
    """A contacts file read: its records, and the CSV table when it was one (for remapping)."""

    path: Path
    format: Format
    result: ParseResult
    table: Table | None = None
    partial: bool = False  # records and table rows are the first ones only (a preview's)
    digest: str = ""  # of the file's bytes, when partial: the import reads it again
    kind: Literal["contacts"] = "contacts"

    @property
    def label(self) -> str:
        return label(self.result.format)

    def remapped(self, mapping: dict[str, str]) -> ContactsSource:
        """The same table read again with another header->field mapping (no file read)."""
        if self.table is None:
            raise InputError(f"{self.path.name} has no columns to map (it is not a CSV).")
        if self.partial:
            raise InputError(f"{self.path.name}: only its first rows were kept; read it again.")
        with paused_gc():
            return replace(self, result=parse_table(self.table, "auto", mapping))


@dataclass(frozen=True)
class ArchiveSource:
    """A conversation or social archive read: contacts and evidence for the store to match."""

    path: Path
    format: Format
    result: ChannelResult
    contacts: ContactsSource | None = None  # a contact list the archive also holds
    also: tuple[str, ...] = ()  # labels of other archives found beside it and not read
    kind: Literal["archive"] = "archive"

    @property
    def label(self) -> str:
        return self.result.label or self.format.label


@dataclass(frozen=True)
class RestoreSource:
    """A netui JSON export: a whole network for `Store.restore_json`."""

    path: Path
    format: Format
    data: dict[str, Any]
    kind: Literal["restore"] = "restore"

    @property
    def label(self) -> str:
        return self.format.label

    @property
    def people(self) -> int:
        person = self.data["tables"].get("person")
        rows = person.get("rows", []) if isinstance(person, dict) else []
        return len(rows) if isinstance(rows, list) else 0


Source = ContactsSource | ArchiveSource | RestoreSource
IN_MEMORY = 16 * 1024 * 1024  # a file up to this is read once, whole; a bigger one is streamed


def open_source(
    path: Path,
    fmt: str = "auto",
    encoding: str = "",
    overrides: Sequence[str] = (),
    mapping: dict[str, str] | None = None,
    me: Me | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Source:
    """Read `path` (a file, a folder or a zip) as `fmt` ('auto' detects it) into a Source.
    `progress(done, total)`: bytes of an archive read so far (called from the reading thread)."""
    chosen = None if fmt == "auto" else get(fmt)
    if not path.exists():
        raise InputError(f"{path} does not exist.")
    data = _small_file(path)
    whole = path.is_dir() or _is_zip(path, data)
    if chosen is not None and chosen.kind != "archive" and whole:
        what = "a folder" if path.is_dir() else "a zip"
        raise InputError(f"{path.name} is {what}; {chosen.label} is read from a file.")
    if chosen is None or chosen.kind == "archive":
        strict = whole or chosen is not None
        found = _open_archive(path, chosen, me or Me(), strict=strict, data=data, progress=progress)
        if isinstance(found, ContactsSource) and (overrides or mapping is not None or encoding):
            raise InputError("--map and --encoding apply to a file, not a zip or folder.")
        if found is not None:
            if overrides or mapping is not None:
                raise InputError(f"--map applies to CSV files, not {found.label}.")
            if encoding:
                raise InputError(f"--encoding applies to contact files, not {found.label}.")
            return found
    raw = data if data is not None else read_bytes(path)
    text, encoding = decode(raw, path.name, encoding)
    return _from_text(path, path, path.name, text, encoding, chosen, overrides, mapping)


def _small_file(path: Path) -> bytes | None:
    """A plain file up to IN_MEMORY bytes, read once and whole; None for a folder or a
    bigger file (a mail archive), which is streamed instead."""
    if path.is_dir():
        return None
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path} cannot be read ({exc.strerror or exc}).") from None
    return read_bytes(path) if size <= IN_MEMORY else None


def _is_zip(path: Path, data: bytes | None = None) -> bool:
    """Whether the file is a zip; a damaged one (a zip's start, no directory at its end:
    a download cut short) is said so, not read as text with NUL bytes."""
    try:
        if zipfile.is_zipfile(io.BytesIO(data) if data is not None else path):
            return True
        if data is not None:
            head = data[:4]
        else:
            with open(path, "rb") as fh:
                head = fh.read(4)
    except OSError as exc:
        raise InputError(f"{path.name} cannot be read ({exc.strerror or exc}).") from None
    if head == b"PK\x03\x04":
        raise InputError(f"{path.name} is a damaged zip (cut short?): download it again.")
    return False


def detect_archive(tree: Tree) -> tuple[Format, Members] | None:
    """The first archive format whose files the tree holds, with those files."""
    for fmt in all_formats("archive"):
        assert fmt.members is not None
        members = fmt.members(tree)
        if members and any(members):
            return fmt, members
    return None


def nothing_found(tree: Tree) -> str:
    """What an archive with nothing netui reads is told: what netui expected to find."""
    expected = said([f.hint for f in all_formats("archive") if f.hint])
    where = (
        f"{tree.path} is a folder, not a file, and holds"
        if tree.path.is_dir()
        else f"{tree.label} holds"
    )
    return f"{where} no archive netui reads (expected {expected})."


def open_archive(path: Path, fmt: Format | None = None, me: Me | None = None) -> ArchiveSource:
    """Read `path` as an archive (`fmt`, or detected); an InputError if it holds none."""
    from netui.channels.sources import open_tree

    found = _open_archive(path, fmt, me or Me(), strict=True, lists=False)
    if not isinstance(found, ArchiveSource):
        with open_tree(path) as tree:
            raise InputError(nothing_found(tree))
    return found


def _open_archive(
    path: Path,
    chosen: Format | None,
    me: Me,
    *,
    strict: bool,
    lists: bool = True,
    data: bytes | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Source | None:
    from netui.channels.sources import CountingTree, open_tree

    with open_tree(path, data) as opened:
        tree = CountingTree(opened, progress) if progress else opened
        if chosen is None:
            found = detect_archive(tree)
        else:
            assert chosen.members is not None
            members = chosen.members(tree)
            found = (chosen, members) if members and any(members) else None
            if found is None:
                raise InputError(f"{tree.label} holds no {chosen.label} (expected {chosen.hint}).")
        if found is None:
            named = contact_lists(tree) if lists and strict else []
            if len(named) == 1:  # a zip or folder around one contact list
                return _contacts_member(tree, path, named[0])
            if len(named) > 1:
                raise InputError(
                    f"{tree.label} holds {len(named)} contact lists ({', '.join(named[:3])}"
                    f"{', …' if len(named) > 3 else ''}): import them one at a time."
                )
            if strict:
                raise InputError(nothing_found(tree))
            return None
        fmt, members = found
        assert fmt.read_tree is not None
        inside = fmt.contacts(tree) if fmt.contacts is not None else []
        contacts = _contacts_member(tree, path, inside[0]) if inside else None
        also = other_archives(tree, fmt) if chosen is None else ()
        return ArchiveSource(path, fmt, fmt.read_tree(tree, members, me), contacts, also)


def other_archives(tree: Tree, first: Format) -> tuple[str, ...]:
    """The other archive kinds a folder or zip holds beside the one read (a Downloads
    folder with a Takeout mbox and a WhatsApp chat): netui reads one at a time."""
    found = []
    for fmt in all_formats("archive"):
        if fmt is first or fmt.label in found:
            continue
        assert fmt.members is not None
        members = fmt.members(tree)
        if members and any(members):
            found.append(fmt.label)
    return tuple(found)


def _contacts_member(tree: Tree, path: Path, name: str) -> ContactsSource:
    """A contact list inside a zip or folder, read as a contacts file ('x.zip: a.csv')."""
    with tree.open(name) as fh:
        data = fh.read()
    where = tree.where(name)
    text, encoding = decode(data, where)
    found = _from_text(path, PurePosixPath(name), where, text, encoding, None, (), None)
    if not isinstance(found, ContactsSource):
        raise InputError(f"{where} is not a contact list.")
    return found


def contact_lists(tree: Tree) -> list[str]:
    """Members of a zip or folder that are contact lists (when it holds no archive)."""
    found = []
    for name in tree.names():
        base = name.rsplit("/", 1)[-1].casefold()
        if base.startswith("."):
            continue
        if base.endswith((".vcf", ".vcard")) or base in ("connections.csv", "contacts.csv"):
            found.append(name)
    return sorted(found)


def _from_text(
    path: Path,
    name: PurePath,
    source: str,
    text: str,
    encoding: str,
    chosen: Format | None,
    overrides: Sequence[str],
    mapping: dict[str, str] | None,
) -> Source:
    """Decoded text -> a Source: `name` for sniffing (its suffix), `source` for messages."""
    if not text or text.isspace():  # (not strip(): no copy of a big file)
        raise InputError(f"{source} is empty.")
    fmt = chosen or _sniff(name, text)
    with paused_gc():  # a record or row a line, all kept: a collection would find nothing
        if fmt is not None and fmt.kind == "restore":
            if overrides or mapping is not None:
                raise InputError("--map applies to CSV files, not a JSON export.")
            assert fmt.load is not None
            return RestoreSource(path, fmt, fmt.load(text, source))
        if fmt is not None and fmt.parse_text is not None:
            result = fmt.parse_text(text, source)
            result.encoding = encoding
            return ContactsSource(path, fmt, result)
        table = read_csv_text(text, source, encoding)
        result = parse_table(table, fmt.name if fmt else "auto", mapping, overrides)
    result.encoding = encoding
    return ContactsSource(path, find(result.format), result, table)


def _sniff(path: PurePath, text: str) -> Format | None:
    """The text format (vCard, JSON, ...) this text is, or None for a table (CSV)."""
    for fmt in all_formats():
        if fmt.sniff is not None and fmt.sniff(path, text):
            return fmt
    return None


def read_csv_text(text: str, source: str, encoding: str = "") -> Table:
    """The whole CSV, header found by the names the formats know."""
    table = read_table(text, source, known_score)
    table.encoding = encoding
    return table


def parse_table(
    table: Table,
    fmt: str,
    mapping: dict[str, str] | None = None,
    overrides: Sequence[str] = (),
) -> ParseResult:
    """A read table -> records, with the format's own column rules ('auto': by its header)."""
    from netui.importers.spreadsheet import apply_overrides, guess_mapping

    chosen = table_format(table.header) if fmt == "auto" else find(fmt)
    if (overrides or mapping is not None) and not chosen.mappable:
        chosen = find("csv")
    assert chosen.parse_table is not None
    if not chosen.mappable:
        return chosen.parse_table(table, None)
    base = mapping if mapping is not None else guess_mapping(table.header)
    return chosen.parse_table(table, apply_overrides(table.header, base, overrides))
