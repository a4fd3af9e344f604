"""LinkedIn's full data export: messages.csv and Invitations.csv (known by their headers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netui.importers.registry import Format, Me, Members, register

if TYPE_CHECKING:  # the reader loads when an archive is looked at, not for `--help`
    from netui.channels.model import ChannelResult
    from netui.channels.sources import Tree


def members(tree: Tree) -> Members | None:
    from netui.channels import linkedin

    messages, invitations = linkedin.members(tree)
    return (messages, invitations) if messages or invitations else None


def read(tree: Tree, parts: Members, me: Me) -> ChannelResult:
    from netui.channels import linkedin

    return linkedin.read_linkedin(tree, parts[0], parts[1])


def contacts(tree: Tree) -> list[str]:
    """Connections.csv, which the full export holds beside the messages."""
    return [
        n
        for n in tree.find("connections.csv")
        if n.rsplit("/", 1)[-1].casefold() == "connections.csv"
    ]


FORMAT = register(
    Format(
        name="linkedin-messages", label="LinkedIn messages and invitations", kind="archive",
        order=220, hint="LinkedIn's messages.csv or Invitations.csv",
        members=members, read_tree=read, contacts=contacts,
    )
)  # fmt: skip
