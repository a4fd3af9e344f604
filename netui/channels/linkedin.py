"""LinkedIn's data export: messages.csv and Invitations.csv (in the zip or loose).

You are identified by your own profile URL (the one present in the most conversations, or
the inviter of your sent invitations), never by name. Drafts, spam and sponsored messages
are not interactions.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime

from netui.channels.model import ChannelResult, Collector, Contact, first_words
from netui.channels.sources import Tree
from netui.channels.textio import csv_header, csv_rows
from netui.errors import InputError
from netui.names import linkedin_key

MESSAGE_COLUMNS = ("CONVERSATION ID", "FROM", "SENDER PROFILE URL", "DATE")
INVITATION_COLUMNS = ("Direction", "inviterProfileUrl", "inviteeProfileUrl")
EXCLUDED_FOLDERS = frozenset({"SPAM", "DRAFT", "DRAFTS", "SPONSORED", "TRASH"})
_YES = frozenset({"yes", "true", "1"})
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2,4}),?\s+(\d{1,2}):(\d{2})\s*([AaPp][Mm])?")


def is_messages(header: list[str]) -> bool:
    return all(c in header for c in MESSAGE_COLUMNS)


def is_invitations(header: list[str]) -> bool:
    return all(c in header for c in INVITATION_COLUMNS)


def members(tree: Tree) -> tuple[list[str], list[str]]:
    """(messages files, invitations files) in a tree, by their header."""
    messages: list[str] = []
    invitations: list[str] = []
    for name in tree.find(".csv"):
        with tree.open(name) as fh:
            header = csv_header(fh)
        if is_messages(header):
            messages.append(name)
        elif is_invitations(header):
            invitations.append(name)
    return messages, invitations


def parse_when(text: str) -> datetime | None:
    """'2023-05-01 14:22:10 UTC' or '5/1/23, 2:22 PM' -> aware UTC."""
    text = text.strip()
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.removesuffix("UTC").strip())
    except ValueError:
        pass
    else:  # an offset, when written, is converted (not overwritten by UTC)
        return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    match = _US_DATE.match(text)
    if match is None:
        return None
    month, day, year, hour, minute, ampm = match.groups()
    y = int(year) + (2000 if len(year) == 2 else 0)
    h = int(hour) % 12 + (12 if ampm and ampm.lower() == "pm" else 0) if ampm else int(hour)
    try:
        return datetime(y, int(month), int(day), h, int(minute), tzinfo=UTC)
    except ValueError:
        return None


def is_profile(url: str) -> bool:
    return "linkedin.com/in/" in url.casefold()


def _excluded(row: dict[str, str]) -> str:
    """Why a message row is not an interaction ('' when it is one)."""
    if row.get("IS MESSAGE DRAFT", "").strip().casefold() in _YES:
        return "drafts"
    folder = row.get("FOLDER", "").strip().upper()
    if folder in EXCLUDED_FOLDERS:
        return "drafts" if folder.startswith("DRAFT") else f"{folder.lower()} messages"
    title = row.get("CONVERSATION TITLE", "").casefold()
    sender = row.get("SENDER PROFILE URL", "").strip()
    if "sponsored" in title or (sender and not is_profile(sender)):
        return "sponsored messages"
    return ""


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


class _Message:
    __slots__ = ("at", "conv", "recipients", "sender", "topic")

    def __init__(self, sender: str, recipients: list[str], conv: str, at: datetime,
                 topic: str) -> None:  # fmt: skip
        self.sender = sender
        self.recipients = recipients
        self.conv = conv
        self.at = at
        self.topic = topic


def read_linkedin(tree: Tree, messages: list[str], invitations: list[str]) -> ChannelResult:
    if not messages and not invitations:
        raise InputError(
            f"{tree.label} has no LinkedIn messages.csv or Invitations.csv "
            "(download 'Messages' and 'Invitations' in LinkedIn's data export)."
        )
    label = "LinkedIn messages" if messages else "LinkedIn invitations"
    result = ChannelResult(tree.label, "linkedin", label, me_inferred=True)
    names: dict[str, str] = {}  # profile key -> name
    urls: dict[str, str] = {}  # profile key -> URL as written
    seen_in: dict[str, set[str]] = {}  # profile key -> conversations
    rows: list[_Message] = []
    skipped: Counter[str] = Counter()
    for name in messages:
        where = tree.where(name)
        for line, row in csv_rows(tree, name):
            result.items += 1
            why = _excluded(row)
            if why:
                skipped[why] += 1
                continue
            at = parse_when(row.get("DATE", ""))
            if at is None:
                raise InputError(
                    f"{where}, line {line}: DATE '{row.get('DATE', '')[:30]}' is not a "
                    "date (expected like 2023-05-01 14:22:10 UTC)."
                )
            sender_url = row.get("SENDER PROFILE URL", "").strip()
            if not sender_url:
                skipped["messages with no sender profile"] += 1
                continue
            sender = linkedin_key(sender_url)
            conv = row.get("CONVERSATION ID", "").strip() or row.get("SUBJECT", "")
            recipient_urls = [u for u in _split(row.get("RECIPIENT PROFILE URLS", ""))
                              if is_profile(u)]  # fmt: skip
            recipient_names = _split(row.get("TO", ""))
            keys = []
            for i, url in enumerate(recipient_urls):
                key = linkedin_key(url)
                keys.append(key)
                urls.setdefault(key, url)
                if len(recipient_names) == len(recipient_urls):
                    names.setdefault(key, recipient_names[i])
            urls.setdefault(sender, sender_url)
            if row.get("FROM", "").strip():
                names[sender] = row["FROM"].strip()
            for key in (sender, *keys):
                seen_in.setdefault(key, set()).add(conv)
            topic = row.get("SUBJECT", "").strip() or first_words(row.get("CONTENT", ""))
            rows.append(_Message(sender, keys, conv, at, topic))
    invites: list[tuple[str, bool, datetime, str]] = []
    my_invites: Counter[str] = Counter()
    for name in invitations:
        where = tree.where(name)
        for line, row in csv_rows(tree, name):
            result.items += 1
            outgoing = row.get("Direction", "").strip().upper() == "OUTGOING"
            mine = row.get("inviterProfileUrl" if outgoing else "inviteeProfileUrl", "")
            theirs = row.get("inviteeProfileUrl" if outgoing else "inviterProfileUrl", "")
            their_name = row.get("To" if outgoing else "From", "").strip()
            at = parse_when(row.get("Sent At", ""))
            if at is None:
                raise InputError(
                    f"{where}, line {line}: Sent At '{row.get('Sent At', '')[:30]}' is not a date."
                )
            if is_profile(mine):
                my_invites[linkedin_key(mine)] += 1
            if not is_profile(theirs):
                skipped["invitations with no profile"] += 1
                continue
            key = linkedin_key(theirs)
            urls.setdefault(key, theirs.strip())
            if their_name:
                names.setdefault(key, their_name)
            message = first_words(row.get("Message", ""))
            topic = f"Invitation: {message}" if message else "LinkedIn invitation"
            invites.append((key, outgoing, at, topic))
    me = _me(seen_in, my_invites)
    result.me = [urls.get(me, me)] if me else []
    result.skipped = skipped
    collector = Collector()

    def contact_key(key: str) -> str:
        return result.add_contact(Contact(name=names.get(key, ""), linkedin_url=urls[key]))

    for msg in rows:
        if msg.sender == me:
            for other in msg.recipients:
                if other != me:
                    collector.add(contact_key(other), f"linkedin:{msg.conv}", msg.at,
                                  outgoing=True, topic=msg.topic)  # fmt: skip
        elif me in msg.recipients or not me:
            collector.add(contact_key(msg.sender), f"linkedin:{msg.conv}", msg.at,
                          outgoing=False, topic=msg.topic)  # fmt: skip
    for key, outgoing, at, topic in invites:
        if key != me:
            collector.add(contact_key(key), "linkedin:invitation", at, outgoing=outgoing,
                          topic=topic)  # fmt: skip
    collector.into(result)
    return result


def _me(seen_in: dict[str, set[str]], my_invites: Counter[str]) -> str:
    """Your profile: the inviter of your sent invitations, else in the most conversations."""
    if my_invites:
        return my_invites.most_common(1)[0][0]
    if not seen_in:
        return ""
    return max(seen_in, key=lambda k: len(seen_in[k]))
