"""A Maildir folder (cur/ and new/): headers only."""

from __future__ import annotations

from netui.importers.registry import channel_format

FORMAT = channel_format(
    "maildir", "Maildir folder", order=200, hint="a Maildir folder",
    module="netui.channels.mail", find="maildir_messages", read="read_maildir", me="emails",
)  # fmt: skip
