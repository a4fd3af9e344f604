"""LinkedIn's Connections.csv (both header versions; the preamble is skipped)."""

from __future__ import annotations

from netui.importers import linkedin
from netui.importers.registry import Format, register

FORMAT = register(
    Format(
        name="linkedin", label="LinkedIn connections", kind="contacts", order=110,
        hint="LinkedIn", known_names=linkedin.NAMES, header=linkedin.matches,
        parse_table=lambda table, _mapping: linkedin.parse(table),
    )
)  # fmt: skip
