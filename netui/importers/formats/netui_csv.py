"""netui's own CSV export (its header names): read back with every field."""

from __future__ import annotations

from netui.importers import spreadsheet
from netui.importers.registry import Format, register

FORMAT = register(
    Format(
        name="netui", label="netui CSV export", kind="contacts", order=100,
        choosable=False, mappable=True, known_names=spreadsheet.NAMES,
        header=spreadsheet.is_netui, parse_table=spreadsheet.parse,
    )
)  # fmt: skip
