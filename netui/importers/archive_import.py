"""An archive through `netui import` and the Import screen: what they say and what they need.

Archives never add people: the store matches each contact to a person (evidence on their
timeline) or keeps it as a candidate for review (`Store.preview_channel` and
`Store.ingest_channel`, in netui/store/candidates.py). This module is the words both the CLI
and the screen use, and the typed view of those two store methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from netui.errors import InputError

if TYPE_CHECKING:
    from netui.channels.model import ChannelResult
    from netui.importers.source import ArchiveSource


class PreviewLike(Protocol):
    def lines(self) -> list[str]: ...


class SummaryLike(Protocol):
    def text(self) -> str: ...


class ChannelStore(Protocol):
    def preview_channel(self, result: ChannelResult) -> PreviewLike: ...

    def ingest_channel(self, result: ChannelResult) -> SummaryLike: ...


def channel_store(store: object, label: str) -> ChannelStore:
    """The store as the archive import uses it; one sentence if this build cannot save one."""
    if not (hasattr(store, "preview_channel") and hasattr(store, "ingest_channel")):
        raise InputError(
            f"This build reads a {label} but cannot save it (no candidates store in it)."
        )
    return cast("ChannelStore", store)


def has_channel_store(store: object) -> bool:
    return hasattr(store, "preview_channel") and hasattr(store, "ingest_channel")


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
