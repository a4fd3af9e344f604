"""An mbox mail archive (Google Takeout's 'All mail Including Spam and Trash.mbox'), streamed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netui.importers.registry import Format, Members, channel_read, register

if TYPE_CHECKING:  # the reader loads when an archive is looked at, not for `--help`
    from netui.channels.sources import Tree

_NOT_MBOX = (".json", ".csv", ".html", ".zip", ".txt")


def members(tree: Tree) -> Members | None:
    """Files that start like an mbox: named .mbox, or the only file there is."""
    from netui.channels import mail

    names = tree.names()
    found = []
    for name in names:
        lower = name.casefold()
        if lower.endswith(_NOT_MBOX):
            continue
        if (lower.endswith(".mbox") or len(names) == 1) and mail.looks_like_mbox(
            tree.head(name, 4096)
        ):
            found.append(name)
    return (sorted(found),) if found else None


FORMAT = register(
    Format(
        suffixes=(".mbox",),
        name="mbox", label="mbox mail archive", kind="archive", order=210, hint="an .mbox",
        members=members, read_tree=channel_read("netui.channels.mail", "read_mbox", "emails"),
    )
)  # fmt: skip
