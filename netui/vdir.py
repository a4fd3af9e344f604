"""A vdir (one vCard 3.0 file per person, as vdirsyncer and khard use it) and the merge
rules of `netui sync --vdir` (pure, plus a private atomic file writer).

The card carries what vCard has: names, organisation, title, email, phone, LinkedIn URL,
Instagram / Snapchat, city, note, and netui's role, closeness and how-we-know as
`X-NETUI-*` properties (with a CATEGORIES line a phone can show). Timeline, stage, drafts,
follow-ups stay in netui.

Merging one field, with the value both sides agreed on at the last sync as the base:
changed on one side only, that side's value is taken; changed on both to different values,
the side changed later wins (the card's REV against the person's last edit) and the other
value is returned as a conflict, which the caller writes on the person's timeline.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from netui.names import vcard_name

# netui field -> what the card calls it (for conflict notes)
CARD_FIELDS: dict[str, str] = {
    "full_name": "name",
    "first_name": "first name",
    "company": "company",
    "title": "title",
    "email": "email",
    "phone": "phone",
    "linkedin_url": "LinkedIn URL",
    "instagram": "Instagram",
    "snapchat": "Snapchat",
    "city": "city",
    "notes": "notes",
    "role": "role",
    "closeness": "closeness",
    "how_we_know": "how we know them",
}
# netui's own categories: a card without them (a phone that drops X- properties) keeps
# netui's value; they are never blanked from a card.
NETUI_PROPS = {"role": "X-NETUI-ROLE", "closeness": "X-NETUI-CLOSENESS",
               "how_we_know": "X-NETUI-HOW-WE-KNOW"}  # fmt: skip
PRODID = "-//netui//netui sync//EN"

Values = dict[str, str]


def values_hash(values: Mapping[str, str]) -> str:
    """A fingerprint of a person's card values (tells a sync whether netui changed them)."""
    return row_hash([values.get(f, "") for f in CARD_FIELDS])


def row_hash(cells: Iterable[str]) -> str:
    """The same fingerprint from the values in CARD_FIELDS order (30,000 in ~30 ms)."""
    import hashlib  # here, not at start-up: loading OpenSSL's hashes costs ~3 ms

    return hashlib.sha1("\x1f".join(cells).encode("utf-8")).hexdigest()


def rev_stamp(when: datetime) -> str:
    """vCard 3.0 REV: 20261126T150000Z."""
    return when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def parse_rev(text: str) -> datetime | None:
    cleaned = text.strip().replace("-", "").replace(":", "")
    for fmt in ("%Y%m%dT%H%M%SZ", "%Y%m%dT%H%M%S", "%Y%m%d"):
        try:
            return datetime.strptime(cleaned, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


# ---- writing a card (plain text: vobject costs ~0.5 ms a card, 15 s for 30,000) ---------


def _escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded (RFC 6350 3.2), never inside a character."""
    if len(line) <= 18 or (len(line) <= 75 and line.isascii()):
        return line + "\r\n"  # at most 4 bytes a character: no need to encode
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    out: list[str] = []
    start, limit = 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        out.append(data[start:end].decode("utf-8"))
        start, limit = end, 74
    return "\r\n ".join(out) + "\r\n"


def card_lines(values: Mapping[str, str]) -> list[str]:
    """The properties for a person's values (without BEGIN/END, UID, REV)."""
    v = values
    given, family = vcard_name(v.get("full_name", ""), v.get("first_name", ""))
    lines = [f"FN:{_escape(v.get('full_name', ''))}", f"N:{_escape(family)};{_escape(given)};;;"]
    if v.get("company"):
        lines.append(f"ORG:{_escape(v['company'])}")
    if v.get("title"):
        lines.append(f"TITLE:{_escape(v['title'])}")
    if v.get("email"):
        lines.append(f"EMAIL;TYPE=INTERNET:{_escape(v['email'])}")
    if v.get("phone"):
        lines.append(f"TEL;TYPE=CELL:{_escape(v['phone'])}")
    if v.get("linkedin_url"):
        lines.append(f"URL:{_escape(v['linkedin_url'])}")
    for network in ("instagram", "snapchat"):
        if v.get(network):
            lines.append(f"X-SOCIALPROFILE;TYPE={network}:{_escape(v[network])}")
    if v.get("city"):
        lines.append(f"ADR;TYPE=HOME:;;;{_escape(v['city'])};;;")
    if v.get("notes"):
        lines.append(f"NOTE:{_escape(v['notes'])}")
    for field, prop in NETUI_PROPS.items():
        if v.get(field):
            lines.append(f"{prop}:{_escape(v[field])}")
    tags = [v[f] for f in ("role", "closeness") if v.get(f)]
    if tags:
        lines.append("CATEGORIES:" + ",".join(_escape(f"netui {t}") for t in tags))
    return lines


def new_card(values: Mapping[str, str], uid: str, rev: str) -> str:
    """A whole vCard 3.0 text, CRLF line ends, folded."""
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"PRODID:{PRODID}", f"UID:{_escape(uid)}"]
    lines += card_lines(values)
    lines += [f"REV:{rev}", "END:VCARD"]
    return "".join(_fold(line) for line in lines)


