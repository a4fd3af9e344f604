"""What a path calls for (pure), and the one line that explains it.

'Priya Patel (close friend, coffee 3 days ago) → knows Dana Ruiz, engineer at Stripe →
pitch': the Paths screen and `netui paths` say the same words, from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from netui.enums import Closeness, InteractionKind, Role, role_label
from netui.network import Contact, Network, Path, PathKind
from netui.pipeline import Approach, approach_for
from netui.timeutil import days_ago

CLOSENESS_WORDS: Mapping[str, str] = {
    Closeness.close: "close friend",
    Closeness.friend: "friend",
    Closeness.acquaintance: "acquaintance",
    Closeness.met_once: "met once",
}

APPROACH_WORDS: Mapping[Approach, str] = {
    Approach.pitch: "pitch",
    Approach.intro: "ask for an intro",
    Approach.find_out: "find out what they do",
}
"""The last part of an explanation: what the path is for, from the last person's role."""

_KIND_WORDS: Mapping[str, str] = {
    InteractionKind.reply: "their reply",
    InteractionKind.referral: "referral",
}


@dataclass(frozen=True, slots=True)
class NextMove:
    """The message a path calls for: to whom, which intent, and whom to name in it."""

    person_id: int
    intent: str  # a compose.Intent value
    target_id: int | None = None  # the person to ask an introduction to, if one is known


def next_move(path: Path, network: Network) -> NextMove:
    """Pitch someone who works there and can refer you; anyone else: ask for an intro,
    naming the next person on the path when there is one."""
    first = network.people[path.first]
    if path.kind is PathKind.direct and approach_for(first.role) is Approach.pitch:
        return NextMove(first.id, "pitch")
    target = path.people[1] if path.hops else None
    return NextMove(first.id, "intro", target)


def tie_words(person: Contact) -> str:
    """'close friend, coffee 3 days ago' / 'acquaintance, nothing logged yet'."""
    closeness = CLOSENESS_WORDS.get(person.closeness, person.closeness)
    if person.days_since is None:
        return f"{closeness}, nothing logged yet"
    kind = _KIND_WORDS.get(person.last_kind, person.last_kind or "last talked")
    return f"{closeness}, {kind} {days_ago(int(person.days_since))}"


def who(person: Contact, network: Network) -> str:
    """'Dana Ruiz, engineer at Stripe'; a stub already says where: "Sam's roommate at Stripe"."""
    at = network.companies.get(person.company_id or 0, "")
    if at and at.casefold() in person.name.casefold():
        return person.name
    what = person.title or (role_label(person.role) if person.role != Role.unknown else "")
    if what and at:
        return f"{person.name}, {what} at {at}"
    if at:
        return f"{person.name} at {at}"
    return f"{person.name}, {what}" if what else person.name


def explain(path: Path, network: Network) -> str:
    """One line, e.g. 'Priya Patel (close friend, coffee 3 days ago) → knows Dana Ruiz,
    engineer at Stripe → pitch'."""
    people = network.people
    first = people[path.first]
    company = network.companies.get(path.company_id, "")
    head = f"{first.name} ({tie_words(first)})"
    if path.kind is PathKind.direct:
        what = f" as {first.title}" if first.title else ""
        action = APPROACH_WORDS[approach_for(first.role)]
        return f"{head} works at {company}{what} → {action}"
    if path.kind is PathKind.former:
        return f"{head} used to work at {company} → {APPROACH_WORDS[Approach.intro]}"
    steps = [head]
    for index, phrase in enumerate(network.phrases(path), start=1):
        person = people[path.people[index]]
        last = index == len(path.people) - 1
        steps.append(f"{phrase} {who(person, network) if last else person.name}")
    target = people[path.target]
    return " → ".join([*steps, APPROACH_WORDS[approach_for(target.role)]])
