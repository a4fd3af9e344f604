"""Outlook CSV (Outlook.com and desktop Outlook)."""

from __future__ import annotations

from netui.importers import outlook
from netui.importers.registry import csv_format

FORMAT = csv_format("outlook", "Outlook CSV", order=120, hint="Outlook", flavour=outlook)
