"""LinkedIn's Connections.csv (both header versions; the preamble is skipped)."""

from __future__ import annotations

from netui.importers import linkedin
from netui.importers.registry import csv_format

FORMAT = csv_format(
    "linkedin", "LinkedIn connections", order=110, hint="LinkedIn", flavour=linkedin
)
