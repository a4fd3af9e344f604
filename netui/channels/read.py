"""Which archive a path is (from its contents and layout, not its name alone), and read it.

The archive formats are registered in `netui.importers.formats` (one module each); this is
the channels' view of them: `detect(tree)`, `is_archive(path)`, `read_archive(path)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from netui.channels.model import ChannelResult
from netui.channels.sources import Tree, open_tree
from netui.errors import InputError
from netui.importers.registry import Me, all_formats
from netui.importers.source import detect_archive, open_archive


def kinds() -> tuple[str, ...]:
    """The archive formats' names, in detection order."""
    return tuple(f.name for f in all_formats("archive"))


def kind_labels() -> dict[str, str]:
    return {f.name: f.label for f in all_formats("archive")}


def detect(tree: Tree) -> tuple[str, tuple[list[str], ...]] | None:
    """(format name, members) for the first archive format the tree holds, or None."""
    found = detect_archive(tree)
    return (found[0].name, found[1]) if found else None


def is_archive(path: Path) -> bool:
    """Whether a path is an archive netui reads (a quick look; never raises)."""
    try:
        with open_tree(path) as tree:
            return detect(tree) is not None
    except (InputError, OSError):
        return False


def read_archive(path: Path, *, my_emails: Iterable[str] = (), my_name: str = "") -> ChannelResult:
    """Read a mail, LinkedIn, WhatsApp, Instagram, Snapchat or Facebook archive."""
    return open_archive(path, me=Me(tuple(my_emails), my_name)).result
