"""Mail headers: the header blocks of an mbox (Google Takeout's, CRLF) found by a byte scan,
their fields, addresses, display names and dates parsed, and what marks bulk mail.

Pure functions over bytes and text; `netui/channels/mail.py` folds them into who wrote to
whom and reads mbox files and Maildir folders with them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from email.header import decode_header, make_header
from email.utils import getaddresses
from typing import Protocol

CHUNK = 1 << 20
MAX_HEADER = 1 << 20  # a "header" longer than this is not one: the message is skipped
HEADER_WINDOW = 1 << 13  # where a header block's end is looked for first (it doubles)
HUGE_REASON = "messages whose headers are over 1 MB (not mail a person wrote)"
CUT_REASON = "end of the last message (the file stops inside its headers: cut short?)"

_HEADER_RE = re.compile(
    rb"^(from|to|cc|date|subject|list-id|list-unsubscribe|list-post|precedence|"
    rb"auto-submitted|x-gmail-labels|x-gm-thrid)[ \t]*:[ \t]*(.*(?:\r?\n[ \t].*)*)",
    re.IGNORECASE | re.MULTILINE,
)
# the same, on a block decoded once (ASCII: no Unicode case folding of header names)
# (a leading "\n" for "^": a literal prefix lets the regex jump from line to line).
_HEADER_TEXT = re.compile("\n" + _HEADER_RE.pattern.decode("ascii")[1:], re.IGNORECASE | re.ASCII)
_FOLD_TEXT = re.compile(r"\r?\n[ \t]+")
_SEPARATOR = re.compile(rb"From \S+\s.*\d:\d\d")
_FOLD_RE = re.compile(rb"\r?\n[ \t]+")
_SIMPLE_ADDR = re.compile(
    r"\s*(?:([^<>,\"]*?)\s*<([^<>\s,]+@[^<>\s,]+)>|([^<>\s,\"]+@[^<>\s,\"]+))\s*"
)
_DATE_RE = re.compile(
    r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"(?:\s*([+-]\d{4}|[A-Z]{1,4}))?"
)
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
)}  # fmt: skip
_ZONES = {"UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -500, "EDT": -400, "CST": -600,
          "CDT": -500, "MST": -700, "MDT": -600, "PST": -800, "PDT": -700}  # fmt: skip
_EPOCH = date(1970, 1, 1).toordinal()
_ordinals: dict[tuple[int, int, str], int] = {}  # (year, month, day text) -> date ordinal
_SAFE_TS = (-2208988800, 7258118400)  # 1900-01-01 .. 2200-01-01: a datetime surely holds it
BULK_LOCAL = re.compile(
    r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|notifications?|notify|mailer[-_.]?daemon|"
    r"postmaster|bounces?|alerts?|newsletters?|news|info|support|hello|team|marketing|"
    r"updates?|digest|automated|system|admin|billing|receipts?|orders?|feedback|"
    r"calendar-notification|invitations?|jobs-noreply|messages-noreply)([-+._].*)?$",
    re.IGNORECASE,
)


# ---- the mbox scan ------------------------------------------------------------------------


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def blank_line(buf: bytes, start: int, crlf: bool = True) -> int:
    """Where the first blank line after `start` begins (its "\n"), or -1. The file's own line
    ending is looked for first, and the other only before it; a window that doubles bounds
    the search: looking through the whole buffer for a bare "\n\n" a CRLF file never has, at
    every message, made the scan 72x a plain line scan (bench/channels.py)."""
    first, other = (b"\n\r\n", b"\n\n") if crlf else (b"\n\n", b"\n\r\n")
    size = HEADER_WINDOW
    while True:
        stop = min(start + size, len(buf))
        found = buf.find(first, start, stop)
        earlier = buf.find(other, start, found + len(other) if found != -1 else stop)
        if earlier != -1 and (found == -1 or earlier < found):
            return earlier
        if found != -1:
            return found
        if stop >= len(buf):
            return -1
        size *= 2


def header_blocks(
    stream: Readable, chunk: int = CHUNK, cut: Counter[str] | None = None
) -> Iterator[bytes]:
    """Each message's header block (bytes, without its "From " line); bodies skipped.
    A last message whose headers the file cuts short (a download that stopped) is read as
    far as it goes and counted in `cut` under CUT_REASON, so the summary says so."""
    buf = stream.read(chunk)
    if not buf:
        return
    pos = 0
    eof = False
    first_line = buf.find(b"\n")
    crlf = first_line > 0 and buf[first_line - 1 : first_line] == b"\r"
    own_blank, other_blank = (b"\n\r\n", b"\n\n") if crlf else (b"\n\n", b"\n\r\n")
    while True:
        # `pos` is the start of a "From " line: find where its header block ends.
        while True:
            line_end = buf.find(b"\n", pos)
            if line_end != -1:
                # blank_line's first look, inline (once a message): the file's own blank
                # line in the first window, and no blank line of the other kind before it
                end = buf.find(own_blank, line_end, line_end + HEADER_WINDOW)
                if end != -1 and buf.find(other_blank, line_end, end + 3) == -1:
                    break
                end = blank_line(buf, line_end, crlf)
                if end != -1:
                    break
            if eof or len(buf) - pos > MAX_HEADER:
                end = len(buf) if line_end != -1 else pos
                if eof and cut is not None and len(buf) - pos <= MAX_HEADER:
                    cut[CUT_REASON] += 1
                break
            more = stream.read(chunk)
            eof = not more
            buf = buf[pos:] + more
            pos = 0
        if line_end != -1 and line_end < end <= pos + MAX_HEADER:
            yield buf[line_end + 1 : end]
        elif line_end != -1 and end > pos + MAX_HEADER and cut is not None:
            cut[HUGE_REASON] += 1
        # skip the body: the next message starts at a "From " line with a date on it.
        start = end
        while True:
            nxt = buf.find(b"\nFrom ", start)
            if nxt != -1:
                line_end = buf.find(b"\n", nxt + 1)
                if line_end != -1 or eof:
                    if _SEPARATOR.match(buf, nxt + 1, line_end if line_end != -1 else len(buf)):
                        break
                    start = nxt + 1
                    continue
                keep = nxt  # the "From " line is cut by the chunk: read on from it
            elif eof:
                return
            else:
                keep = max(start, len(buf) - 5)
            more = stream.read(chunk)
            eof = not more
            buf = buf[keep:] + more
            start = 0
        pos = nxt + 1


def parse_headers(block: bytes) -> dict[str, str]:
    """The headers netui reads, unfolded and decoded: the first of each, except To and Cc,
    whose repeats are joined. One regex pass over the block decoded once (the hot path of a
    scan: ~100,000 blocks); a block that is not all UTF-8 is read header by header (latin-1
    where one is not)."""
    try:
        pairs = _header_pairs(block.decode("utf-8"))
    except UnicodeDecodeError:
        pairs = _header_pairs_bytes(block)
    found: dict[str, str] = {}
    for name, value in pairs:
        if name not in found:
            found[name] = value
        elif name in ("to", "cc"):
            found[name] += ", " + value
    return found


def _header_pairs(text: str) -> list[tuple[str, str]]:
    pairs = []
    for name, value in _HEADER_TEXT.findall("\n" + text):
        if "\n" in value:
            value = _FOLD_TEXT.sub(" ", value)
        pairs.append((name.lower(), value.rstrip("\r ")))
    return pairs


def _header_pairs_bytes(block: bytes) -> list[tuple[str, str]]:
    pairs = []
    for match in _HEADER_RE.finditer(block):
        raw = _FOLD_RE.sub(b" ", match.group(2)).rstrip(b"\r ")
        try:
            value = raw.decode("utf-8")
        except UnicodeDecodeError:
            value = raw.decode("latin-1")
        pairs.append((match.group(1).decode("ascii").lower(), value))
    return pairs


def decode_words(text: str) -> str:
    """RFC 2047 encoded words decoded: '=?UTF-8?Q?Jos=C3=A9?=' -> 'José'."""
    if "=?" not in text:
        return text.strip().strip('"').strip()
    try:
        return str(make_header(decode_header(text))).strip().strip('"').strip()
    except (ValueError, LookupError, UnicodeDecodeError):
        return text.strip()


_NOT_FIRST_NAMES = frozenset({"inc", "llc", "ltd", "gmbh", "co", "corp", "plc", "ag", "sa",
                              "jr", "sr", "ii", "iii", "phd", "md"})  # fmt: skip
_TAG = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")  # 'Priya Raman (Payments)', '[EXT]'


def display_name(name: str) -> str:
    """A display name as a person's name: quotes and a trailing '(Team)' tag dropped,
    'Raman, Priya' (the corporate directory's order) turned to 'Priya Raman', an address
    given as the name ('"priya@fb.com" <priya@fb.com>') is no name."""
    if not name:
        return name
    name = name.strip().strip("'\"").strip()
    if name.endswith((")", "]")):
        name = _TAG.sub("", name)
    if "@" in name:
        return ""
    if "," not in name:
        return name
    last, comma, first = name.partition(",")
    given = first.strip()
    if (
        comma
        and last.strip()
        and given
        and "," not in given
        and (given.rstrip(".").casefold() not in _NOT_FIRST_NAMES)
    ):
        return f"{given} {last.strip()}"
    return name


def addresses(value: str) -> list[tuple[str, str]]:
    """(name, address) pairs from a To/From/Cc value; addresses lower-cased."""
    if not value:
        return []
    pairs: list[tuple[str, str]] = []
    if '"' not in value and "(" not in value:
        for part in value.split(","):
            match = _SIMPLE_ADDR.fullmatch(part)
            if match is None:
                break
            name, addr = (match.group(1) or "", match.group(2) or match.group(3))
            pairs.append((name, addr.casefold()))
        else:
            return [(display_name(decode_words(n)), a) for n, a in pairs]
        pairs = []
    for name, addr in getaddresses([value]):
        if "@" in addr:
            pairs.append((display_name(decode_words(name)), addr.casefold()))
    return pairs


def parse_date(value: str) -> datetime | None:
    """An RFC 5322 date -> aware UTC; None when it cannot be read."""
    ts = date_timestamp(value)
    return None if ts is None else datetime.fromtimestamp(ts, UTC)


def date_timestamp(value: str) -> int | None:
    """An RFC 5322 date -> POSIX seconds; None when it cannot be read (parse_date's rule,
    without making a datetime for every message of a scan)."""
    match = _DATE_RE.search(value)
    if match is None:
        return None
    day_s, mon_s, year_s, hour_s, min_s, sec_s, zone = match.groups()
    month = _MONTHS.get(mon_s.lower())
    if month is None:
        return None
    year = int(year_s)
    year += 2000 if year < 50 else 1900 if year < 100 else 0
    offset = 0
    if zone:
        signed = int(zone) if zone[0] in "+-" else _ZONES.get(zone, 0)
        sign = -1 if signed < 0 else 1
        offset = sign * ((abs(signed) // 100) * 3600 + (abs(signed) % 100) * 60)
    ordinal = _ordinals.get((year, month, day_s))
    if ordinal is None:
        try:
            ordinal = date(year, month, int(day_s)).toordinal()
        except ValueError:
            return None
        if len(_ordinals) < 50_000:  # the days of a scan: a few thousand
            _ordinals[(year, month, day_s)] = ordinal
    seconds = int(hour_s) * 3600 + int(min_s) * 60 + int(sec_s or 0) - offset
    ts = (ordinal - _EPOCH) * 86400 + seconds
    if not _SAFE_TS[0] <= ts < _SAFE_TS[1]:
        try:  # near the ends of what a datetime holds: ask it
            datetime.fromtimestamp(ts, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    return ts


def is_bulk(headers: dict[str, str]) -> bool:
    if "list-id" in headers or "list-unsubscribe" in headers:
        return True
    if "precedence" in headers and (
        headers["precedence"].strip().lower() in ("bulk", "list", "junk")
    ):
        return True
    auto = headers.get("auto-submitted", "").strip().lower()
    if auto and auto != "no":
        return True
    labels = headers.get("x-gmail-labels", "").lower()
    if "spam" not in labels and "trash" not in labels:
        return False
    return bool({x.strip() for x in labels.split(",")} & {"spam", "trash"})


def is_bulk_address(address: str) -> bool:
    return bool(BULK_LOCAL.match(address.partition("@")[0]))
