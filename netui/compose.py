"""Message drafts (pure): intents, channels, tones, placeholder rendering, the lint, mailto."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from urllib.parse import quote, urlsplit

from netui.enums import Closeness, InteractionKind
from netui.errors import InputError


class Intent(StrEnum):
    reconnect = "reconnect"
    advice = "advice"
    meet = "meet"
    intro = "intro"
    pitch = "pitch"
    thank_you = "thank_you"
    follow_up = "follow_up"

    @property
    def label(self) -> str:
        return INTENT_LABELS[self]


INTENT_LABELS = {
    Intent.reconnect: "Reconnect / catch up",
    Intent.advice: "Ask for advice and tips",
    Intent.meet: "Ask to meet (coffee)",
    Intent.intro: "Ask for an introduction",
    Intent.pitch: "Pitch yourself (referral)",
    Intent.thank_you: "Thank you",
    Intent.follow_up: "Follow up after meeting",
}


def intent_label(value: str) -> str:
    """A stored intent's label; a value netui does not know is shown as it is."""
    try:
        return INTENT_LABELS[Intent(value)]
    except ValueError:
        return value


class Tone(StrEnum):
    casual = "casual"
    warm = "warm"
    polite = "polite"


# Formality follows closeness (the chapter: "degree of formality based on closeness").
TONE_FOR_CLOSENESS = {
    Closeness.close: Tone.casual,
    Closeness.friend: Tone.warm,
    Closeness.acquaintance: Tone.polite,
    Closeness.met_once: Tone.polite,
}


def suggested_intent(recipient: Recipient) -> Intent:
    """What to write next, from the stage and the approach (the chapter's order)."""
    from netui.pipeline import Approach, approach_for

    if recipient.follow_up_owed:
        return Intent.follow_up
    stage = recipient.stage
    if stage in ("new", "paused"):
        return Intent.reconnect
    if stage == "reconnecting":
        return Intent.meet
    if stage == "engaged":
        approach = approach_for(recipient.role)
        if approach is Approach.pitch:
            return Intent.pitch
        return Intent.intro if approach is Approach.intro else Intent.advice
    if stage == "asked":
        return Intent.follow_up
    return Intent.thank_you


def tone_for(closeness: str) -> Tone:
    try:
        return TONE_FOR_CLOSENESS[Closeness(closeness)]
    except ValueError:
        return Tone.polite


class Channel(StrEnum):
    email = "email"
    linkedin_message = "linkedin_message"
    linkedin_note = "linkedin_note"
    dm = "dm"


@dataclass(frozen=True)
class ChannelSpec:
    label: str
    limit: int | None  # characters in the body; None: no hard limit
    limit_note: str  # said to the user, next to the count
    has_subject: bool = False
    short: bool = False  # uses a template's short body when it has one
    kind: InteractionKind = InteractionKind.message  # what "mark sent" logs


CHANNELS: dict[Channel, ChannelSpec] = {
    Channel.email: ChannelSpec(
        "Email",
        None,
        "no hard limit; keep it short",
        has_subject=True,
        kind=InteractionKind.email,
    ),
    Channel.linkedin_message: ChannelSpec(
        "LinkedIn message", 8000, "LinkedIn messages stop at 8,000 characters"
    ),
    Channel.linkedin_note: ChannelSpec(
        "LinkedIn note",
        300,
        "a connection request note holds 300 characters",
        short=True,
    ),
    Channel.dm: ChannelSpec(
        "Text / Insta / Snap DM",
        1000,
        "Instagram DMs stop at 1,000 characters; a text over 160 arrives in parts",
        short=True,
    ),
}


def channel_label(value: str) -> str:
    """A stored channel's label; a value netui does not know is shown as it is."""
    try:
        return CHANNELS[Channel(value)].label
    except ValueError:
        return value


# ---- who the message is to, and from ----------------------------------------------


