"""What every archive reader produces: contacts, evidence of contact, and what it skipped."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from operator import attrgetter

from netui.names import fold, linkedin_key, person_key, phone_key
from netui.textsafe import clean_line

# Sources, in the words the review screen and the CLI show.
CHANNEL_LABELS = {
    "mail": "mail",
    "linkedin": "LinkedIn",
    "whatsapp": "WhatsApp",
    "instagram": "Instagram",
    "snapchat": "Snapchat",
    "facebook": "Facebook",
}
SUMMARY_WORDS = 8  # "first words" of a message used as a summary
FUTURE_REASON = "messages dated in the future (a wrong clock)"
FUTURE_SLACK = timedelta(days=2)  # time zones and a clock a little fast are not 'future'


def handle_key(handle: str) -> str:
    """'@Ama.Owusu ' -> 'ama.owusu' (Instagram and Snapchat handles are case-insensitive)."""
    return handle.strip().lstrip("@").casefold()


def name_key(name: str) -> str:
    """The exact normalized full name used for matching; '' for a single word (too weak)."""
    key = person_key(name)
    return key if " " in key else ""


@dataclass
class Contact:
    """Someone an archive names: any of the strong keys, a display name, guesses."""

    name: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    instagram: str = ""
    snapchat: str = ""
    company: str = ""  # guessed from a work mail domain
    how_we_know: str = ""  # 'school' from a university domain
    detail: str = ""  # 'mutual follow', 'follows you', 'friends since 2019'
    mutual: bool = False

    def keys(self) -> list[str]:
        """Keys in matching order: email, LinkedIn URL, phone, handles, then full name."""
        keys: list[str] = []
        if self.email:
            keys.append("email:" + self.email.casefold())
        if self.linkedin_url:
            keys.append("linkedin:" + linkedin_key(self.linkedin_url))
        phone = phone_key(self.phone) if self.phone else ""
        if phone:
            keys.append("phone:" + phone)
        if self.instagram:
            keys.append("instagram:" + handle_key(self.instagram))
        if self.snapchat:
            keys.append("snapchat:" + handle_key(self.snapchat))
        name = name_key(self.name)
        if name:
            keys.append("name:" + name)
        return keys

    @property
    def key(self) -> str:
        keys = self.keys()
        return keys[0] if keys else ""

    @property
    def shown(self) -> str:
        """A name for lists: the name, else the handle or address."""
        handle = self.instagram or self.snapchat
        return (
            self.name
            or (f"@{handle_key(handle)}" if handle else "")
            or self.email
            or self.phone
            or self.linkedin_url
        )

    def absorb(self, other: Contact) -> None:
        """Fill what is empty from another sighting of the same contact."""
        for name in ("name", "email", "phone", "linkedin_url", "instagram", "snapchat",
                     "company", "how_we_know", "detail"):  # fmt: skip
            if not getattr(self, name) and getattr(other, name):
                setattr(self, name, getattr(other, name))
        self.mutual = self.mutual or other.mutual


@dataclass(slots=True)
class Evidence:
    """Contact with one person in one conversation on one day (slots: a scan keeps one per
    conversation day, 100,000s of them)."""

    contact: str  # the Contact's key
    conversation: str  # a thread id, a normalized subject, a chat's name
    day: date
    at: datetime  # the latest message that day (aware UTC)
    count: int = 0  # messages that day
    wrote: int = 0  # of them, how many you wrote
    topic: str = ""  # the subject, or the first words of the first message

    @property
    def direction(self) -> str:
        return "out" if self.wrote else "in"

    def summary(self) -> str:
        """'Lunch next week? (3 messages)'."""
        topic = self.topic or "(no subject)"
        noun = "message" if self.count == 1 else "messages"
        return f"{topic} ({self.count} {noun})"


def first_words(text: str, words: int = SUMMARY_WORDS) -> str:
    parts = text.split()
    shown = " ".join(parts[:words])
    return shown + ("…" if len(parts) > words else "")


@dataclass
class ChannelResult:
    """One archive read: who is in it, the evidence, who you are in it, what was skipped."""

    source: str  # the file or folder name
    channel: str  # a CHANNEL_LABELS key
    label: str  # 'Gmail mbox', 'LinkedIn messages', 'WhatsApp chat', ...
    contacts: dict[str, Contact] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    me: list[str] = field(default_factory=list)  # your addresses, profile URL or name
    me_inferred: bool = False  # True when `me` was guessed from the archive
    items: int = 0  # messages, rows or entries read
    skipped: Counter[str] = field(default_factory=Counter)  # why -> how many
    group_members: set[str] = field(default_factory=set)  # keys seen only in group chats

    def add_contact(self, contact: Contact) -> str:
        """Merge a contact into the result by its first key; returns the key ('' if none)."""
        key = contact.key
        if not key:
            return ""
        known = self.contacts.get(key)
        if known is None:
            self.contacts[key] = contact
        else:
            known.absorb(contact)
        return key


class Collector:
    """Folds messages into evidence: one entry per (contact, conversation, day)."""

    def __init__(self, now: datetime | None = None) -> None:
        self.entries: dict[tuple[str, str, date], Evidence] = {}
        self.latest = (now or datetime.now(UTC)) + FUTURE_SLACK
        self.future = 0  # messages left out: a date after now would be a last contact ahead
        self._conversations: dict[str, str] = {}  # one string per conversation
        self._days: dict[date, date] = {}  # one date per day

    def add(
        self,
        contact: str,
        conversation: str,
        at: datetime,
        *,
        outgoing: bool,
        topic: str = "",
        count: int = 1,
    ) -> None:
        if at > self.latest:
            self.future += count
            return
        day = at.date()
        entry = self.entries.get((contact, conversation, day))
        if entry is None:
            conversation = self._conversations.setdefault(conversation, conversation)
            day = self._days.setdefault(day, day)
            # a subject can carry ESC sequences; shown on a timeline
            entry = Evidence(contact, conversation, day, at, count, count if outgoing else 0,
                             clean_line(topic) if topic else "")  # fmt: skip
            self.entries[(contact, conversation, day)] = entry
            return
        entry.count += count
        if outgoing:
            entry.wrote += count
        if at > entry.at:
            entry.at = at
        if not entry.topic and topic:
            entry.topic = clean_line(topic)

    def into(self, result: ChannelResult) -> None:
        """Put the evidence in the result, and say how many messages had a future date."""
        result.evidence = self.evidence()
        if self.future:
            result.skipped = result.skipped.copy()
            result.skipped[FUTURE_REASON] += self.future

    def evidence(self) -> list[Evidence]:
        """By time, then contact, then conversation: three stable sorts on one field each
        (no key tuple per entry)."""
        found = sorted(self.entries.values(), key=_conversation_of)
        found.sort(key=_contact_of)
        found.sort(key=_at_of)
        return found


_conversation_of = attrgetter("conversation")
_contact_of = attrgetter("contact")
_at_of = attrgetter("at")


def conversation_key(text: str) -> str:
    """A subject or title as a conversation key: folded, 'Re:'/'Fwd:' prefixes dropped."""
    folded = " ".join(fold(text).split())
    while True:
        for prefix in ("re:", "fwd:", "fw:", "aw:", "tr:", "wg:", "sv:", "re :", "fwd :"):
            if folded.startswith(prefix):
                folded = folded[len(prefix) :].lstrip()
                break
        else:
            return folded
