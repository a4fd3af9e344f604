"""netui's own JSON export: a whole network, restored with `Store.restore_json`."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from netui.errors import InputError
from netui.importers.registry import Format, register


def sniff(path: PurePath, text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[") or path.suffix.lower() == ".json"


def load_text(text: str, source: str) -> dict[str, Any]:
    """The export's data, checked for shape (the store checks the rows)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})."
        ) from None
    except RecursionError:
        raise InputError(
            f"{source} is nested too deeply to be a netui export (lists within lists)."
        ) from None
    except ValueError as exc:  # Python refuses integers of more than 4,300 digits
        what = "a number of more than 4,300 digits" if "digits" in str(exc) else "a bad value"
        raise InputError(f"{source} holds {what}; it is not a netui export.") from None
    if (
        not isinstance(data, dict)
        or data.get("format") != "netui"
        or not isinstance(data.get("tables"), dict)
    ):
        raise InputError(f"{source} is JSON but not a netui export (no 'tables').")
    return data


FORMAT = register(
    Format(
        suffixes=(".json",),
        name="json", label="netui JSON export", kind="restore", order=20,
        hint="a netui JSON export", sniff=sniff, load=load_text,
    )
)  # fmt: skip
