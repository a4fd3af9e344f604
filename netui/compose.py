"""What a message is (pure): intents, tones, channels, templates and how one is rendered.

Who it is to and the placeholders their facts fill are netui/recipient.py; the phrases a
message may say about them netui/message_phrases.py; the lint netui/message_lint.py; the
mail app netui/mailto.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from netui.enums import Closeness, InteractionKind, Labelled

if TYPE_CHECKING:
    from netui.recipient import Recipient


class Intent(Labelled):
    reconnect = "reconnect", "Reconnect / catch up"
    advice = "advice", "Ask for advice and tips"
    meet = "meet", "Ask to meet (coffee)"
    intro = "intro", "Ask for an introduction"
    pitch = "pitch", "Pitch yourself (referral)"
    thank_you = "thank_you", "Thank you"
    follow_up = "follow_up", "Follow up after meeting"


intent_label = Intent.label_of


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
