"""An archive through `netui import` and the Import screen: the words both say about it.

Archives never add people: the store matches each contact to a person (evidence on their
timeline) or keeps it as a candidate for review (`Store.preview_channel` and
`Store.ingest_channel`, in netui/store/candidates.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netui.channels.model import ChannelResult
    from netui.importers.source import ArchiveSource


_NOUNS = {
    "mail": ("message", "messages"),
    "linkedin": ("row", "rows"),
    "whatsapp": ("message", "messages"),
}


def read_line(source: ArchiveSource) -> str:
    """'takeout.mbox: mbox mail archive, 1,204 messages, 310 people, 980 conversation days'."""
    result = source.result
    one, many = _NOUNS.get(result.channel, ("entry", "entries"))
    people = len(result.contacts)
    parts = [
        f"{result.items:,} {one if result.items == 1 else many}",
        f"{people:,} {'person' if people == 1 else 'people'}",
    ]
    if result.evidence:
        days = len(result.evidence)
        parts.append(f"{days:,} conversation {'day' if days == 1 else 'days'}")
    return f"{source.path.name}: {source.label}, {', '.join(parts)}"


def also_line(source: ArchiveSource) -> str:
    """'It also holds, not read: WhatsApp chat; Instagram followers …' ('' when it holds
    one archive): netui reads one archive at a time."""
    if not source.also:
        return ""
    return (
        f"It also holds, not read: {'; '.join(source.also)} (netui reads one archive at a "
        "time: import each on its own)."
    )


def identity_line(result: ChannelResult) -> str:
    """Who netui takes you to be in the archive, and whether it guessed ('' when it needs
    nobody: Instagram, Snapchat and Facebook lists hold only the others)."""
    if result.channel in ("instagram", "snapchat", "facebook"):
        return ""
    if not result.me:
        if result.channel == "mail":
            return (
                "You: not found in it (no address is in most messages); set my_emails in "
                "settings (, in the app) to your addresses."
            )
        return "You: not found in it; every correspondent counts as someone else."
    more = len(result.me) - 3
    shown = ", ".join(result.me[:3]) + (f" and {more} more" if more > 0 else "")
    if not result.me_inferred:
        return f"You: {shown} (from your settings)."
    how = {
        "mail": "the address in most messages; set my_emails in settings to change it",
        "linkedin": "the profile in every conversation",
    }.get(result.channel, "guessed from the archive")
    return f"You: {shown} (guessed: {how})."
