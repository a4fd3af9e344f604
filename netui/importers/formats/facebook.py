"""Facebook's your_friends.json (older: friends.json), its text repaired."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netui.importers.registry import Format, Me, Members, register

if TYPE_CHECKING:  # the reader loads when an archive is looked at, not for `--help`
    from netui.channels.model import ChannelResult
    from netui.channels.sources import Tree


def members(tree: Tree) -> Members | None:
    from netui.channels import social

    found = social.facebook_members(tree)
    return (found,) if found else None


def read(tree: Tree, parts: Members, me: Me) -> ChannelResult:
    from netui.channels import social

    return social.read_facebook(tree, parts[0])


FORMAT = register(
    Format(
        suffixes=(".json",),
        name="facebook", label="Facebook friends", kind="archive", order=260,
        hint="Facebook's your_friends.json", members=members, read_tree=read,
    )
)  # fmt: skip
