"""In-person meetings (pure): the default checklist, meeting times, and the one-screen brief."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from netui.enums import InteractionKind, MeetingStatus, Phase, closeness_label, role_label
from netui.errors import InputError
from netui.paths import assets_dir, config_dir
from netui.pipeline import approach_text, kind_label
from netui.timeutil import relative_day

CHECKLIST_FILE = "checklist.toml"
PHASES = (Phase.before, Phase.during, Phase.after)
PHASE_TITLES = {Phase.before: "Before", Phase.during: "During", Phase.after: "After"}
MAX_ITEM_LENGTH = 200
BRIEF_INTERACTIONS = 5

ChecklistDefaults = list[tuple[Phase, str]]

# ---- the default checklist -----------------------------------------------------------


def parse_checklist(text: str, source: str) -> dict[Phase, list[str]]:
    """A checklist TOML (`before = [...]`, `during`, `after`) -> items by phase."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{source}: not valid TOML ({exc}).") from None
    phases: dict[Phase, list[str]] = {}
    for key, value in raw.items():
        if key not in Phase.__members__:
            raise InputError(f"{source}: '{key}' is not a phase; use before, during or after.")
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(f"{source}: '{key}' must be a list of text items.")
        items = [v.strip() for v in value if v.strip()]
        for item in items:
            if len(item) > MAX_ITEM_LENGTH:
                raise InputError(
                    f"{source}: an item in '{key}' is over {MAX_ITEM_LENGTH} characters."
                )
        phases[Phase(key)] = items
    return phases


