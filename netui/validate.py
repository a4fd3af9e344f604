"""Field checks shared by the form, the CLI and importers (pure). Each error is a sentence."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlparse

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email_error(value: str) -> str | None:
    if value and not _EMAIL.match(value.strip()):
        return f"'{value}' is not an email address (like name@example.com)."
    return None


def url_error(value: str) -> str | None:
    if not value:
        return None
    parsed = urlparse(value.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return f"'{value}' is not a web address (it should start with https://)."
    return None


def date_error(value: str) -> str | None:
    if not value:
        return None
    try:
        date.fromisoformat(value.strip())
    except ValueError:
        return f"'{value}' is not a date (use YYYY-MM-DD)."
    return None


CADENCE_MAX_DAYS = 3650


def cadence_error(value: str) -> str | None:
    """Keep in touch every N days: a whole number from 0 (never) to ten years; '' is none."""
    text = value.strip()
    if text and not (text.isdigit() and int(text) <= CADENCE_MAX_DAYS):
        return (
            f"Keep in touch every 0 to {CADENCE_MAX_DAYS} days (0: never; empty: from "
            f"their closeness), not '{value}'."
        )
    return None


FIELD_CHECKS = {
    "email": email_error,
    "linkedin_url": url_error,
    "follow_up_on": date_error,
    "cadence_days": cadence_error,
}


def field_errors(values: dict[str, str]) -> dict[str, str]:
    """Every invalid field with its message; empty when all is well."""
    errors: dict[str, str] = {}
    for name, check in FIELD_CHECKS.items():
        message = check(values.get(name, "") or "")
        if message:
            errors[name] = message
    if "full_name" in values and not values["full_name"].strip():
        errors["full_name"] = "A name is required."
    return errors
