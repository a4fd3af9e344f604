"""Which archive a path is (from its contents and layout, not its name alone), and read it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from netui.channels import linkedin, mail, social, whatsapp
from netui.channels.model import ChannelResult
from netui.channels.sources import Tree, open_tree
from netui.errors import InputError

KINDS = ("maildir", "mbox", "linkedin", "whatsapp", "instagram", "snapchat", "facebook")
KIND_LABELS = {
    "maildir": "Maildir folder",
    "mbox": "mbox mail archive",
    "linkedin": "LinkedIn messages and invitations",
    "whatsapp": "WhatsApp chat",
    "instagram": "Instagram followers and following",
    "snapchat": "Snapchat friends",
    "facebook": "Facebook friends",
}
NOTHING_FOUND = (
    "{label} holds no archive netui reads (expected an .mbox or Maildir, LinkedIn's "
    "messages.csv or Invitations.csv, a WhatsApp chat .txt, Instagram's followers_1.json, "
    "Snapchat's friends.json or Facebook's your_friends.json)."
)


def mbox_members(tree: Tree) -> list[str]:
    found = []
    for name in tree.names():
        lower = name.casefold()
        if lower.endswith((".json", ".csv", ".html", ".zip", ".txt")):
            continue
        single = len(tree.names()) == 1
        if (lower.endswith(".mbox") or single) and mail.looks_like_mbox(tree.head(name, 4096)):
            found.append(name)
    return sorted(found)


def detect(tree: Tree) -> tuple[str, tuple[list[str], ...]] | None:
    """(kind, members) for the first archive kind the tree holds, or None."""
    maildir = mail.maildir_messages(tree)
    if maildir:
        return "maildir", (maildir,)
    mboxes = mbox_members(tree)
    if mboxes:
        return "mbox", (mboxes,)
    messages, invitations = linkedin.members(tree)
    if messages or invitations:
        return "linkedin", (messages, invitations)
    chats = whatsapp.chat_members(tree)
    if chats:
        return "whatsapp", (chats,)
    followers, following = social.instagram_members(tree)
    if followers or following:
        return "instagram", (followers, following)
    snaps = social.snapchat_members(tree)
    if snaps:
        return "snapchat", (snaps,)
    friends = social.facebook_members(tree)
    if friends:
        return "facebook", (friends,)
    return None


def is_archive(path: Path) -> bool:
    """Whether a path is an archive netui reads (a quick look; never raises)."""
    try:
        with open_tree(path) as tree:
            return detect(tree) is not None
    except (InputError, OSError):
        return False


def read_archive(path: Path, *, my_emails: Iterable[str] = (), my_name: str = "") -> ChannelResult:
    """Read a mail, LinkedIn, WhatsApp, Instagram, Snapchat or Facebook archive."""
    with open_tree(path) as tree:
        found = detect(tree)
        if found is None:
            raise InputError(NOTHING_FOUND.format(label=tree.label))
        kind, parts = found
        if kind == "maildir":
            return mail.read_maildir(tree, parts[0], my_emails)
        if kind == "mbox":
            return mail.read_mbox(tree, parts[0], my_emails)
        if kind == "linkedin":
            return linkedin.read_linkedin(tree, parts[0], parts[1])
        if kind == "whatsapp":
            return whatsapp.read_whatsapp(tree, parts[0], my_name)
        if kind == "instagram":
            return social.read_instagram(tree, parts[0], parts[1])
        if kind == "snapchat":
            return social.read_snapchat(tree, parts[0])
        return social.read_facebook(tree, parts[0])
