"""LinkedIn's full data export: messages.csv and Invitations.csv (known by their headers),
and the Connections.csv beside them (imported as people first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netui.importers.registry import channel_format

if TYPE_CHECKING:
    from netui.channels.sources import Tree


def contacts(tree: Tree) -> list[str]:
    """Connections.csv, which the full export holds beside the messages."""
    found = tree.find("connections.csv")
    return [n for n in found if n.rsplit("/", 1)[-1].casefold() == "connections.csv"]


FORMAT = channel_format(
    "linkedin-messages", "LinkedIn messages and invitations", order=220,
    hint="LinkedIn's messages.csv or Invitations.csv",
    module="netui.channels.linkedin", find="members", read="read_linkedin", contacts=contacts,
)  # fmt: skip