@dataclass(frozen=True)
class Recipient:
    """What we know about them that a message can use (filled by the store)."""

    first_name: str = ""
    full_name: str = ""
    company: str = ""
    title: str = ""
    how_we_know: str = ""  # said in messages: "we worked together", "we met at PyCon 2023"
    how_we_know_note: str = ""  # the user's note on how you know them (a hint, never sent)
    last_interaction: str = ""  # a noun phrase: "our coffee on Nov 17"
    last_talk: str = ""  # a recent conversation, intro or referral: "our coffee yesterday"
    long_ago: str = ""  # the last contact, only when it was long ago: "our call back in May"
    agreed_step: str = ""  # what the last meeting agreed, written to them (owed follow-up)
    meeting_ask: str = ""  # the ask the user planned for that meeting (a hint, never sent)
    last_summary: str = ""  # the user's own note on it (shown as a hint, never inserted)
    connector: str = ""  # who connects you: the person who introduced you, or a mutual contact
    target_company: str = ""  # where you want in: theirs, or a target they can reach
    notes: str = ""
    closeness: str = Closeness.acquaintance
    email: str = ""
    stage: str = "new"
    role: str = "unknown"
    channel: str = "email"  # where they can be reached: email, then LinkedIn, then a DM
    follow_up_owed: bool = False  # a meeting with them waits for its follow-up
    target_person: str = ""  # whom to ask them to introduce you to: "Dana Ruiz, engineer at Stripe"
    target_first_name: str = ""  # their first name, for the note to forward


INTRO_TO_PERSON = "intro_person"  # the template that names whom to introduce you to


@dataclass(frozen=True)
class IntroTarget:
    """The person a path reaches through them (netui/network.py): named in the intro ask."""

    name: str
    first_name: str
    description: str  # "Dana Ruiz, engineer at Stripe"; a stub says it: "Sam's roommate at Stripe"
    company: str


def with_intro(recipient: Recipient, target: IntroTarget) -> Recipient:
    """Ask this recipient for an introduction to `target` (at the target's company)."""
    return replace(
        recipient,
        target_person=target.description,
        target_first_name=target.first_name,
        target_company=target.company or recipient.target_company,
    )


@dataclass(frozen=True)
class Sender:
    name: str = ""
    target_role: str = ""
    blurb: str = ""

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else ""


def placeholder_values(recipient: Recipient, sender: Sender) -> dict[str, str]:
    return {
        "first_name": recipient.first_name,
        "company": recipient.company,
        "title": recipient.title,
        "how_we_know": recipient.how_we_know,
        "last_interaction": recipient.last_interaction,
        "last_talk": recipient.last_talk,
        "long_ago": recipient.long_ago,
        "agreed_step": recipient.agreed_step,
        "connector": recipient.connector,
        "target_company": recipient.target_company or recipient.company,
        "my_name": sender.name,
        "my_first_name": sender.first_name,
        "target_role": sender.target_role,
        "blurb": sender.blurb,
        "target_person": recipient.target_person,
        "target_first_name": recipient.target_first_name,
    }


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


PLACEHOLDERS = tuple(placeholder_values(Recipient(), Sender()))
# Said when a placeholder is left unfilled: where the value comes from.
PLACEHOLDER_SOURCES = {
    "first_name": "their first name in their record",
    "company": "their company in their record",
    "title": "their title in their record",
    "how_we_know": "how you know them in their record",
    "last_interaction": "a logged interaction",
    "last_talk": "a call, coffee or meeting logged in the last 45 days",
    "long_ago": "a last contact at least 90 days ago",
    "agreed_step": "what you agreed, noted when you mark the meeting done",
    "connector": "a link to whoever introduced you",
    "target_company": "their company or a target company",
    "my_name": "your name in settings",
    "my_first_name": "your name in settings",
    "target_role": "your target role in settings",
    "blurb": "your blurb in settings",
    "target_person": "a path into a company (c on the Paths screen)",
    "target_first_name": "a path into a company (c on the Paths screen)",
}


