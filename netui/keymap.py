"""User key bindings (`[keymap]` in settings.toml) and the theme: checking them (pure).

A binding id is an id in netui's key table (netui/keys.py; `netui keys` lists them);
its value is Textual's key string, several keys separated by commas: `quit = "ctrl+q,f10"`.
An entry that is wrong is left out with one notice naming it; netui always starts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def key_string_problem(keys: str) -> str | None:
    """Why `keys` is not a Textual key string, or None: 'ctrl+n', 'f2,question_mark', '?'."""
    parts = [part.strip() for part in keys.split(",")]
    for part in parts:
        if not part:
            return "has an empty key between commas"
        if any(ch.isspace() for ch in part):
            return f"'{part}' has a space in it (write ctrl+n, not ctrl + n)"
        if part.endswith("+") and len(part) > 1 and not part.endswith("++"):
            return f"'{part}' ends with + but names no key"
    return None


def check_keymap(
    keymap: Mapping[str, str], known_ids: Iterable[str] | None, source: str
) -> tuple[dict[str, str], list[str]]:
    """The entries to use, and one notice per entry left out. `known_ids`: the binding ids
    there are (netui.keys.binding_ids()); None checks only the key strings."""
    known = set(known_ids) if known_ids is not None else None
    good: dict[str, str] = {}
    notices: list[str] = []
    for binding_id, keys in keymap.items():
        problem = key_string_problem(keys)
        if problem is not None:
            notices.append(f'{source}: [keymap] {binding_id} = "{keys}" {problem}; ignored.')
        elif known is not None and binding_id not in known:
            notices.append(f"{source}: [keymap] {binding_id} is not a netui key binding; ignored.")
        else:
            good[binding_id] = keys
    return good, notices


def theme_notice(theme: str, available: Iterable[str], source: str) -> str | None:
    if not theme or theme in set(available):
        return None
    return f"{source}: theme '{theme}' is not a theme; using the default (ctrl+p, Theme)."
