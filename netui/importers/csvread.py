"""Robust CSV reading (pure): encoding, separator, the header line, and errors with a place.

Files come from Excel, Outlook, Google and LinkedIn: UTF-8 with or without a BOM, UTF-16,
cp1252; `,` `;` or tab; a preamble before the header. A file that is not well-formed gets
one sentence naming the file, the line and the column — never a partial read.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from netui.errors import InputError

DELIMITERS = (",", ";", "\t")
HEADER_SEARCH = 10  # the real header is within the first ten records (LinkedIn's preamble)
FIELD_LIMIT = 1_000_000  # characters in one cell; more is nearly always an unclosed quote
_NEWLINE = re.compile(r"\r\n|\r|\n")
_DELIM_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


@dataclass
class Table:
    """A CSV file read whole: its header and its data rows, each with its first line number."""

    source: str
    encoding: str
    delimiter: str
    header: list[str]
    header_line: int
    rows: list[tuple[int, list[str]]]

    def column_name(self, index: int) -> str:
        """'3 (Company)' for messages."""
        name = self.header[index] if index < len(self.header) else ""
        return f"{index + 1} ({name})" if name else str(index + 1)

    @property
    def delimiter_name(self) -> str:
        return _DELIM_NAMES.get(self.delimiter, repr(self.delimiter))


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or one sentence on why it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder, not a file.") from None
    except PermissionError:
        raise InputError(f"{path} cannot be read (permission denied).") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read ({exc.strerror or exc}).") from None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte of ASCII text is zero."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > half * 0.6 and even_zeros < half * 0.1:
        return "utf-16-le"
    if even_zeros > half * 0.6 and odd_zeros < half * 0.1:
        return "utf-16-be"
    return None


ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "cp1252": "cp1252 (Windows)"}


def _where(data: bytes, offset: int) -> str:
    """'line 3, column 9' for a byte offset (columns count characters)."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    line = data.count(b"\n", 0, offset) + 1
    return f"line {line}, column {column}"


