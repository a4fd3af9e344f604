"""What a message may say about them (pure): how you know each other, the last time you
talked, a long silence: each a phrase written to them, or nothing.
"""

from __future__ import annotations

import re
from datetime import date

HOW_WE_KNOW_PHRASES = {
    "school": "we went to school together",
    "college": "we were in college together",
    "work": "we worked together",
    "online": "we met online",
}
# "How we know each other" is the user's own note ("sat at her table at a wedding",
# "Jordan's wife"): written about them, it is never pasted into a message to them. Only a
# note written as a phrase for messages, starting with one of these words ("we met at
# PyCon 2023", "you reviewed my first PR"), is said as written.
_SAID_TO_THEM = re.compile(r"^(we|we're|we've|you|you're|you've|our|i|i'm|i've|met|from)\b")


def how_we_know_phrase(note: str, how_we_know: str) -> str:
    """What a message may say about how you know them: the user's note if it is written to
    them, else the phrase for the kind ('we worked together'), else nothing."""
    text = " ".join(note.split()).rstrip(".")
    if text and _SAID_TO_THEM.match(text.casefold()):
        return text
    return HOW_WE_KNOW_PHRASES.get(how_we_know, "")


# The interactions a message can thank them for or look back on, as noun phrases.
_SHARED = {"call": "our call", "coffee": "our coffee", "meeting": "our chat"}
_FROM_THEM = {
    "message": "your message",
    "email": "your email",
    "reply": "your reply",
    "intro": "the intro",
    "referral": "the referral",
}
MENTIONABLE_KINDS = tuple(_SHARED)
MENTIONABLE_FROM_THEM = tuple(_FROM_THEM)
# What a message can thank them for: a conversation, or an intro or referral they made.
THANKABLE_FROM_THEM = ("intro", "referral")
RECENT_DAYS = 45  # a conversation this recent is "our coffee yesterday" in a thank-you
LONG_AGO_DAYS = 90  # only a last contact this old is "feels like ages ago"


def interaction_phrase(kind: str, direction: str, day: date, today: date) -> str:
    """'our coffee yesterday', 'your reply on Nov 17', 'our call back in March 2024'."""
    noun = _SHARED.get(kind) or (_FROM_THEM.get(kind) if direction == "in" else None)
    if noun is None:
        return ""
    days = (today - day).days
    if days <= 0:
        when = "today"
    elif days == 1:
        when = "yesterday"
    elif days < 7:
        when = f"on {day:%A}"
    elif days < 300:
        when = f"on {day:%b} {day.day}"
    else:
        when = f"back in {day:%B %Y}"
    return f"{noun} {when}"


def talk_phrase(kind: str, direction: str, day: date, today: date) -> str:
    """A recent conversation, intro or referral to thank them for ('our coffee yesterday');
    '' for a message or a reply (a one-liner is not thanked as if it were a favour) and for
    anything older than RECENT_DAYS."""
    thankable = kind in _SHARED or (kind in THANKABLE_FROM_THEM and direction == "in")
    if not thankable or (today - day).days > RECENT_DAYS:
        return ""
    return interaction_phrase(kind, direction, day, today)


def long_ago_phrase(
    kind: str, direction: str, day: date, today: date, last_contact: date | None = None
) -> str:
    """The last conversation, said only when you have not been in touch at all (your own
    messages count) for LONG_AGO_DAYS ('our call back in March 2024'): "it's been way too
    long" never follows yesterday's reply."""
    latest = max(day, last_contact) if last_contact else day
    if (today - latest).days < LONG_AGO_DAYS:
        return ""
    return interaction_phrase(kind, direction, day, today)
