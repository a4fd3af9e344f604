"""Instagram's 'Download your information': followers and following (JSON or HTML)."""

from __future__ import annotations

from netui.importers.registry import Format, channel_members, channel_read, register

FORMAT = register(
    Format(
        suffixes=(".json", ".html"),
        name="instagram", label="Instagram followers and following", kind="archive",
        order=240, hint="Instagram's followers_1.json",
        members=channel_members("netui.channels.social", "instagram_members"),
        read_tree=channel_read("netui.channels.social", "read_instagram"),
    )
)  # fmt: skip
