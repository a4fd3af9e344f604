"""Any spreadsheet CSV: columns guessed from their names, or mapped with --map."""

from __future__ import annotations

from netui.importers import spreadsheet
from netui.importers.registry import Format, register

FORMAT = register(
    Format(
        suffixes=(".csv", ".tsv", ".txt"),
        name="csv", label="spreadsheet CSV", kind="contacts", order=190, hint="any CSV",
        mappable=True, known_names=spreadsheet.NAMES, parse_table=spreadsheet.parse,
    )
)  # fmt: skip
