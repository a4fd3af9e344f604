"""The message lint (pure): warns before sending, never blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from netui.compose import CHANNELS, PLACEHOLDER_RE, Channel, Message
from netui.names import fold
from netui.recipient import PLACEHOLDER_SOURCES, Recipient


class LintCode(StrEnum):
    placeholder = "placeholder"
    no_ask = "no_ask"
    too_long = "too_long"
    not_personal = "not_personal"
    already_sent = "already_sent"
    no_subject = "no_subject"
    engage_first = "engage_first"
    no_address = "no_address"


@dataclass(frozen=True)
class LintIssue:
    code: LintCode
    text: str


_ASK_RE = re.compile(
    r"\b(could|would|can|will) you\b|\bwould it be\b|\bare you (open|up for|free)\b"
    r"|\bwould you be\b|\blet me know\b|\bplease\b|\bif you('re| are) (open|up for|willing)\b"
    r"|\bhappy to\b.*\bif\b|\bmind if\b|\bany chance\b",
    re.IGNORECASE,
)
# A draft that asks for a referral, an intro or a job (the big asks of the playbook).
_BIG_ASK_RE = re.compile(
    r"\brefer(ring|ral|red)? me\b|\breferral\b|\bintroduc(e|ing) me\b|\bintro (to|at)\b"
    r"|\bconnect (me|us)\b|\b(pass|forward) (along )?my (resume|cv)\b|\bhiring manager\b"
    r"|\bbe considered\b|\bopen (role|position)s?\b",
    re.IGNORECASE,
)
# Stages before any engagement: you have not talked yet (the playbook: engage first).
_NOT_ENGAGED = {"new": "you have not been in touch yet", "reconnecting": "you have not talked yet"}
# Words too common in notes to count as "something about them".
_COMMON = frozenset({
    "about", "after", "again", "because", "being", "could", "doing", "their", "there",
    "these", "those", "think", "thinks", "would", "should", "which", "while", "where",
    "yours", "really", "still", "thanks", "other", "loves", "likes", "works", "working",
})  # fmt: skip


def has_clear_ask(body: str) -> bool:
    """A question, or a sentence that asks for something ("could you", "let me know")."""
    return "?" in body or bool(_ASK_RE.search(body))


def count_chars(text: str) -> int:
    """Characters as the channel counts them (code points), ignoring trailing space."""
    return len(text.strip())


def _personal_facts(recipient: Recipient) -> list[str]:
    facts = [
        recipient.company,
        recipient.title,
        recipient.how_we_know,
        recipient.last_interaction,
        recipient.last_talk,
        recipient.long_ago,
        recipient.agreed_step,
        recipient.connector,
    ]
    words = re.findall(r"[^\W\d_]{5,}", recipient.notes)
    facts += [w for w in words if fold(w) not in _COMMON]
    return [fold(f.strip()) for f in facts if f.strip()]


def mentions_them(body: str, recipient: Recipient) -> bool:
    """Something specific about them: company, title, how you know them, your last talk."""
    text = fold(body)
    return any(fact in text for fact in _personal_facts(recipient))


def lint(
    message: Message,
    channel: Channel,
    recipient: Recipient,
    *,
    sent_before: bool = False,
) -> list[LintIssue]:
    """What to check before sending; an empty list means nothing to warn about."""
    spec = CHANNELS[channel]
    issues: list[LintIssue] = []
    if channel is Channel.email and not recipient.email.strip():
        issues.append(LintIssue(LintCode.no_address, no_address_text(recipient)))
    texts = [message.subject, message.body] if spec.has_subject else [message.body]
    seen: list[str] = []
    for text in texts:
        for name in PLACEHOLDER_RE.findall(text):
            if name not in seen:
                seen.append(name)
    for name in seen:
        source = PLACEHOLDER_SOURCES.get(name)
        hint = f": add {source}, or type it in" if source else ": type it in"
        issues.append(LintIssue(LintCode.placeholder, f"{{{name}}} is not filled in{hint}."))
    if spec.has_subject and not message.subject.strip():
        issues.append(LintIssue(LintCode.no_subject, "The subject is empty."))
    if message.body.strip() and not has_clear_ask(message.body):
        issues.append(
            LintIssue(
                LintCode.no_ask,
                "No clear ask: end with a question or a request they can say yes to.",
            )
        )
    size = count_chars(message.body)
    if spec.limit is not None and size > spec.limit:
        issues.append(
            LintIssue(
                LintCode.too_long,
                f"{size} characters: {size - spec.limit} over the limit ({spec.limit_note}).",
            )
        )
    if message.body.strip() and not mentions_them(message.body, recipient):
        issues.append(
            LintIssue(
                LintCode.not_personal,
                "Nothing personal about them: mention their work, how you know each other "
                "or your last conversation.",
            )
        )
    why = _NOT_ENGAGED.get(recipient.stage)
    if why and _BIG_ASK_RE.search(message.body):
        name = recipient.first_name or "them"
        issues.append(
            LintIssue(
                LintCode.engage_first,
                f"Engage first: {why} with {name}. Catch up before asking for a referral "
                "or an intro.",
            )
        )
    if sent_before:
        name = recipient.first_name or "them"
        issues.append(
            LintIssue(
                LintCode.already_sent,
                f"You already sent this template to {name}: make this one different.",
            )
        )
    return issues


def no_address_text(recipient: Recipient) -> str:
    """One line: email was picked for someone with no address; where they can be reached."""
    name = recipient.first_name or recipient.full_name or "them"
    if recipient.channel != Channel.email.value and recipient.channel in set(Channel):
        where = CHANNELS[Channel(recipient.channel)].label
        return f"No email address for {name}: pick {where}, or add one (e on their page)."
    return f"No email address for {name}, nor LinkedIn or a phone: add one (e on their page)."


def length_label(body: str, channel: Channel) -> str:
    """'243 / 300 characters' or '1,204 characters (no hard limit ...)'."""
    spec = CHANNELS[channel]
    size = count_chars(body)
    if spec.limit is None:
        return f"{size:,} characters ({spec.limit_note})"
    return f"{size:,} / {spec.limit:,} characters"