# ---- reading a card --------------------------------------------------------------------


@dataclass
class Card:
    uid: str
    values: Values
    rev: datetime | None


def read_card(text: str) -> Card | str:
    """The card's UID and values, or why it could not be read (one short reason)."""
    import vobject

    from netui.importers.vcard import card_to_record, prepare, split_cards

    cards, problems = split_cards(text)
    if problems or len(cards) != 1:
        return "not one complete vCard"
    try:
        card = vobject.readOne(prepare(cards[0][1]))
        record = card_to_record(card, 1)
    except Exception as exc:  # vobject raises many kinds on a malformed card
        return f"could not be read ({type(exc).__name__})"
    if isinstance(record, str):
        return record
    uid_prop = card.contents.get("uid")
    uid = str(uid_prop[0].value).strip() if uid_prop else ""
    values = {f: str(getattr(record, f, "") or "") for f in CARD_FIELDS if f not in NETUI_PROPS}
    for field, prop in NETUI_PROPS.items():
        found = card.contents.get(prop.lower())
        values[field] = str(found[0].value).strip() if found else ""
    rev_prop = card.contents.get("rev")
    rev = parse_rev(str(rev_prop[0].value)) if rev_prop else None
    return Card(uid=uid, values=values, rev=rev)


def edited_card(
    text: str, changed: Mapping[str, str], previous: Mapping[str, str], rev: str
) -> str:
    """The card with netui's changed fields written in and everything else it holds (photos,
    birthdays, other addresses) kept. `previous` (the values at the last sync) tells which
    of several emails, phones or URLs is the one netui holds."""
    import vobject

    card = vobject.readOne(text)

    def replace(name: str, value: Any, params: dict[str, list[str]] | None = None) -> None:
        for prop in list(card.contents.get(name, [])):
            card.remove(prop)
        if value:
            prop = card.add(name)
            prop.value = value
            for key, vals in (params or {}).items():
                prop.params[key] = vals

    def replace_matching(name: str, old: str, value: str, params: dict[str, list[str]]) -> None:
        """Replace the one property netui reads (the one equal to the old value)."""
        for prop in card.contents.get(name, []):
            if str(prop.value).strip().removeprefix("mailto:").removeprefix("tel:") == old:
                if value:
                    prop.value = value
                else:
                    card.remove(prop)
                return
        if value:
            replace_into = card.add(name)
            replace_into.value = value
            for key, vals in params.items():
                replace_into.params[key] = vals

    for field, value in changed.items():
        if field in ("full_name", "first_name"):
            full = changed.get("full_name", str(card.fn.value) if "fn" in card.contents else "")
            given, family = vcard_name(full, changed.get("first_name", ""))
            replace("fn", full)
            replace("n", vobject.vcard.Name(family=family, given=given))
        elif field == "company":
            replace("org", [value] if value else "")
        elif field == "title":
            replace("title", value)
        elif field == "notes":
            replace("note", value)
        elif field == "city":
            replace("adr", vobject.vcard.Address(city=value) if value else "", {"TYPE": ["HOME"]})
        elif field in NETUI_PROPS:
            replace(NETUI_PROPS[field].lower(), value)
    if "email" in changed:
        replace_matching("email", previous.get("email", ""), changed["email"],
                         {"TYPE": ["INTERNET"]})  # fmt: skip
    if "phone" in changed:
        replace_matching("tel", previous.get("phone", ""), changed["phone"], {"TYPE": ["CELL"]})
    if "linkedin_url" in changed:
        replace_matching("url", previous.get("linkedin_url", ""), changed["linkedin_url"], {})
    for network in ("instagram", "snapchat"):
        if network in changed:
            replace_matching("x-socialprofile", previous.get(network, ""), changed[network],
                             {"TYPE": [network]})  # fmt: skip
    replace("rev", rev)
    return str(card.serialize())


