"""Any spreadsheet CSV: guess which column is which from its name; `--map` overrides.

netui's own CSV export is one such file, read back exactly (its headers are fixed and its
spreadsheet-safe quote marks are undone).
"""

from __future__ import annotations

from collections.abc import Sequence

from netui.errors import InputError
from netui.importers.columns import Columns, header_key, run_rows
from netui.importers.csvread import Table
from netui.importers.record import (
    ParseResult,
    Problem,
    Record,
    parse_day,
    squeeze,
)
from netui.person_spec import (
    DATE_FIELDS,
    EXPORT_HEADERS,
    HEADER_ALIASES,
    MULTILINE_FIELDS,
    RECORD_FIELDS,
)

SKIP = "skip"
MAP_FIELDS = (*RECORD_FIELDS[:2], "last_name", *RECORD_FIELDS[2:])
# a spreadsheet's family-name column: joined to the first name when no full name is given
_LAST_NAME = ("last name", "last", "surname", "family name", "lastname")

# netui's export columns: field -> header (the exporter writes these, in this order).
NETUI_HEADERS: dict[str, str] = {name: EXPORT_HEADERS[name] for name in RECORD_FIELDS}
EXPORT_ONLY = tuple(h for name, h in EXPORT_HEADERS.items() if name not in NETUI_HEADERS)
_NETUI_MARKERS = ("Name", "Closeness", "How we know", "Stage", "Next step")

# What people call their columns -> the field it means (the spec's aliases).
SYNONYMS: dict[str, str] = {
    header_key(name): target
    for target, names in (*HEADER_ALIASES.items(), ("last_name", _LAST_NAME))
    for name in names
}
NAMES = frozenset(SYNONYMS)


def is_netui(columns: Columns) -> bool:
    return columns.has(*_NETUI_MARKERS)


def field_for(word: str) -> str:
    """A user's field word (`--map Header=word`) -> a field name, or raise."""
    text = word.strip()
    if text.lower() in ("", "-", SKIP, "ignore", "none"):
        return SKIP
    if text in MAP_FIELDS:
        return text
    guess = SYNONYMS.get(header_key(text))
    if guess:
        return guess
    raise InputError(f"'{word}' is not a field; use one of: {', '.join(MAP_FIELDS)}, skip.")


def guess_mapping(header: Sequence[str]) -> dict[str, str]:
    """Header -> field for every column, SKIP where the name says nothing known."""
    netui = is_netui(Columns(list(header)))
    by_header = {v: k for k, v in NETUI_HEADERS.items()} if netui else {}
    used: set[str] = set()
    mapping: dict[str, str] = {}
    for name in header:
        target = by_header.get(name.strip()) if netui else SYNONYMS.get(header_key(name))
        if not target or target in used:
            target = SKIP
        else:
            used.add(target)
        mapping[name] = target
    return mapping


def apply_overrides(
    header: Sequence[str], mapping: dict[str, str], overrides: Sequence[str]
) -> dict[str, str]:
    """`--map "Header=field"` entries on top of a mapping; unknown headers are an error."""
    out = dict(mapping)
    by_key = {header_key(h): h for h in header}
    for item in overrides:
        if "=" not in item:
            raise InputError(f"--map '{item}' should look like \"Header=field\".")
        name, word = item.rsplit("=", 1)
        real = by_key.get(header_key(name))
        if real is None:
            raise InputError(
                f"--map: there is no column '{name.strip()}' (columns: {', '.join(header)})."
            )
        target = field_for(word)
        if target != SKIP:
            for other, value in out.items():
                if value == target and other != real:
                    out[other] = SKIP
        out[real] = target
    return out


_TRIGGERS = frozenset("=+-@\t\r\n")


def unescape_cell(value: str) -> str:
    """Undo the exporter's spreadsheet-safe quote: "'=x" -> "=x", "''x" stays "''x"."""
    if len(value) > 1 and value[0] == "'" and (value[1] in _TRIGGERS or value[1] == "'"):
        return value[1:]
    return value


def parse(table: Table, mapping: dict[str, str] | None = None) -> ParseResult:
    """Rows -> records with a header->field mapping (guessed when not given)."""
    cols = Columns(table.header)
    netui = is_netui(cols)
    chosen = mapping if mapping is not None else guess_mapping(table.header)
    index: dict[str, int] = {}
    for i, name in enumerate(table.header):
        target = chosen.get(name, SKIP)
        if target != SKIP and target not in index:
            index[target] = i
    if not any(k in index for k in ("full_name", "first_name", "last_name")):
        raise InputError(
            f"{table.source}: no column holds a name (columns: {', '.join(table.header)}); "
            'map one with --map "Header=name".'
        )
    where = {f: table.header[i] for f, i in index.items()}
    late: list[Problem] = []
    text_fields = [(f, i) for f, i in index.items() if f in RECORD_FIELDS and f not in DATE_FIELDS]
    date_fields = [(f, i) for f, i in index.items() if f in DATE_FIELDS]
    first, last = index.get("first_name"), index.get("last_name")

    def value(cells: list[str], i: int, name: str) -> str:
        if netui:
            return unescape_cell(cells[i]).strip()
        return cells[i].strip() if name in MULTILINE_FIELDS else squeeze(cells[i])

    def row(line: int, cells: list[str]) -> Record | str:
        record = Record(line=line)
        for name, i in text_fields:
            setattr(record, name, value(cells, i, name))
        if not record.full_name:
            parts = [value(cells, i, "x") for i in (first, last) if i is not None]
            record.full_name = " ".join(p for p in parts if p)
        if not record.full_name:
            return "no name"
        for name, i in date_fields:
            text = value(cells, i, name)
            day = parse_day(text)
            if text and day is None:
                late.append(Problem(line, f"'{text}' is not a date; left empty.", where[name]))
            setattr(record, name, day)
        if not netui:
            _infer_how_we_know(record)
        return record

    result = run_rows(table, "netui" if netui else "csv", row, where)
    result.problems.extend(late)
    result.problems.sort(key=lambda p: p.line)
    result.mapping = dict(chosen)
    return result


def _infer_how_we_know(record: Record) -> None:
    """A 'How we met' of just 'college' also fills the how-we-know choice."""
    word = record.how_we_know_text.strip().lower()
    if not record.how_we_know and word in ("school", "college", "work", "life", "online"):
        record.how_we_know = word
