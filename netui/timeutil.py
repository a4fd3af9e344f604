"""Time helpers: UTC in storage, local time on screen, an injectable 'today'."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

STORAGE_FORMAT = "%Y-%m-%d %H:%M:%S"


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def format_utc(value: datetime) -> str:
    """Aware datetime -> storage text in UTC. A naive value is refused: it is a bug."""
    if value.tzinfo is None:
        raise ValueError("naive datetime given to storage; use an aware UTC datetime")
    return value.astimezone(UTC).strftime(STORAGE_FORMAT)


def parse_utc(text: str) -> datetime:
    """Storage text -> aware UTC. The stored shape ('YYYY-MM-DD HH:MM:SS') is read by
    fromisoformat (C, ~20x faster than strptime: Today reads thousands); anything else
    goes through the strict format and fails the same way as before."""
    head = text[:19]
    if len(head) == 19 and head[10] == " " and head[13] == ":" and head[16] == ":":
        try:
            return datetime.fromisoformat(head).replace(tzinfo=UTC)
        except ValueError:
            pass
    return datetime.strptime(head, STORAGE_FORMAT).replace(tzinfo=UTC)


def local_date(value: datetime) -> date:
    return value.astimezone().date()


def days_text(days: int) -> str:
    """A span of days in words: 'today', '1 day', '3 days', '2 weeks', '8 months', '2 years'."""
    if days <= 0:
        return "today"
    if days == 1:
        return "1 day"
    if days < 14:
        return f"{days} days"
    if days < 60:
        return f"{days // 7} weeks"
    if days < 730:
        return f"{days // 30} months"
    return f"{days // 365} years"


def days_ago(days: int) -> str:
    """'today', 'yesterday', '3 days ago', '2 weeks ago', '8 months ago', '2 years ago'."""
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days_text(days)} ago"


def relative_day(day: date, today: date) -> str:
    """'today', 'yesterday', 'in 3d', '5d ago', or the date for far ones."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == -1:
        return "yesterday"
    if delta == 1:
        return "tomorrow"
    if -60 < delta < 0:
        return f"{-delta}d ago"
    if 0 < delta < 60:
        return f"in {delta}d"
    return day.isoformat()


def week_start(day: date) -> date:
    """Monday of the day's week."""
    return day - timedelta(days=day.weekday())