# ---- the merge ---------------------------------------------------------------------------


@dataclass
class Merge:
    values: Values  # what both sides hold after the sync
    to_netui: Values  # fields netui must take from the card
    to_card: Values  # fields the card must take from netui
    conflicts: list[tuple[str, str, str]]  # (field, the value kept, the value set aside)


def merge(base: Mapping[str, str], ours: Mapping[str, str], theirs: Mapping[str, str],
          card_is_newer: bool) -> Merge:  # fmt: skip
    """Three-way merge of one person: `ours` is netui, `theirs` the card."""
    result: Values = {}
    to_netui: Values = {}
    to_card: Values = {}
    conflicts: list[tuple[str, str, str]] = []
    for field in CARD_FIELDS:
        b, o, t = base.get(field, ""), ours.get(field, ""), theirs.get(field, "")
        if field in NETUI_PROPS and not t:
            t = b  # a card without netui's categories says nothing about them
        if t == o:
            result[field] = o
        elif t == b:  # only netui changed
            result[field] = o
            to_card[field] = o
        elif o == b:  # only the card changed
            result[field] = t
            to_netui[field] = t
        elif card_is_newer:
            result[field] = t
            to_netui[field] = t
            conflicts.append((field, t, o))
        else:
            result[field] = o
            to_card[field] = o
            conflicts.append((field, o, t))
    return Merge(result, to_netui, to_card, conflicts)


def conflict_note(field: str, kept: str, set_aside: str, kept_side: str) -> str:
    other = "netui" if kept_side == "card" else "the card"
    label = CARD_FIELDS[field]
    shown = set_aside if set_aside else "(empty)"
    return (
        f"Sync: {label} changed on both sides; kept the {kept_side}'s "
        f"(changed later), {other} had: {shown}"
    )


# ---- the folder --------------------------------------------------------------------------


def prepare_folder(folder: Path) -> Path:
    """The vdir, created 0700 (or tightened) if needed."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    return folder


def scan(folder: Path) -> dict[str, tuple[int, int]]:
    """Every card file: name -> (mtime in ns, size). Hidden and temporary files are not."""
    found: dict[str, tuple[int, int]] = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(".vcf") and not entry.name.startswith("."):
                st = entry.stat()
                found[entry.name] = (st.st_mtime_ns, st.st_size)
    return found


def write_card(folder: Path, name: str, text: str) -> tuple[int, int]:
    """Write one card atomically (a 0600 temp file beside it, renamed over it): a reader
    (vdirsyncer, khard) sees the old card or the new one, never half of one. The caller
    flushes the whole batch to disk once (`flush_to_disk`) before the database commits."""
    path = os.path.join(folder, name)  # strings, not Path: 30,000 of them in a first sync
    tmp = os.path.join(folder, f".{name}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        try:
            os.write(fd, text.encode("utf-8"))
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    st = os.stat(path)
    return st.st_mtime_ns, st.st_size


def flush_to_disk(folder: Path) -> None:
    """The batch's files and renames on disk with one syncfs(2) of the folder's file system
    (an fsync per file made a 30,000-card first sync take minutes); os.sync elsewhere."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        if not _syncfs(fd):
            os.sync()
        os.fsync(fd)
    finally:
        os.close(fd)


def _syncfs(fd: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return int(libc.syncfs(fd)) == 0
    except (OSError, AttributeError):
        return False


_FILE_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


def card_file_name(uid: str) -> str:
    if uid and _FILE_NAME_CHARS.issuperset(uid) and not uid.startswith("."):
        return f"{uid}.vcf"
    safe = "".join(ch if ch in _FILE_NAME_CHARS else "_" for ch in uid).lstrip(".")
    return f"{safe or 'card'}.vcf"


def pick(values: Mapping[str, Any], fields: Iterable[str] = CARD_FIELDS) -> Values:
    return {f: "" if values.get(f) is None else str(values.get(f)) for f in fields}
