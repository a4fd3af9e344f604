"""Instagram's 'Download your information': followers and following (JSON or HTML)."""

from __future__ import annotations

from netui.importers.registry import channel_format

FORMAT = channel_format(
    "instagram", "Instagram followers and following", order=240,
    hint="Instagram's followers_1.json",
    module="netui.channels.social", find="instagram_members", read="read_instagram",
    suffixes=(".json", ".html"),
)  # fmt: skip
