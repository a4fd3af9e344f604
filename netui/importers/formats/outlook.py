"""Outlook CSV (Outlook.com and desktop Outlook)."""

from __future__ import annotations

from netui.importers import outlook
from netui.importers.registry import Format, register

FORMAT = register(
    Format(
        name="outlook", label="Outlook CSV", kind="contacts", order=120, hint="Outlook",
        known_names=outlook.NAMES, header=outlook.matches,
        parse_table=lambda table, _mapping: outlook.parse(table),
    )
)  # fmt: skip
