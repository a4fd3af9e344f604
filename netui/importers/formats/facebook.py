"""Facebook's your_friends.json (older: friends.json), its text repaired."""

from __future__ import annotations

from netui.importers.registry import Format, channel_members, channel_read, register

FORMAT = register(
    Format(
        suffixes=(".json",),
        name="facebook", label="Facebook friends", kind="archive", order=260,
        hint="Facebook's your_friends.json",
        members=channel_members("netui.channels.social", "facebook_members"),
        read_tree=channel_read("netui.channels.social", "read_facebook"),
    )
)  # fmt: skip
