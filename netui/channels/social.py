"""Social exports: Instagram followers/following, Snapchat friends, Facebook friends.

These name people (handles, display names) but hold no conversations: everyone found is a
candidate unless a person already has that handle or exact full name.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from netui.channels.model import ChannelResult, Contact, handle_key
from netui.channels.sources import Tree
from netui.errors import InputError

SNAPCHAT_OWN = frozenset({"teamsnapchat", "snapchat", "snapchatsupport", "myai", "my_ai",
                          "snapchatplus", "snapchat.support"})  # fmt: skip
_IG_HREF = re.compile(
    r"""href=["']https?://(?:www\.)?instagram\.com/(?:_u/)?([A-Za-z0-9._]+)/?["']"""
)


MAX_JSON = 64 << 20  # a friends or followers list is far smaller; a zip bomb is not read


def load_json(tree: Tree, name: str) -> Any:
    with tree.open(name) as fh:
        data = fh.read(MAX_JSON + 1)
    if len(data) > MAX_JSON:
        raise InputError(
            f"{tree.where(name)} is larger than {MAX_JSON >> 20} MB: too big for a list of "
            "friends or followers."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{tree.where(name)} is not UTF-8 text (byte {exc.start + 1}).") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{tree.where(name)}, line {exc.lineno}, column {exc.colno}: not valid JSON "
            f"({exc.msg})."
        ) from None
    except RecursionError:
        raise InputError(f"{tree.where(name)} is nested too deeply to be an export.") from None


def _check_entries(tree: Tree, name: str, entries: list[Any], what: str) -> None:
    """One sentence when a list has entries but none of them is an object (valid JSON, wrong
    shape: nothing would be read from it and the summary would say nothing was there)."""
    if entries and not any(isinstance(e, dict) for e in entries):
        raise InputError(f"{tree.where(name)} is JSON but its entries are not {what}.")


def _listed(tree: Tree, name: str, data: Any, keys: tuple[str, ...], what: str) -> list[Any]:
    """The list a member's JSON holds under the first of `keys` it has (`what`: the
    friends it lists); one sentence when there is none or its entries are not objects."""
    found = next((data[k] for k in keys if k in data), None) if isinstance(data, dict) else None
    if not isinstance(found, list):
        raise InputError(f"{tree.where(name)} has no '{keys[0]}' list.")
    _check_entries(tree, name, found, what)
    return found


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


# ---- Instagram ----------------------------------------------------------------------------


def instagram_members(tree: Tree) -> tuple[list[str], list[str]]:
    """(followers files, following files): JSON or HTML, anywhere in the tree."""
    followers: list[str] = []
    following: list[str] = []
    for name in tree.find(".json", ".html"):
        base = name.rsplit("/", 1)[-1].casefold()
        if re.fullmatch(r"followers(_\d+)?\.(json|html)", base):
            followers.append(name)
        elif re.fullmatch(r"following(_\d+)?\.(json|html)", base):
            following.append(name)
    return followers, following


