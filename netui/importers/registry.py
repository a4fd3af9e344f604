"""The import formats: each one a module in `netui.importers.formats` that registers itself.

A format says what it is (name, label, kind) and how it knows itself and reads:

- a *text* format (vCard, netui JSON): `sniff(path, text)` on the decoded text, then
  `parse_text(text, source)`;
- a *table* format (the CSV flavours): `header(columns)` on the CSV header, then
  `parse_table(table, mapping)`; `known_names` helps find a header below a preamble;
- an *archive* format (mail, LinkedIn messages, WhatsApp, Instagram, ...): `members(tree)`
  finds its files in a folder, a zip or a single file, then `read_tree(tree, members, me)`.

Everything that lists formats (the CLI's `--format` choices and help, labels, the import
screen's hint, `netui.channels.read.kinds()`) is derived from here, so adding a format is one
module. `netui.importers.source.open_source` is the one reader built on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Literal, Protocol

from netui.errors import InputError

if TYPE_CHECKING:
    from netui.channels.model import ChannelResult
    from netui.channels.sources import Tree
    from netui.importers.columns import Columns
    from netui.importers.csvread import Table
    from netui.importers.record import ParseResult

Kind = Literal["contacts", "archive", "restore"]
Members = tuple[list[str], ...]


@dataclass(frozen=True)
class Me:
    """Who you are in an archive: your own addresses (mail) and your name (WhatsApp)."""

    emails: tuple[str, ...] = ()
    name: str = ""


@dataclass(frozen=True)
class Format:
    """One import format. `order` decides which of several matching formats wins (low first)."""

    name: str
    label: str
    kind: Kind
    order: int
    hint: str = ""  # how a user names it in one or two words ('LinkedIn', 'any CSV')
    choosable: bool = True  # may be named with --format
    mappable: bool = False  # takes a header->field mapping (--map, the screen's columns)
    suffixes: tuple[str, ...] = ()  # file name endings the path completion offers
    known_names: frozenset[str] = field(default_factory=frozenset)
    sniff: Callable[[PurePath, str], bool] | None = None
    parse_text: Callable[[str, str], ParseResult] | None = None
    load: Callable[[str, str], dict[str, Any]] | None = None  # kind 'restore'
    header: Callable[[Columns], bool] | None = None
    parse_table: Callable[[Table, dict[str, str] | None], ParseResult] | None = None
    members: Callable[[Tree], Members | None] | None = None
    read_tree: Callable[[Tree, Members, Me], ChannelResult] | None = None
    contacts: Callable[[Tree], list[str]] | None = None  # contact lists an archive also holds

    @property
    def is_table(self) -> bool:
        return self.parse_table is not None


_REGISTRY: dict[str, Format] = {}
_loaded = False


def register(fmt: Format) -> Format:
    """Add a format (a format module calls this once, at import)."""
    known = _REGISTRY.get(fmt.name)
    if known is not None and known != fmt:
        raise ValueError(f"two import formats are named {fmt.name!r}")
    _REGISTRY[fmt.name] = fmt
    return fmt


def unregister(name: str) -> None:
    _REGISTRY.pop(name, None)


def _ensure_loaded() -> None:
    global _loaded
    if not _loaded:
        from netui.importers.formats import load_formats

        load_formats()
        _loaded = True


def all_formats(kind: Kind | None = None) -> list[Format]:
    """Every registered format (of one kind), in detection order."""
    _ensure_loaded()
    found = [f for f in _REGISTRY.values() if kind is None or f.kind == kind]
    return sorted(found, key=lambda f: (f.order, f.name))


def get(name: str) -> Format:
    """The format named `name`; an InputError listing the choices if there is none."""
    _ensure_loaded()
    fmt = _REGISTRY.get(name)
    if fmt is None or not fmt.choosable:
        raise InputError(f"--format '{name}' is not one of: {', '.join(choices())}.")
    return fmt


def find(name: str) -> Format:
    """The format named `name`, choosable or not (a KeyError names a bug, not bad input)."""
    _ensure_loaded()
    return _REGISTRY[name]


def choices() -> tuple[str, ...]:
    """What `--format` accepts: 'auto' and every choosable format."""
    return ("auto", *(f.name for f in all_formats() if f.choosable))


def labels() -> dict[str, str]:
    """Format name -> label ('linkedin' -> 'LinkedIn connections')."""
    return {f.name: f.label for f in all_formats()}


def label(name: str) -> str:
    return labels().get(name, name)


def hints(kind: Kind) -> list[str]:
    """The one-or-two-word names of a kind's formats, in order, each once."""
    seen: list[str] = []
    for fmt in all_formats(kind):
        if fmt.hint and fmt.hint not in seen:
            seen.append(fmt.hint)
    return seen


