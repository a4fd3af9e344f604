"""LinkedIn's full data export: messages.csv and Invitations.csv (known by their headers),
and the Connections.csv beside them (imported as people first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netui.importers.registry import Format, channel_members, channel_read, register

if TYPE_CHECKING:
    from netui.channels.sources import Tree


def contacts(tree: Tree) -> list[str]:
    """Connections.csv, which the full export holds beside the messages."""
    found = tree.find("connections.csv")
    return [n for n in found if n.rsplit("/", 1)[-1].casefold() == "connections.csv"]


FORMAT = register(
    Format(
        name="linkedin-messages", label="LinkedIn messages and invitations", kind="archive",
        order=220, hint="LinkedIn's messages.csv or Invitations.csv",
        members=channel_members("netui.channels.linkedin", "members"),
        read_tree=channel_read("netui.channels.linkedin", "read_linkedin"), contacts=contacts,
    )
)  # fmt: skip
