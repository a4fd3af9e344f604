"""Snapchat's 'My Data': json/friends.json (friends only)."""

from __future__ import annotations

from netui.importers.registry import channel_format

FORMAT = channel_format(
    "snapchat", "Snapchat friends", order=250, hint="Snapchat's friends.json",
    module="netui.channels.social", find="snapchat_members", read="read_snapchat",
    suffixes=(".json",),
)  # fmt: skip
