"""Keeping in touch (pure): how often to be in touch with someone, and the day they go cold.

The cadence comes from the person's own setting, else from their closeness (settings);
Today's "Going cold" and the person form read it from here.
"""

from __future__ import annotations

from datetime import date, timedelta

from netui.enums import Closeness
from netui.settings import Settings

NEVER = 0  # a cadence of 0 days: no reminder to keep in touch


def cadence_table(settings: Settings) -> dict[str, int]:
    """Days between contacts before someone is going cold, by closeness (settings)."""
    return {
        Closeness.close: settings.cadence_close_days,
        Closeness.friend: settings.cadence_friend_days,
        Closeness.acquaintance: settings.cadence_acquaintance_days,
        Closeness.met_once: settings.cadence_met_once_days,
    }


def cadence_for(closeness: str, override: int | None, table: dict[str, int]) -> int:
    """The person's own cadence if set, else their closeness's (0: never)."""
    if override is not None:
        return max(override, NEVER)
    return table.get(closeness, NEVER)


def keep_in_touch_due(
    last_contact: date | None, cadence: int, snooze_until: date | None
) -> date | None:
    """The day they go cold: last contact + cadence, or the snooze's end if snoozed.

    No contact yet (only imported, never talked to) is not "going cold": reaching out to
    them is the pipeline's first step, not a lapse. A cadence of 0 never goes cold.
    """
    if cadence <= NEVER or last_contact is None:
        return None
    if snooze_until is not None:
        return snooze_until
    return last_contact + timedelta(days=cadence)


def cadence_text(days: int) -> str:
    """'every 3 weeks', 'every 3 months', 'never'."""
    if days <= NEVER:
        return "never"
    if days % 30 == 0 and days >= 60:
        return f"every {days // 30} months"
    if days % 7 == 0:
        return "every week" if days == 7 else f"every {days // 7} weeks"
    return f"every {days} days"
