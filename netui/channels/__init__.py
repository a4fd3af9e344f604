"""Conversation and social archives (pure, streamed): who you talked to, and when.

Each reader turns one archive (a file, a folder or a zip, read without unpacking) into a
`ChannelResult`: the correspondents or handles found (`Contact`) and the evidence of contact
(`Evidence`: one per conversation per day). The store matches contacts to people or keeps
them as candidates for review; archives never add people on their own.
"""

from __future__ import annotations

from netui.channels.model import ChannelResult, Contact, Evidence

__all__ = ["ChannelResult", "Contact", "Evidence"]
