"""A WhatsApp chat export: Android .txt or iOS _chat.txt (often in a zip)."""

from __future__ import annotations

from netui.importers.registry import Format, channel_members, channel_read, register

FORMAT = register(
    Format(
        suffixes=(".txt",),
        name="whatsapp", label="WhatsApp chat", kind="archive", order=230,
        hint="a WhatsApp chat .txt",
        members=channel_members("netui.channels.whatsapp", "chat_members"),
        read_tree=channel_read("netui.channels.whatsapp", "read_whatsapp", "name"),
    )
)  # fmt: skip