# ---- rendering -------------------------------------------------------------------

PLACEHOLDER_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_OPTIONAL_RE = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)
_ESCAPED = (("{{", "\x00lb\x00"), ("}}", "\x00rb\x00"))


def fill(text: str, values: Mapping[str, str]) -> str:
    """Fill `{name}` placeholders in one pass (a value is never expanded again).

    `[[ ... ]]` is an optional part: dropped whole when a placeholder in it has no value.
    `[[ A || B ]]` is a choice: A when all of A's placeholders have values, else B when all
    of B's do, else nothing ("[[As we agreed, {agreed_step}.||Could you connect us?]]").
    A placeholder with no value elsewhere stays as `{name}`, so the lint can point at it.
    `{{` and `}}` are literal braces.
    """
    for raw, token in _ESCAPED:
        text = text.replace(raw, token)

    def has_all(match: re.Match[str]) -> str:
        for choice in match.group(1).split("||"):
            names = PLACEHOLDER_RE.findall(choice)
            if all(values.get(name, "").strip() for name in names):
                return choice
        return ""

    def one(match: re.Match[str]) -> str:
        value = values.get(match.group(1), "").strip()
        return value if value else match.group(0)

    result = PLACEHOLDER_RE.sub(one, _OPTIONAL_RE.sub(has_all, text))
    for raw, token in _ESCAPED:
        result = result.replace(token, raw[0])
    return _tidy(result)


def _tidy(text: str) -> str:
    """Trim line ends and collapse the blank lines a dropped optional part leaves."""
    lines = [line.rstrip() for line in text.splitlines()]
    joined = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", joined)


@dataclass(frozen=True)
class Message:
    subject: str
    body: str


@dataclass(frozen=True)
class Template:
    """One message per tone; `short` variants serve the short channels (notes, DMs)."""

    key: str
    intent: Intent
    label: str
    subject: dict[Tone, str] = field(default_factory=dict)
    body: dict[Tone, str] = field(default_factory=dict)
    short: dict[Tone, str] = field(default_factory=dict)
    origin: str = "shipped"  # or "user" (added or overridden in the config folder)


def render(template: Template, tone: Tone, channel: Channel, values: Mapping[str, str]) -> Message:
    spec = CHANNELS[channel]
    body = template.body.get(tone, "")
    if spec.short and template.short.get(tone):
        body = template.short[tone]
    subject = fill(template.subject.get(tone, ""), values) if spec.has_subject else ""
    return Message(subject, fill(body, values))


# ---- mailto and opening links ----------------------------------------------------

ALLOWED_SCHEMES = frozenset({"mailto", "http", "https"})


def _q(text: str) -> str:
    return quote(text, safe="", errors="replace")


def mailto_url(to: str, subject: str, body: str) -> str:
    """A mailto: link with every part percent-encoded (RFC 6068: line breaks as CRLF)."""
    crlf = "\r\n".join(body.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    address = quote(to.strip(), safe="@", errors="replace")
    return f"mailto:{address}?subject={_q(subject)}&body={_q(crlf)}"


def can_open_links() -> bool:
    """False on a Unix box with no desktop (ssh, tmux on a server): there `webbrowser` falls
    back to a console browser that would take over netui's terminal."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_link(url: str, opener: Callable[[str], bool] | None = None) -> bool:
    """Open a mailto/http/https link with the system's handler (`webbrowser`, no shell)."""
    scheme = urlsplit(url).scheme.lower() if ":" in url else ""
    if scheme not in ALLOWED_SCHEMES:
        shown = scheme or "no scheme"
        raise InputError(f"netui only opens mailto, http and https links, not {shown}.")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise InputError("That link has spaces or control characters in it; not opened.")
    import webbrowser  # its import starts subprocess machinery: not at start-up

    return bool((opener or webbrowser.open)(url))