def _read_checklist(path: Path) -> dict[Phase, list[str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text.") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}).") from None
    return parse_checklist(text, str(path))


def load_default_checklist(folder: Path | None = None) -> ChecklistDefaults:
    """The shipped checklist, each phase replaced by the user's `checklist.toml` if it has it."""
    phases = _read_checklist(assets_dir() / CHECKLIST_FILE)
    user_file = (folder if folder is not None else config_dir()) / CHECKLIST_FILE
    if user_file.exists():
        phases.update(_read_checklist(user_file))
    return [(phase, text) for phase in PHASES for text in phases.get(phase, [])]


def clean_item_text(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InputError("A checklist item needs some text.")
    if len(cleaned) > MAX_ITEM_LENGTH:
        raise InputError(f"A checklist item is at most {MAX_ITEM_LENGTH} characters.")
    return cleaned


# ---- rows the store returns --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingRow:
    id: int
    person_id: int
    person_name: str
    company: str
    city: str
    starts_at: datetime  # aware, UTC
    place: str
    address: str
    ask: str
    notes: str
    status: MeetingStatus
    follow_up_owed: bool
    done_items: int
    total_items: int

    @property
    def progress(self) -> str:
        return f"{self.done_items}/{self.total_items}"

    @property
    def where(self) -> str:
        return ", ".join(part for part in (self.place, self.address) if part)


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    id: int
    meeting_id: int
    phase: Phase
    text: str
    done: bool
    position: int


def progress_text(items: list[ChecklistRow]) -> str:
    return f"{sum(item.done for item in items)}/{len(items)}"


# Items the meeting's own steps do, so the checklist closes its loop: marking it done with
# notes logs them, sending the follow-up sends it; and the one about the request is done only
# once there is a request (the chapter: "have a clear ask", "end with clear request").
_FOLLOW_UP_ITEM = re.compile(r"\bfollow[- ]?up|\bthank", re.IGNORECASE)
_LOG_ITEM = re.compile(r"\blog\b|\bnotes?\b|\bnext step", re.IGNORECASE)
_REQUEST_ITEM = re.compile(r"\brequest\b|\b(one|clear|the|your|my) ask\b", re.IGNORECASE)


def sent_with_follow_up(phase: Phase | str, text: str) -> bool:
    """'Send the follow-up email right away': ticked when the follow-up is sent."""
    return phase == Phase.after and bool(_FOLLOW_UP_ITEM.search(text))


def done_with_notes(phase: Phase | str, text: str) -> bool:
    """'Log notes and the next step': ticked when the meeting is marked done with notes."""
    return (
        phase == Phase.after
        and not sent_with_follow_up(phase, text)
        and bool(_LOG_ITEM.search(text))
    )


_PLACE_ITEM = re.compile(r"\b(pick|choose|find) (a|the) (place|cafe)\b", re.IGNORECASE)


def picks_place(phase: Phase | str, text: str) -> bool:
    """'Pick a place close to them': done once the meeting has a place."""
    return phase == Phase.before and bool(_PLACE_ITEM.search(text))


def needs_request(phase: Phase | str, text: str) -> bool:
    """'Prepare one clear request': it cannot be ticked while the meeting has no ask."""
    return phase == Phase.before and bool(_REQUEST_ITEM.search(text))


_NOT_COFFEE = re.compile(
    r"\b(office|hq|headquarters|campus|zoom|meet|video|call|lunch|dinner|restaurant|bar|pub"
    r"|brewery|park|walk)\b"
)


def interaction_kind_for(place: str) -> InteractionKind:
    """Logged as a coffee (the chapter's cafe), unless the place says office, lunch, a call…"""
    words = place.casefold()
    if not words.strip() or _NOT_COFFEE.search(words):
        return InteractionKind.meeting
    return InteractionKind.coffee


# ---- times: typed in local time, stored in UTC ----------------------------------------

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TIME = re.compile(r"^(\d{1,2})(?:[:h.](\d{2}))?\s*(am|pm)?$")


def parse_meeting_date(text: str, today: date) -> date:
    """'2026-12-01', 'today', 'tomorrow' or a weekday ('fri': the next one after today)."""
    word = text.strip().casefold()
    if word == "today":
        return today
    if word in ("tomorrow", "tmrw"):
        return today + timedelta(days=1)
    for weekday, name in enumerate(_WEEKDAYS):
        if len(word) >= 3 and name.startswith(word):
            ahead = (weekday - today.weekday() - 1) % 7 + 1
            return today + timedelta(days=ahead)
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise InputError(
            f"Date '{text.strip()}' is not a date: use 2026-12-01, today, tomorrow or a weekday."
        ) from None


def parse_meeting_time(text: str) -> time:
    """'10:00', '9:30', '15h30', '10am', '3:30pm', 'noon'."""
    word = text.strip().casefold().replace(" ", "")
    if word == "noon":
        return time(12, 0)
    match = _TIME.match(word)
    if match:
        hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
        if half and 1 <= hour <= 12:
            hour = hour % 12 + (12 if half == "pm" else 0)
        if hour < 24 and minute < 60 and (not half or int(match[1]) <= 12):
            return time(hour, minute)
    raise InputError(f"Time '{text.strip()}' is not a time: use 10:00, 9:30 or 3pm.")


def local_to_utc(day: date, at: time) -> datetime:
    """A wall-clock day and time here -> the aware UTC instant stored."""
    return datetime.combine(day, at).astimezone().astimezone(UTC)


def to_local(value: datetime) -> datetime:
    return value.astimezone()


def local_midnight_utc(day: date) -> datetime:
    """The UTC instant the local day starts (for 'from today on' queries)."""
    return local_to_utc(day, time(0, 0))


def format_when(value: datetime, today: date) -> str:
    """'Tue 1 Dec 10:00 (in 5d)' in local time."""
    local = to_local(value)
    return f"{local:%a} {local.day} {local:%b %H:%M} ({relative_day(local.date(), today)})"


def local_zone() -> tzinfo:
    """The user's time zone as an IANA zone (for calendars): TZ, then /etc/localtime."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return UTC


# ---- the brief ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonFacts:
    full_name: str
    first_name: str
    company: str
    title: str
    role: str
    closeness: str
    how_we_know: str
    how_we_know_text: str
    city: str
    notes: str
    stage: str
    next_step: str


@dataclass(frozen=True, slots=True)
class InteractionFacts:
    kind: str
    direction: str
    at: datetime  # aware UTC
    summary: str


@dataclass(frozen=True)
class Brief:
    """What to read in the 10 seconds before walking in."""

    name: str
    headline: str
    approach: str
    how_we_know: str
    when: str
    where: str
    ask: str
    notes: str  # what is noted about the person (clipped on the screen)
    stage: str
    meeting_notes: str = ""  # the meeting's own notes (the plan form's), shown whole
    last: list[str] = field(default_factory=list)
    progress: str = "0/0"
    still_to_do: list[str] = field(default_factory=list)


def approach_line(role: str, company: str) -> str:
    """'eng manager: pitch yourself (once you have caught up)' — the role, then the method."""
    return f"{role_label(role)}: {approach_text(role, company)}"


def _how_we_know(person: PersonFacts) -> str:
    how = person.how_we_know_text or (
        "" if person.how_we_know == "other" else f"from {person.how_we_know}"
    )
    closeness = closeness_label(person.closeness)
    return " · ".join(part for part in (how, closeness) if part)


def _interaction_line(item: InteractionFacts, today: date) -> str:
    arrow = {"out": "→ ", "in": "← "}.get(item.direction, "")
    day = relative_day(to_local(item.at).date(), today)
    summary = " ".join(item.summary.split())
    kind = kind_label(item.kind, item.direction)
    return f"{day}: {arrow}{kind}" + (f" — {summary}" if summary else "")


def build_brief(
    person: PersonFacts,
    meeting: MeetingRow,
    interactions: list[InteractionFacts],
    checklist: list[ChecklistRow],
    today: date,
) -> Brief:
    """Assemble the brief from plain data; `interactions` newest first."""
    title_at = " @ ".join(part for part in (person.title, person.company) if part)
    headline = " · ".join(part for part in (title_at, person.city) if part)
    open_before = [i.text for i in checklist if i.phase == Phase.before and not i.done]
    return Brief(
        name=person.full_name,
        headline=headline or "(no title or company yet)",
        approach=approach_line(person.role, person.company),
        how_we_know=_how_we_know(person) or "(not noted)",
        when=format_when(meeting.starts_at, today),
        where=meeting.where or "(no place yet: pick a cafe close to them)",
        ask=meeting.ask or "(no request planned: prepare one clear request)",
        notes=" ".join(person.notes.split()) or "(none)",
        stage=person.stage,
        meeting_notes=meeting.notes.strip(),
        last=[_interaction_line(i, today) for i in interactions[:BRIEF_INTERACTIONS]],
        progress=progress_text(checklist),
        still_to_do=open_before[:3],
    )


def _labelled(label: str, text: str) -> list[str]:
    """A labelled value of several lines, the later lines under the first (empty: none)."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return [f"{label if k == 0 else '':<9} {line}".rstrip() for k, line in enumerate(lines)]


def brief_lines(brief: Brief) -> list[str]:
    """The brief as plain text lines (CLI, tests, and the screen's body)."""
    lines = [
        brief.name,
        brief.headline,
        "",
        f"When      {brief.when}",
        f"Where     {brief.where}",
        f"Approach  {brief.approach}",
        f"Know via  {brief.how_we_know}",
        f"Stage     {brief.stage}",
        f"Ask       {brief.ask}",
        *_labelled("Notes", brief.meeting_notes),
        f"About     {brief.notes}",
        "",
        "Last together:" if brief.last else "Last together: nothing logged yet",
        *(f"  {line}" for line in brief.last),
        "",
        f"Checklist {brief.progress}"
        + (f" — still to do: {'; '.join(brief.still_to_do)}" if brief.still_to_do else ""),
    ]
    return lines
