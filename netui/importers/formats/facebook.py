"""Facebook's your_friends.json (older: friends.json), its text repaired."""

from __future__ import annotations

from netui.importers.registry import channel_format

FORMAT = channel_format(
    "facebook", "Facebook friends", order=260, hint="Facebook's your_friends.json",
    module="netui.channels.social", find="facebook_members", read="read_facebook",
    suffixes=(".json",),
)  # fmt: skip
