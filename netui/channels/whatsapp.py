"""WhatsApp chat exports: Android '.txt' and iOS '_chat.txt' (often in a zip).

    12/31/23, 9:41 PM - Ama Owusu: text          (Android)
    [31/12/2023, 21:41:05] Ama Owusu: text       (iOS, often with U+200E marks)

Lines without a timestamp continue the message above; lines without an author are system
lines. Day/month order is guessed from the whole file. You are `my_name` from the settings.
A one-to-one chat is evidence for the other person; a group chat only names candidates.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from netui.channels.model import ChannelResult, Collector, Contact, first_words
from netui.channels.sources import Tree
from netui.channels.textio import text_lines
from netui.errors import InputError
from netui.names import fold, phone_key

_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"), None)
_STAMP = (
    r"(\d{1,2})[./-](\d{1,2})[./-](\d{2,4}),?\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?"
    r"(?:[\s\u202f\u00a0]*([AaPp])\.?\s?[Mm]\.?)?"
)
ANDROID = re.compile(_STAMP + r"\s+-\s+(.*)")
IOS = re.compile(r"\[" + _STAMP + r"\]\s+(.*)")
# Some phones (Swedish, Lithuanian, ... locales) write ISO dates: '2023-12-31, 21:41 - '.
_ISO_DATE = re.compile(r"(\[?)(\d{4})-(\d{1,2})-(\d{1,2})(?=,?\s)")
_MEDIA = re.compile(
    r"^(<media omitted>|<attached: .*>|.* omitted|image absent|<médias omis>|null)$",
    re.IGNORECASE,
)
_NOTICE = re.compile(r"^Messages and calls are end-to-end encrypted|^Your security code with")
_GROUP_EVENTS = re.compile(r"\b(created group|added|left|removed|changed the group|joined using)\b")
_CHAT_NAME = re.compile(r"WhatsApp Chat (?:with|-)\s*(.+?)(?:\.txt|\.zip)?$", re.IGNORECASE)
MISSING_NAME = (
    "WhatsApp chats need your name as it appears in them: "
    "set it with netui settings my_name 'Your Name'."
)


@dataclass(slots=True)
class _Line:
    number: int
    a: int
    b: int
    year: int
    hour: int
    minute: int
    second: int
    ampm: str
    author: str
    text: str


def _unmarked(line: str) -> tuple[str, bool]:
    """The line without direction marks, an ISO date rewritten day/month/year; whether it
    had an ISO date (then the order is known, not guessed)."""
    line = line.translate(_MARKS)
    iso = _ISO_DATE.match(line)
    if iso is None:
        return line, False
    return f"{iso[1]}{iso[4]}/{iso[3]}/{iso[2]}" + line[iso.end() :], True


def looks_like_chat(head: str) -> bool:
    lines = [_unmarked(line)[0] for line in head.splitlines()[:20] if line.strip()]
    hits = sum(1 for line in lines if ANDROID.match(line) or IOS.match(line))
    return bool(lines) and hits * 2 >= min(len(lines), 10)


def chat_members(tree: Tree) -> list[str]:
    """The chat text files of a tree: '_chat.txt' or any .txt that starts like a chat."""
    found = []
    for name in tree.find(".txt"):
        try:
            head = tree.head(name, 4096).decode("utf-8-sig", errors="replace")
        except InputError:
            base = name.rsplit("/", 1)[-1]
            if base == "_chat.txt" or _CHAT_NAME.search(base):
                raise  # a chat that cannot be read is said, not taken for "no chat"
            continue
        if looks_like_chat(head):
            found.append(name)
    return found


def chat_name(tree: Tree, member: str) -> str:
    for text in (member.rsplit("/", 1)[-1], tree.label):
        match = _CHAT_NAME.search(text)
        if match:
            return match.group(1).strip()
    return ""


def _parse(tree: Tree, member: str) -> tuple[list[_Line], bool]:
    """The chat's lines, and whether its dates are ISO (year first: day/month known)."""
    where = tree.where(member)
    lines: list[_Line] = []
    started = False
    any_iso = False
    for number, raw in text_lines(tree, member):
        line, iso = _unmarked(raw)
        match = IOS.match(line) or ANDROID.match(line)
        if match is None:
            if lines:
                lines[-1].text += "\n" + line
            elif line.strip() and not started:
                raise InputError(
                    f"{where}, line {number}: not a WhatsApp chat line "
                    "(expected like '12/31/23, 9:41 PM - Name: text')."
                )
            continue
        started = True
        any_iso = any_iso or iso
        a, b, y, hh, mm, ss, ampm, rest = match.groups()
        author, sep, text = rest.partition(": ")
        marked = raw.partition(": ")[2].startswith("\u200e")  # iOS marks notices
        media = bool(_MEDIA.match(text.strip()))
        if not sep or (marked and not media) or _NOTICE.search(text):
            author, text = "", rest
        year = int(y) + (2000 if len(y) == 2 else 0)
        lines.append(_Line(number, int(a), int(b), year, int(hh), int(mm), int(ss or 0),
                           (ampm or "").lower(), author.strip(), text))  # fmt: skip
    return lines, any_iso


