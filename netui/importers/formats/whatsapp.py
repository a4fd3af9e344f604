"""A WhatsApp chat export: Android .txt or iOS _chat.txt (often in a zip)."""

from __future__ import annotations

from netui.importers.registry import channel_format

FORMAT = channel_format(
    "whatsapp", "WhatsApp chat", order=230, hint="a WhatsApp chat .txt",
    module="netui.channels.whatsapp", find="chat_members", read="read_whatsapp", me="name",
    suffixes=(".txt",),
)  # fmt: skip
