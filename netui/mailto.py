"""The mail app: a mailto: link, whether a link can open here, and opening one (no shell)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from urllib.parse import quote, urlsplit

from netui.errors import InputError

ALLOWED_SCHEMES = frozenset({"mailto", "http", "https"})


def _q(text: str) -> str:
    return quote(text, safe="", errors="replace")


def mailto_url(to: str, subject: str, body: str) -> str:
    """A mailto: link with every part percent-encoded (RFC 6068: line breaks as CRLF)."""
    crlf = "\r\n".join(body.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    address = quote(to.strip(), safe="@", errors="replace")
    return f"mailto:{address}?subject={_q(subject)}&body={_q(crlf)}"


def can_open_links() -> bool:
    """False on a Unix box with no desktop (ssh, tmux on a server): there `webbrowser` falls
    back to a console browser that would take over netui's terminal."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_link(url: str, opener: Callable[[str], bool] | None = None) -> bool:
    """Open a mailto/http/https link with the system's handler (`webbrowser`, no shell)."""
    scheme = urlsplit(url).scheme.lower() if ":" in url else ""
    if scheme not in ALLOWED_SCHEMES:
        shown = scheme or "no scheme"
        raise InputError(f"netui only opens mailto, http and https links, not {shown}.")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise InputError("That link has spaces or control characters in it; not opened.")
    import webbrowser  # its import starts subprocess machinery: not at start-up

    return bool((opener or webbrowser.open)(url))