def day_first(lines: list[_Line]) -> bool:
    """Whether dates are day/month: any first part over 12 says yes, any second part no;
    else the order whose dates go backwards least; else day/month unless it is a 12-hour
    clock (the US style)."""
    if any(x.a > 12 for x in lines):
        return True
    if any(x.b > 12 for x in lines):
        return False

    def backwards(dmy: bool) -> int:
        keys = [(x.year, x.b, x.a) if dmy else (x.year, x.a, x.b) for x in lines]
        return sum(1 for k, n in itertools.pairwise(keys) if n < k)

    dmy, mdy = backwards(True), backwards(False)
    if dmy != mdy:
        return dmy < mdy
    return not any(x.ampm for x in lines)


def check_dates(lines: list[_Line], dmy: bool, where: str) -> None:
    """Every date read in the order guessed for the file, or one error naming the line."""
    for x in lines:
        if _when(x, dmy) is not None:
            continue
        if _when(x, not dmy) is None:
            raise InputError(f"{where}, line {x.number}: not a date and time WhatsApp writes.")
        order = "day/month" if dmy else "month/day"
        raise InputError(
            f"{where}, line {x.number}: the date {x.a}/{x.b}/{x.year} does not fit the "
            f"{order} order of the rest of the chat."
        )


def _when(x: _Line, dmy: bool) -> datetime | None:
    day, month = (x.a, x.b) if dmy else (x.b, x.a)
    hour = x.hour % 12 + (12 if x.ampm == "p" else 0) if x.ampm else x.hour
    try:
        # the export shows the phone's local time
        return datetime(x.year, month, day, hour, x.minute, x.second).astimezone(UTC)
    except (ValueError, OverflowError, OSError):
        return None


def _is_me(author: str, my_name: str) -> bool:
    mine = fold(my_name).split()
    theirs = fold(author).split()
    return bool(mine) and (theirs == mine or theirs == mine[:1])


def _contact(author: str, title: str) -> Contact:
    if phone_key(author) and not re.search(r"[^\d\s+()\-.]", author):
        return Contact(name=title if title and not phone_key(title) else "", phone=author)
    return Contact(name=author)


def read_whatsapp(tree: Tree, members: list[str], my_name: str) -> ChannelResult:
    if not members:
        raise InputError(f"{tree.label} has no WhatsApp chat (a .txt exported from a chat).")
    if not my_name.strip():
        raise InputError(MISSING_NAME)
    result = ChannelResult(tree.label, "whatsapp", "WhatsApp chat", me=[my_name.strip()])
    collector = Collector()
    for member in members:
        lines, iso = _parse(tree, member)
        if not lines:
            raise InputError(f"{tree.where(member)} has no messages.")
        dmy = iso or day_first(lines)
        check_dates(lines, dmy, tree.where(member))
        title = chat_name(tree, member)
        authors = {x.author for x in lines if x.author}
        others = {a for a in authors if not _is_me(a, my_name)}
        system = [x.text for x in lines if not x.author]
        events = any(_GROUP_EVENTS.search(t) for t in system)
        group = len(others) > 1 or events
        if len(authors) == 2 and len(others) == 2 and not events:
            raise InputError(
                f"Your name ('{my_name}') is not one of the people in {tree.where(member)} "
                f"({', '.join(sorted(authors)[:3])}): set my_name to the name WhatsApp shows."
            )
        conv = f"whatsapp:{fold(title) or member}"
        for x in lines:
            result.items += 1
            if not x.author:
                result.skipped["system lines"] += 1
                continue
            if x.author not in others:
                continue
            if group:
                key = result.add_contact(_contact(x.author, ""))
                result.group_members.add(key)
        if group:
            continue
        if not others:
            result.skipped["chats with only your own messages"] += 1
            continue
        other = next(iter(others))
        key = result.add_contact(_contact(other, title))
        for x in lines:
            when = _when(x, dmy)
            if not x.author or when is None:
                continue
            text = "(media)" if _MEDIA.match(x.text.strip()) else first_words(x.text)
            collector.add(key, conv, when, outgoing=x.author != other, topic=text)
    collector.into(result)
    return result
