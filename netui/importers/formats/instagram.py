"""Instagram's 'Download your information': followers and following (JSON or HTML)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netui.importers.registry import Format, Me, Members, register

if TYPE_CHECKING:  # the reader loads when an archive is looked at, not for `--help`
    from netui.channels.model import ChannelResult
    from netui.channels.sources import Tree


def members(tree: Tree) -> Members | None:
    from netui.channels import social

    followers, following = social.instagram_members(tree)
    return (followers, following) if followers or following else None


def read(tree: Tree, parts: Members, me: Me) -> ChannelResult:
    from netui.channels import social

    return social.read_instagram(tree, parts[0], parts[1])


FORMAT = register(
    Format(
        suffixes=(".json", ".html"),
        name="instagram", label="Instagram followers and following", kind="archive",
        order=240, hint="Instagram's followers_1.json", members=members, read_tree=read,
    )
)  # fmt: skip