def _ig_entries(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key, value in data.items():
            if key.startswith("relationships_") and isinstance(value, list):
                return value
    return []


def instagram_handle(entry: Any) -> str:
    """The username: `value`, else `title`, else the last part of `href`."""
    if not isinstance(entry, dict):
        return ""
    items = entry.get("string_list_data")
    first = items[0] if isinstance(items, list) and items and isinstance(items[0], dict) else {}
    value = _text(first.get("value")) or _text(entry.get("title"))
    if value:
        return handle_key(value)
    href = _text(first.get("href")).rstrip("/")
    return handle_key(href.rsplit("/", 1)[-1]) if href else ""


def _ig_handles(tree: Tree, name: str) -> list[str]:
    if name.casefold().endswith(".html"):
        text = tree.read_text(name)
        return [handle_key(html.unescape(h)) for h in _IG_HREF.findall(text)]
    data = load_json(tree, name)
    entries = _ig_entries(data)
    if not entries and data:
        raise InputError(
            f"{tree.where(name)} is JSON but not an Instagram followers/following list."
        )
    _check_entries(tree, name, entries, "Instagram accounts")
    handles = [h for h in (instagram_handle(e) for e in entries) if h]
    if entries and not handles:
        raise InputError(
            f"{tree.where(name)} is JSON but none of its entries names an Instagram account."
        )
    return handles


def read_instagram(tree: Tree, followers: list[str], following: list[str]) -> ChannelResult:
    if not followers and not following:
        raise InputError(
            f"{tree.label} has no Instagram followers_1.json or following.json "
            "(connections/followers_and_following in 'Download your information')."
        )
    result = ChannelResult(tree.label, "instagram", "Instagram followers and following")
    they_follow = {h for n in followers for h in _ig_handles(tree, n)}
    you_follow = {h for n in following for h in _ig_handles(tree, n)}
    result.items = len(they_follow) + len(you_follow)
    for handle in sorted(they_follow | you_follow):
        mutual = handle in they_follow and handle in you_follow
        detail = "mutual follow" if mutual else "follows you" if handle in they_follow else (
            "you follow them")  # fmt: skip
        result.add_contact(Contact(instagram=handle, detail=detail, mutual=mutual))
    return result


# ---- Snapchat -----------------------------------------------------------------------------


def snapchat_members(tree: Tree) -> list[str]:
    return [n for n in tree.find("friends.json") if _is_snapchat(tree, n)]


def _is_snapchat(tree: Tree, name: str) -> bool:
    return b'"Friends"' in tree.head(name, 65536) or b'"Friend Requests Sent"' in tree.head(
        name, 65536
    )


def read_snapchat(tree: Tree, members: list[str]) -> ChannelResult:
    if not members:
        raise InputError(f"{tree.label} has no Snapchat json/friends.json (from 'My Data').")
    result = ChannelResult(tree.label, "snapchat", "Snapchat friends")
    for name in members:
        data = load_json(tree, name)
        friends = _listed(tree, name, data, ("Friends",), "Snapchat friends")
        for what in ("Friend Requests Sent", "Deleted Friends", "Blocked Users"):
            value = data.get(what)
            if isinstance(value, list) and value:
                result.skipped[what.lower()] += len(value)
        for friend in friends:
            result.items += 1
            if not isinstance(friend, dict):
                continue
            username = handle_key(_text(friend.get("Username")))
            if not username or username in SNAPCHAT_OWN:
                result.skipped["Snapchat's own accounts"] += 1
                continue
            since = str(friend.get("Creation Timestamp") or "")[:4]
            result.add_contact(Contact(
                name=_text(friend.get("Display Name")), snapchat=username,
                detail=f"friends since {since}" if since.isdigit() else "friend",
            ))  # fmt: skip
    return result


# ---- Facebook -----------------------------------------------------------------------------


def repair(text: str) -> str:
    """Facebook's export stores UTF-8 bytes as Latin-1 escapes: 'JosÃ©' -> 'José'."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def facebook_members(tree: Tree) -> list[str]:
    found = []
    for name in tree.find("your_friends.json", "friends.json"):
        head = tree.head(name, 4096)
        if b'"friends_v2"' in head or b'"friends"' in head:
            found.append(name)
    return found


def read_facebook(tree: Tree, members: list[str]) -> ChannelResult:
    if not members:
        raise InputError(f"{tree.label} has no Facebook your_friends.json.")
    result = ChannelResult(tree.label, "facebook", "Facebook friends")
    for name in members:
        data = load_json(tree, name)
        friends = _listed(tree, name, data, ("friends_v2", "friends"), "Facebook friends")
        for friend in friends:
            result.items += 1
            if not isinstance(friend, dict) or not _text(friend.get("name")):
                result.skipped["friends without a name"] += 1
                continue
            name_ = repair(_text(friend["name"]))
            contact = Contact(name=name_, detail="Facebook friend")
            if not contact.key:
                result.skipped["single-word names (too weak to match)"] += 1
                continue
            result.add_contact(contact)
    return result
