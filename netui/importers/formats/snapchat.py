"""Snapchat's 'My Data': json/friends.json (friends only)."""

from __future__ import annotations

from netui.importers.registry import Format, channel_members, channel_read, register

FORMAT = register(
    Format(
        suffixes=(".json",),
        name="snapchat", label="Snapchat friends", kind="archive", order=250,
        hint="Snapchat's friends.json",
        members=channel_members("netui.channels.social", "snapchat_members"),
        read_tree=channel_read("netui.channels.social", "read_snapchat"),
    )
)  # fmt: skip
