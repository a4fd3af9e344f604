"""One line to a timeline entry (pure): `coffee yesterday: talked about their on-call`.

The line starts with what happened (a kind word), then optional direction and date
words, then the summary — after a colon, or simply after the last word understood.
Dates are relative to an injected today: today, yesterday, mon..sun (the most recent
one before today), 3d / 3d ago, or 2026-11-20. Follow-up dates use `parse_future_day`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from netui.enums import Direction, InteractionKind
from netui.errors import InputError
from netui.pipeline import CONVERSATION_KINDS

KIND_WORDS: dict[str, InteractionKind] = {
    **dict.fromkeys(
        (
            *("message", "msg", "messaged", "text", "texted", "txt", "txted", "sms", "wrote"),
            *("dm", "dmed", "dm'd", "dmd", "dm-ed", "ping", "pinged", "whatsapp", "whatsapped"),
        ),
        InteractionKind.message,
    ),
    **dict.fromkeys(("email", "emailed", "e-mail", "mail", "mailed"), InteractionKind.email),
    **dict.fromkeys(
        (
            *("call", "called", "phone", "phoned", "rang", "video", "zoom", "zoomed"),
            *("facetime", "facetimed", "skype", "skyped"),
        ),
        InteractionKind.call,
    ),
    **dict.fromkeys(("coffee", "coffeed", "tea"), InteractionKind.coffee),
    **dict.fromkeys(
        (
            *("meeting", "meet", "met", "meetup", "lunch", "lunched", "dinner", "dined"),
            *("drinks", "beers", "breakfast", "brunch", "brunched"),
        ),
        InteractionKind.meeting,
    ),
    **dict.fromkeys(
        ("intro", "intro'd", "introed", "introduced", "introduction"), InteractionKind.intro
    ),
    **dict.fromkeys(("referral", "referred", "ref"), InteractionKind.referral),
    **dict.fromkeys(("reply", "replied", "response", "answered", "answer"), InteractionKind.reply),
    **dict.fromkeys(("note", "notes"), InteractionKind.note),
}
# Phrases a user types before the kind word: 'had lunch', 'grabbed a coffee', 'hopped on a
# call', 'got an email' (got/received: it came in). Only taken when a kind word follows.
LEAD_VERBS: dict[str, Direction | None] = {
    **dict.fromkeys(("had", "grabbed", "went", "did", "hopped", "jumped", "sent"), None),
    **dict.fromkeys(("got", "received"), Direction.in_),
}
TOGETHER_KINDS = CONVERSATION_KINDS | {InteractionKind.note}
LEAD_FILLERS = frozenset({"a", "an", "for", "on"})
# Two words that are one kind word: 'met up', 'heard back' (a reply).
PAIRS: dict[tuple[str, str], str] = {
    ("met", "up"): "met",
    ("meet", "up"): "meet",
    ("heard", "back"): "replied",
    ("heard", "from"): "replied",
}
ASK_WORDS = frozenset({"ask", "asked"})
# A promised introduction: `promised intro: to Dana at Stripe` (they said yes to your ask)
# and `owe intro: Priya wants to meet Sam` (you promised one). Today lists both until done.
PROMISED_WORDS = frozenset({"promised", "promise", "yes", "agreed"})
OWE_WORDS = frozenset({"owe", "owed", "owing"})
DIRECTION_WORDS: dict[str, Direction] = {
    **dict.fromkeys(("out", "sent", "to"), Direction.out),
    **dict.fromkeys(("in", "from", "got", "received"), Direction.in_),
}
# Without a colon only these count as a direction ('coffee in Berlin' is a summary).
LOOSE_DIRECTION_WORDS = frozenset({"out", "sent", "received", "from"})
# Words that read naturally in the head and mean nothing by themselves.
FILLER_WORDS = frozenset({"on", "last", "for", "an", "a"})
DEFAULT_DIRECTION: dict[InteractionKind, Direction] = {
    InteractionKind.message: Direction.out,
    InteractionKind.email: Direction.out,
    InteractionKind.reply: Direction.in_,
}
WEEKDAYS: dict[str, int] = {
    **dict.fromkeys(("mon", "monday"), 0),
    **dict.fromkeys(("tue", "tues", "tuesday"), 1),
    **dict.fromkeys(("wed", "weds", "wednesday"), 2),
    **dict.fromkeys(("thu", "thur", "thurs", "thursday"), 3),
    **dict.fromkeys(("fri", "friday"), 4),
    **dict.fromkeys(("sat", "saturday"), 5),
    **dict.fromkeys(("sun", "sunday"), 6),
}
_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_DAYS = re.compile(r"^(\d{1,3})d$")
_WEEKS = re.compile(r"^(\d{1,2})w$")

KIND_HELP = (
    "message, email, call, coffee, meeting, intro, referral, reply, ask, promised, owe or note"
)
DATE_HELP = "today, yesterday, mon..sun, 3d or 2026-11-20"


@dataclass(frozen=True, slots=True)
class LogEntry:
    kind: InteractionKind
    direction: Direction
    day: date
    summary: str


def _iso_day(word: str) -> date:
    try:
        return date.fromisoformat("-".join(part.zfill(2) for part in word.split("-")))
    except ValueError:
        raise InputError(f"'{word}' is not a date (use YYYY-MM-DD).") from None


def parse_past_day(word: str, today: date) -> date | None:
    """A date word meaning a day up to today, or None if the word is not a date."""
    word = word.casefold()
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    if word in WEEKDAYS:
        back = (today.weekday() - WEEKDAYS[word]) % 7 or 7
        return today - timedelta(days=back)
    if match := _DAYS.match(word):
        return today - timedelta(days=int(match.group(1)))
    if match := _WEEKS.match(word):
        return today - timedelta(weeks=int(match.group(1)))
    if _ISO.match(word):
        return _iso_day(word)
    return None


def parse_future_day(text: str, today: date) -> date:
    """A follow-up date: today, tomorrow, mon..sun (the next one), 3d, 2w, next week, ISO."""
    word = " ".join(text.casefold().split()).removeprefix("in ").removeprefix("next ")
    if word in ("today", "now"):
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    if word == "week":
        return today + timedelta(weeks=1)
    if word == "month":
        return today + timedelta(days=30)
    if word in WEEKDAYS:
        ahead = (WEEKDAYS[word] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    if match := re.match(r"^(\d{1,3}) ?(d|days?)$", word):
        return today + timedelta(days=int(match.group(1)))
    if match := re.match(r"^(\d{1,2}) ?(w|weeks?)$", word):
        return today + timedelta(weeks=int(match.group(1)))
    if _ISO.match(word):
        return _iso_day(word)
    raise InputError(
        f"'{text.strip()}' is not a date: try tomorrow, fri, 3d, 2w, next week or 2026-12-01."
    )


def _is_skippable(word: str, *, asking: bool, loose: bool, day: date | None) -> bool:
    """Words in the head that carry no meaning of their own ('asked for an intro')."""
    if asking and word in ("intro", "introduction", "introductions", "intros"):
        return True
    if word == "ago" and day is not None:
        return True
    return word in FILLER_WORDS and (loose or asking)


def _opening(words: list[str]) -> tuple[list[str], Direction | None]:
    """The words from the kind word on, and the direction a lead verb gave ('got an email')."""
    lowered = [w.casefold() for w in words]
    if len(words) >= 2 and (pair := PAIRS.get((lowered[0], lowered[1]))):
        # heard from: a reply came in (the 'from' is the direction word, kept)
        keep = 1 if lowered[1] == "from" else 2
        return [pair, *words[keep:]], Direction.in_ if pair == "replied" else None
    if lowered and lowered[0] in LEAD_VERBS:
        at = 1
        while at < len(words) and lowered[at] in LEAD_FILLERS:
            at += 1
        if at < len(words) and lowered[at] in KIND_WORDS:
            together = KIND_WORDS[lowered[at]] in TOGETHER_KINDS  # 'got coffee': no direction
            return words[at:], None if together else LEAD_VERBS[lowered[0]]
    return words, None


def parse_log_line(line: str, today: date) -> LogEntry:
    """`coffee yesterday: talked about on-call` -> coffee, none, today-1, 'talked about…'."""
    head, colon, rest = line.partition(":")
    words, direction = _opening(head.replace("\u2019", "'").split())
    if not words:
        raise InputError(f"Start the line with what happened: {KIND_HELP}.")
    opening_ends = not colon and words[0][-1:] in (",", ";")  # 'coffee, great chat'
    first = words[0].casefold().rstrip(",;")
    if first in ASK_WORDS:
        kind = InteractionKind.intro
        direction = Direction.out
    elif first in PROMISED_WORDS or first in OWE_WORDS:
        kind = InteractionKind.promise
        direction = Direction.out if first in OWE_WORDS else Direction.in_
    elif first in KIND_WORDS:
        kind = KIND_WORDS[first]
    else:
        raise InputError(f"'{words[0]}' is not something that happened: use {KIND_HELP}.")
    day: date | None = None
    used = 1
    asking = first in ASK_WORDS or kind is InteractionKind.promise
    for index, word in enumerate([] if opening_ends else words[1:], start=1):
        # 'coffee yesterday, talked…': a comma or semicolon ends the opening words
        ends = not colon and word[-1:] in (",", ";")
        lowered = word.casefold().rstrip(",;")
        before_date = index + 1 < len(words) and (
            parse_past_day(words[index + 1].casefold().rstrip(",;"), today) is not None
        )
        when = parse_past_day(lowered, today)
        if when is not None and day is None:
            day = when
        elif (
            lowered in DIRECTION_WORDS
            and direction is None
            and (colon or lowered in LOOSE_DIRECTION_WORDS)
        ):
            direction = DIRECTION_WORDS[lowered]
            if not colon and not ends and index + 1 < len(words) and not before_date:
                break  # 'message sent him my CV': the verb stays in the summary
        elif index == 1 and KIND_WORDS.get(lowered) is kind and used == 1:
            pass  # 'video call', 'phone call'
        elif asking and lowered in ("referral", "ref", "referred"):
            if kind is InteractionKind.intro:
                kind = InteractionKind.referral
        elif _is_skippable(lowered, asking=asking, loose=bool(colon) or before_date, day=day):
            pass
        elif colon:
            raise InputError(
                f"'{word}' before the colon is not a date or direction: use {DATE_HELP}."
            )
        else:
            break
        used += 1
        if ends:
            break
    summary = rest.strip() if colon else " ".join(words[used:]).lstrip("-–—,;: ")
    day = day or today
    if day > today:
        raise InputError(f"{day.isoformat()} is in the future: log what has happened.")
    return LogEntry(kind, direction or DEFAULT_DIRECTION.get(kind, Direction.none), day, summary)


def at_for(day: date, today: date, now: datetime) -> datetime:
    """When an entry logged for `day` happened: now if today, else local noon that day."""
    if day == today:
        return now
    return datetime.combine(day, time(12, 0)).astimezone().astimezone(UTC)
