"""A WhatsApp chat export: Android .txt or iOS _chat.txt (often in a zip)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netui.importers.registry import Format, Me, Members, register

if TYPE_CHECKING:  # the reader loads when an archive is looked at, not for `--help`
    from netui.channels.model import ChannelResult
    from netui.channels.sources import Tree


def members(tree: Tree) -> Members | None:
    from netui.channels import whatsapp

    chats = whatsapp.chat_members(tree)
    return (chats,) if chats else None


def read(tree: Tree, parts: Members, me: Me) -> ChannelResult:
    from netui.channels import whatsapp

    return whatsapp.read_whatsapp(tree, parts[0], me.name)


FORMAT = register(
    Format(
        suffixes=(".txt",),
        name="whatsapp", label="WhatsApp chat", kind="archive", order=230,
        hint="a WhatsApp chat .txt", members=members, read_tree=read,
    )
)  # fmt: skip