def _mostly_utf8(data: bytes) -> bool:
    """True when more characters read as UTF-8 multi-byte sequences than fail to: a UTF-8
    file with a bad byte. A legacy (cp1252) file can hold a few pairs of bytes that happen
    to be valid UTF-8 ("Ñ”"), but far more that are not."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return good >= bad


def decode(data: bytes, source: str, encoding: str = "") -> tuple[str, str]:
    """Bytes -> (text, encoding name): `encoding` if given; else a BOM, UTF-16, UTF-8, and
    cp1252 only when no byte of the file reads as UTF-8 and all of it reads as cp1252. A
    UTF-8 file with one bad byte is an error naming its line and column, never mojibake."""
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(f"--encoding '{encoding}' is not an encoding Python knows.") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{source} is not valid {encoding} at {_where(data, exc.start)} "
                f"(byte 0x{data[exc.start]:02X})."
            ) from None
        return _no_nul(text.removeprefix("\ufeff"), source), encoding
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", data[3:])]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", data)]
    else:
        utf16 = _looks_utf16(data)
        candidates = [(utf16, data)] if utf16 else [("utf-8", data)]
    name, payload = candidates[0]
    try:
        text = payload.decode(name.replace("-sig", ""))
        if name.startswith("utf-16"):
            return _no_nul(text, source), name
        if b"\x00" in payload:  # (in UTF-8 a NUL character is a NUL byte: bytes search faster)
            raise _nul_error(source)
        return text, name
    except UnicodeDecodeError as exc:
        if name.startswith("utf-16"):
            raise InputError(
                f"{source} looks like UTF-16 but byte {exc.start} is not valid UTF-16; "
                "save it again as UTF-8."
            ) from None
        if b"\x00" in payload:  # binary (random bytes, an image): no encoding would help
            raise _nul_error(source) from None
        offset = exc.start + (len(data) - len(payload))
        if name == "utf-8" and not _mostly_utf8(data):
            try:  # a legacy file from Excel or Outlook: no UTF-8 in it at all
                return _no_nul(data.decode("cp1252"), source), "cp1252"
            except UnicodeDecodeError as legacy:
                raise InputError(
                    f"{source} is neither UTF-8 nor cp1252 (byte 0x{data[legacy.start]:02X} "
                    f"at {_where(data, legacy.start)}); name its encoding with --encoding "
                    "(e.g. latin-1)."
                ) from None
        cut = exc.end >= len(payload) and exc.reason == "unexpected end of data"
        what = "it ends in the middle of a character" if cut else f"byte 0x{data[offset]:02X}"
        raise InputError(
            f"{source} is not valid UTF-8 at {_where(data, offset)} ({what}); fix that "
            "character, or name the file's encoding with --encoding (e.g. cp1252)."
        ) from None


def _nul_error(source: str) -> InputError:
    return InputError(f"{source} is not a text file (it holds NUL bytes).")


def _no_nul(text: str, source: str) -> str:
    if "\x00" in text:
        raise _nul_error(source)
    return text


def _sample(text: str, delimiter: str) -> list[list[str]]:
    """The first records with this delimiter, stopping quietly at any error."""
    out: list[list[str]] = []
    reader = csv.reader(io.StringIO(text[:200_000], newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            out.append(cells)
            if len(out) >= HEADER_SEARCH:
                break
    except csv.Error:
        pass
    return out


def _filled(cells: list[str]) -> int:
    return sum(1 for c in cells if c.strip())


def _header_index(records: list[list[str]], known: Callable[[list[str]], int]) -> int | None:
    """Which of the first records is the header: the one naming known columns, or the first
    with about as many cells as the widest."""
    scores = [known(r) for r in records]
    best = max(scores, default=0)
    if best >= 2:
        return scores.index(best)
    widest = max((_filled(r) for r in records), default=0)
    if widest == 0:
        return None
    for i, r in enumerate(records):
        if _filled(r) >= max(1, (widest + 1) // 2) and (widest == 1 or _filled(r) >= 2):
            return i
    return None


def _choose(text: str, known: Callable[[list[str]], int]) -> tuple[str, int]:
    """Pick the delimiter and header record index that best explain the first lines."""
    best: tuple[tuple[int, int, int, int], str, int] | None = None
    for order, delimiter in enumerate(DELIMITERS):
        records = _sample(text, delimiter)
        index = _header_index(records, known)
        if index is None:
            continue
        header = records[index]
        widths = [len(r) for r in records[index + 1 :] if _filled(r)]
        consistent = sum(1 for w in widths if w == len(header))
        score = (known(header), _filled(header), consistent, -order)
        if best is None or score > best[0]:
            best = (score, delimiter, index)
    if best is None:
        return ",", 0
    return best[1], best[2]


def _locate_quote_problem(text: str, start_line: int, delimiter: str) -> tuple[int, int, str]:
    """Find the first malformed quote at or after start_line: (line, field index, message)."""
    pos = 0
    for count, match in enumerate(_NEWLINE.finditer(text), start=2):
        if count > start_line:
            break
        pos = match.end()
    line, field, at_start = start_line, 0, True
    n = len(text)
    while pos < n:
        ch = text[pos]
        if at_start and ch == '"':
            open_line, open_field = line, field
            pos += 1
            while True:
                if pos >= n:
                    return open_line, open_field, "a quote opens here and is never closed"
                ch = text[pos]
                if ch == '"':
                    nxt = text[pos + 1] if pos + 1 < n else ""
                    if nxt == '"':
                        pos += 2
                        continue
                    pos += 1
                    if nxt in ("", delimiter, "\r", "\n"):
                        break
                    return line, open_field, f"text follows a closing quote ({nxt!r})"
                if ch == "\n" or (ch == "\r" and text[pos + 1 : pos + 2] != "\n"):
                    line += 1
                pos += 1
            at_start = False
            continue
        if ch == delimiter:
            field += 1
            at_start = True
        elif ch in "\r\n":
            if ch == "\n" or text[pos + 1 : pos + 2] != "\n":
                line += 1
                field = 0
            at_start = True
        else:
            at_start = False
        pos += 1
    return start_line, 0, "the row is not valid CSV"


def read_table(text: str, source: str, known: Callable[[list[str]], int] = lambda _h: 0) -> Table:
    """Parse CSV text whole. `known` scores a candidate header (how many names it knows)."""
    delimiter, header_index = _choose(text, known)
    csv.field_size_limit(FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    header_line = 0
    rows: list[tuple[int, list[str]]] = []
    index = 0
    line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if header is None:
                if index == header_index:
                    header = [c.strip() for c in cells]
                    header_line = start
                    _check_header(header, source, header_line)
                index += 1
                continue
            if not cells or not "".join(cells).strip():  # a blank row
                continue
            if len(cells) > len(header):
                extra = cells[len(header) :]
                if any(c.strip() for c in extra):
                    col = len(header) + next(i for i, c in enumerate(extra) if c.strip())
                    raise InputError(
                        f"{source}, line {start}, column {col + 1}: this row has "
                        f"{len(cells)} cells but the header on line {header_line} has "
                        f"{len(header)} (a {_DELIM_NAMES.get(delimiter, delimiter)} inside "
                        "a value needs quotes)."
                    )
                cells = cells[: len(header)]
            elif len(cells) < len(header):
                cells = cells + [""] * (len(header) - len(cells))
            rows.append((start, cells))
    except csv.Error as exc:
        bad_line, field, what = _locate_quote_problem(text, line, delimiter)
        name = (header or [])[field] if field < len(header or []) else ""
        where = f"{field + 1} ({name})" if name else f"{field + 1}"
        detail = what if "field larger" not in str(exc) else f"{what} (a cell over 1 MB)"
        raise InputError(f"{source}, line {bad_line}, column {where}: {detail}.") from None
    if header is None:
        raise InputError(f"{source} has no header line (it looks empty).")
    return Table(source, "", delimiter, header, header_line, rows)


def _check_header(header: list[str], source: str, line: int) -> None:
    seen: dict[str, int] = {}
    for i, name in enumerate(header):
        key = name.casefold()
        if not key:
            continue
        if key in seen:
            raise InputError(
                f"{source}, line {line}, column {i + 1}: the column '{name}' appears twice "
                f"(columns {seen[key] + 1} and {i + 1}); rename one and import again."
            )
        seen[key] = i


def read_csv_file(
    path: Path, known: Callable[[list[str]], int] = lambda _h: 0, encoding: str = ""
) -> Table:
    """Read a CSV file from disk: bytes, encoding, then `read_table`."""
    text, encoding = decode(read_bytes(path), path.name, encoding)
    table = read_table(text, path.name, known)
    table.encoding = encoding
    return table
