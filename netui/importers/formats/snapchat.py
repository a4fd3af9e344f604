"""Snapchat's 'My Data': json/friends.json (friends only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netui.importers.registry import Format, Me, Members, register

if TYPE_CHECKING:  # the reader loads when an archive is looked at, not for `--help`
    from netui.channels.model import ChannelResult
    from netui.channels.sources import Tree


def members(tree: Tree) -> Members | None:
    from netui.channels import social

    found = social.snapchat_members(tree)
    return (found,) if found else None


def read(tree: Tree, parts: Members, me: Me) -> ChannelResult:
    from netui.channels import social

    return social.read_snapchat(tree, parts[0])


FORMAT = register(
    Format(
        suffixes=(".json",),
        name="snapchat", label="Snapchat friends", kind="archive", order=250,
        hint="Snapchat's friends.json", members=members, read_tree=read,
    )
)  # fmt: skip
