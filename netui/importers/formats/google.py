"""Google Contacts CSV, current and legacy."""

from __future__ import annotations

from netui.importers import google
from netui.importers.registry import Format, register

FORMAT = register(
    Format(
        name="google", label="Google Contacts CSV", kind="contacts", order=130, hint="Google",
        known_names=google.NAMES, header=google.matches,
        parse_table=lambda table, _mapping: google.parse(table),
    )
)  # fmt: skip
