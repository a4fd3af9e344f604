"""Google Contacts CSV, current and legacy."""

from __future__ import annotations

from netui.importers import google
from netui.importers.registry import csv_format

FORMAT = csv_format("google", "Google Contacts CSV", order=130, hint="Google", flavour=google)
