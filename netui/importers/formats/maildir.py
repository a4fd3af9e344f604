"""A Maildir folder (cur/ and new/): headers only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netui.importers.registry import Format, Me, Members, register

if TYPE_CHECKING:  # the reader loads when an archive is looked at, not for `--help`
    from netui.channels.model import ChannelResult
    from netui.channels.sources import Tree


def members(tree: Tree) -> Members | None:
    from netui.channels import mail

    found = mail.maildir_messages(tree)
    return (found,) if found else None


def read(tree: Tree, parts: Members, me: Me) -> ChannelResult:
    from netui.channels import mail

    return mail.read_maildir(tree, parts[0], me.emails)


FORMAT = register(
    Format(
        name="maildir", label="Maildir folder", kind="archive", order=200,
        hint="a Maildir folder", members=members, read_tree=read,
    )
)  # fmt: skip
