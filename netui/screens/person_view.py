"""What the Person screen shows, as text: the card, the plan, timeline and link options."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from textual.widgets.option_list import Option

from netui.enums import ROLE_LABELS, Closeness, Role, Stage
from netui.pipeline import approach_text, next_step
from netui.store.links import LinkRow
from netui.store.timeline import InteractionRow
from netui.store.value_rules import shown
from netui.textsafe import escape_markup as escape
from netui.timeutil import local_date, relative_day

STAGE_HINTS = {
    Stage.new: "not contacted yet",
    Stage.reconnecting: "you reached out",
    Stage.engaged: "you have talked",
    Stage.asked: "you asked for an intro or a referral",
    Stage.introduced: "they introduced you",
    Stage.referred: "they referred you",
    Stage.interviewing: "you are interviewing",
    Stage.done: "finished: keep in touch",
    Stage.paused: "not now; logging won't move it",
}


def _label(enum_value: str, labels: dict[Any, str]) -> str:
    return labels.get(enum_value, enum_value.replace("_", " "))


def unreadable_markup(unreadable: Sequence[tuple[str, Any, str]]) -> str:
    """The stored values netui cannot read, shown as they are, and how to fix them."""
    if not unreadable:
        return ""
    listed = "; ".join(
        f"{column.replace('_', ' ')} {escape(shown(value))} {why}"
        for column, value, why in unreadable
    )
    return f"\n[b $warning]Stored values netui cannot read:[/] {listed}. e edits them."


def work_markup(title: str, company: str) -> str:
    """What is known of their job, and what is not: an unknown company is not 'no job'."""
    if title and company:
        return f"{escape(title)} @ {escape(company)}"
    if title:
        return f"{escape(title)} [dim]@ company not noted (e adds it)[/dim]"
    if company:
        return f"[dim]title not noted @[/dim] {escape(company)}"
    return "[dim]job not noted: find out where they work (e adds it)[/dim]"


def card_markup(
    person: Any, company: str, today: date, unreadable: Sequence[tuple[str, Any, str]] = ()
) -> str:
    """Who they are: name, work, how you know them, channels, city, last contact."""
    name = f"[b]{escape(person.full_name)}[/b]"
    if person.is_stub:
        name += "  [dim](stub: only heard of)[/dim]"
    work = work_markup(person.title, company)
    closeness = Closeness(person.closeness).label
    how = person.how_we_know + (f": {person.how_we_know_text}" if person.how_we_know_text else "")
    about = f"{_label(person.role, dict(ROLE_LABELS))} · {closeness} · {escape(how)}"
    channels = [
        person.email,
        person.phone,
        "LinkedIn" if person.linkedin_url else "",
        f"IG {person.instagram}" if person.instagram else "",
        f"Snap {person.snapchat}" if person.snapchat else "",
        person.other_channel,
    ]
    reach = " · ".join(escape(c) for c in channels if c) or "[dim]no channel yet[/dim]"
    last = (
        f"last contact {relative_day(local_date(person.last_contact), today)}"
        if person.last_contact
        else "no contact logged"
    )
    place = " · ".join(x for x in (escape(person.city), last) if x)
    return "\n".join((name, work, about, reach, place)) + unreadable_markup(unreadable)


def follow_up_text(day: date | None, today: date) -> str:
    if day is None:
        return "no follow-up"
    when = relative_day(day, today)
    if day <= today:
        return f"[b $error]follow up {when}[/]"
    return f"follow up {when} ({day:%a %d %b})"


def plan_markup(
    person: Any,
    company: str,
    timeline: Sequence[InteractionRow],
    today: date,
    follow_up_days: int,
) -> str:
    """What to do: stage, follow-up, the approach and the next step."""
    stage = Stage(person.stage)
    step = next_step(
        stage,
        person.role,
        person.first_name or person.full_name.split()[0],
        company,
        timeline,
        today,
        follow_up_on=person.follow_up_on,
        follow_up_days=follow_up_days,
    )
    lines = [
        f"Stage [b]{stage.value}[/b] · {follow_up_text(person.follow_up_on, today)}",
        f"Approach: {escape(approach_text(Role(person.role), company))}",
        f"[b $accent]Next: [/]{escape(step)}",
    ]
    if person.next_step:
        lines.append(f"[dim]Your note:[/dim] {escape(person.next_step)}")
    return "\n".join(lines)


def link_options(links: Sequence[LinkRow]) -> list[Option]:
    options: list[Option] = []
    for link in links:
        shown = link.other_company and link.other_company not in link.other_name
        company = f" [dim]@ {escape(link.other_company)}[/dim]" if shown else ""
        stub = " [dim](stub)[/dim]" if link.other_is_stub else ""
        options.append(
            Option(
                f"{link.label} [b]{escape(link.other_name)}[/b]{company}{stub}",
                id=f"l{link.id}",
            )
        )
    if not options:
        options.append(Option("[dim]No links: k links someone they know.[/dim]", disabled=True))
    return options


def drafts_markup(drafts: Sequence[Any]) -> str:
    """The person's drafts (rows with intent/status/subject)."""
    if not drafts:
        return "[dim]No drafts: c composes a message.[/dim]"
    lines = []
    for draft in drafts[:4]:
        intent = str(getattr(draft, "intent", "draft")).replace("_", " ")
        status = str(getattr(draft, "status", ""))
        subject = str(getattr(draft, "subject", "") or "")
        lines.append(f"{escape(intent)} [dim]{escape(status)}[/dim] {escape(subject[:30])}")
    if len(drafts) > 4:
        lines.append(f"[dim]+{len(drafts) - 4} more[/dim]")
    lines.append("[dim]r reopens one[/dim]")
    return "\n".join(lines)


def meetings_markup(meetings: Sequence[Any], today: date) -> str:
    """The person's meetings (rows with starts_at, place, status)."""
    if not meetings:
        return "[dim]No meetings: m plans one.[/dim]"
    lines = []
    for meeting in meetings[:3]:
        starts = getattr(meeting, "starts_at", None)
        when = relative_day(local_date(starts), today) if starts is not None else ""
        status = str(getattr(meeting, "status", ""))
        place = str(getattr(meeting, "place", "") or "")
        owed = " [b $warning]follow-up owed[/]" if getattr(meeting, "follow_up_owed", False) else ""
        lines.append(f"{when} {escape(place[:18])} [dim]{escape(status)}[/dim]{owed}")
    if len(meetings) > 3:
        lines.append(f"[dim]+{len(meetings) - 3} more[/dim]")
    return "\n".join(lines)
