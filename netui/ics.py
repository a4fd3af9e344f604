"""A meeting as an iCalendar (.ics) file, in the user's own time zone."""

from __future__ import annotations

import os
from datetime import date, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from icalendar import Alarm, Calendar, Event

from netui.enums import InteractionKind, MeetingStatus
from netui.errors import InputError
from netui.meeting import interaction_kind_for, local_zone

if TYPE_CHECKING:
    from netui.store import Store

MEETING_LENGTH = timedelta(hours=1)
PRODID = "-//netui//netui meetings//EN"


def meeting_ics(store: Store, meeting_id: int, *, zone: tzinfo | None = None) -> str:
    """One VEVENT (with its VTIMEZONE) for the meeting; times in `zone`, default local."""
    meeting = store.get_meeting(meeting_id)
    items = store.checklist(meeting_id)
    tz = zone or local_zone()
    start = meeting.starts_at.astimezone(tz)
    kind = interaction_kind_for(meeting.place)
    noun = "Coffee" if kind is InteractionKind.coffee else "Meeting"
    with_whom = meeting.person_name + (f" ({meeting.company})" if meeting.company else "")

    description = []
    if meeting.ask:
        description.append(f"My request: {meeting.ask}")
    if meeting.notes:
        description.append(f"Notes: {meeting.notes}")
    before = [i.text for i in items if i.phase == "before" and not i.done]
    if before:
        description.append("Before:\n" + "\n".join(f"- {t}" for t in before))

    event = Event()
    event.add("uid", f"netui-meeting-{meeting.id}-{meeting.person_id}@netui.invalid")
    event.add("dtstamp", store.now())
    event.add("dtstart", start)
    event.add("dtend", start + MEETING_LENGTH)
    event.add("summary", f"{noun} with {with_whom}")
    if meeting.where:
        event.add("location", meeting.where)
    if description:
        event.add("description", "\n\n".join(description))
    event.add("status", "CANCELLED" if meeting.status == MeetingStatus.cancelled else "CONFIRMED")
    reminder = Alarm()  # the chapter: confirm the day before
    reminder.add("action", "DISPLAY")
    reminder.add("description", f"Confirm tomorrow's meeting with {meeting.person_name}")
    reminder.add("trigger", timedelta(days=-1))
    event.add_component(reminder)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add_component(event)
    # Only the transitions around the meeting: a small VTIMEZONE every calendar app reads.
    calendar.add_missing_timezones(
        first_date=date(start.year - 1, 1, 1), last_date=date(start.year + 2, 1, 1)
    )
    return str(calendar.to_ical().decode("utf-8"))


def write_meeting_ics(store: Store, meeting_id: int, path: Path) -> Path:
    """Write the .ics to a new file readable only by the user (0600); never overwrite."""
    text = meeting_ics(store, meeting_id)
    target = path.expanduser()
    if target.exists():
        raise InputError(f"{target} already exists; choose a new file name.")
    if not target.parent.is_dir():
        raise InputError(f"{target.parent} is not a folder.")
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.chmod(target, 0o600)
    except FileExistsError:
        raise InputError(f"{target} already exists; choose a new file name.") from None
    except OSError as exc:
        raise InputError(f"Cannot write {target} ({exc.strerror}).") from None
    return target


def default_ics_name(store: Store, meeting_id: int) -> str:
    """'meeting-2026-12-01-priya-patel.ics' (local date)."""
    meeting = store.get_meeting(meeting_id)
    slug = "-".join("".join(c for c in w if c.isalnum()) for w in meeting.person_name.split())
    day = meeting.starts_at.astimezone().date().isoformat()
    return f"meeting-{day}-{slug.lower() or meeting.id}.ics"
