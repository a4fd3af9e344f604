"""A Maildir folder (cur/ and new/): headers only."""

from __future__ import annotations

from netui.importers.registry import Format, channel_members, channel_read, register

FORMAT = register(
    Format(
        name="maildir", label="Maildir folder", kind="archive", order=200,
        hint="a Maildir folder",
        members=channel_members("netui.channels.mail", "maildir_messages"),
        read_tree=channel_read("netui.channels.mail", "read_maildir", "emails"),
    )
)  # fmt: skip