def said(words: Sequence[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b or c'."""
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " or " + words[-1]


def format_help() -> str:
    """`--format` help: each choice with what it reads."""
    return "; ".join(f"{f.name}: {f.label}" for f in all_formats() if f.choosable)


def channel_members(module: str, find: str) -> Callable[[Tree], Members | None]:
    """An archive format's `members` from a finder in `module` (netui.channels.*), imported
    only when an archive is looked at (not for `--help`): `find(tree)` gives a list or a
    tuple of lists of member names."""

    def members(tree: Tree) -> Members | None:
        found = getattr(import_module(module), find)(tree)
        parts: Members = found if isinstance(found, tuple) else (found,)
        return parts if any(parts) else None

    return members


def channel_read(
    module: str, read: str, me: str = ""
) -> Callable[[Tree, Members, Me], ChannelResult]:
    """An archive format's `read_tree` from a reader in `module`: `read(tree, *members)`, with
    `Me.<me>` ('emails' or 'name') last when the reader needs to know who you are."""

    def read_tree(tree: Tree, parts: Members, who: Me) -> ChannelResult:
        extra = (getattr(who, me),) if me else ()
        result: ChannelResult = getattr(import_module(module), read)(tree, *parts, *extra)
        return result

    return read_tree


def channel_format(
    name: str, label: str, *, order: int, hint: str, module: str, find: str, read: str,
    me: str = "", suffixes: tuple[str, ...] = (),
    contacts: Callable[[Tree], list[str]] | None = None,
) -> Format:  # fmt: skip
    """Register an archive format read by `module` (netui.channels.*): `find` names its
    members (`channel_members`), `read` reads them (`channel_read`, with `me`)."""
    return register(
        Format(
            name=name, label=label, kind="archive", order=order, hint=hint, suffixes=suffixes,
            members=channel_members(module, find), read_tree=channel_read(module, read, me),
            contacts=contacts,
        )
    )  # fmt: skip


class CsvFlavour(Protocol):
    """A module that knows one CSV flavour by its header (netui.importers.google, ...)."""

    NAMES: frozenset[str]

    def matches(self, columns: Columns) -> bool: ...

    def parse(self, table: Table) -> ParseResult: ...


def csv_format(name: str, label: str, *, order: int, hint: str, flavour: CsvFlavour) -> Format:
    """Register a contacts CSV flavour: its header names, its header test and its parser
    come from the flavour's module (it takes no --map)."""
    return register(
        Format(
            name=name, label=label, kind="contacts", order=order, hint=hint,
            known_names=flavour.NAMES, header=flavour.matches,
            parse_table=lambda table, _mapping: flavour.parse(table),
        )
    )  # fmt: skip


def known_score(header: list[str]) -> int:
    """How many header names some table format knows: finds the header below a preamble."""
    from netui.importers.columns import Columns

    cols = Columns(header)
    return max((cols.count(f.known_names) for f in all_formats() if f.known_names), default=0)


def table_format(header: list[str]) -> Format:
    """Which CSV flavour a header belongs to (the generic spreadsheet matches any header)."""
    from netui.importers.columns import Columns

    cols = Columns(header)
    tables = [f for f in all_formats("contacts") if f.is_table]
    return next(f for f in tables if f.header is None or f.header(cols))
