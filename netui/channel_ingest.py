"""Where an archive's contacts and evidence go: matching and merging, pure (no SQL).

Each contact either matches a person (by email, LinkedIn URL, phone, Instagram or
Snapchat handle, then the exact normalized full name; the first key that hits wins) and
its evidence lands on their timeline, or joins a candidate that shares a key with it, or
becomes a new candidate. Bulk senders never become anyone. Evidence is one entry per
(person or candidate, conversation, day): an entry already stored with the same count is
known; with a higher count (a newer archive) it grew. `plan_channel` works it all out from
what the database already holds (`Known`); the store reads `Known`, and writes the plan.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from netui.channels.model import CHANNEL_LABELS, ChannelResult, Contact, Evidence, handle_key
from netui.timeutil import days_text

WAITING, ADDED, MATCHED, SKIPPED, NOT_TECH = "waiting", "added", "matched", "skipped", "not_tech"
DECIDED = (SKIPPED, NOT_TECH)
STATUSES = (WAITING, ADDED, MATCHED, SKIPPED, NOT_TECH)

Target = tuple[str, int]  # ('person', id) or ('candidate', id); new candidates: id < 0


def person_keys(
    email: str, linkedin_url: str, phone: str, instagram: str, snapchat: str, full_name: str
) -> list[str]:
    """A stored person's keys, in the same shape as `Contact.keys()`."""
    return Contact(
        name=full_name, email=email, phone=phone, linkedin_url=linkedin_url,
        instagram=instagram, snapchat=snapchat,
    ).keys()  # fmt: skip


def contact_keys(result: ChannelResult) -> dict[str, list[str]]:
    """Each contact's keys in matching order (worked out once: the store looks them up, the
    plan routes by them)."""
    return {ckey: contact.keys() for ckey, contact in result.contacts.items()}


def needed_keys(keys_of: dict[str, list[str]]) -> list[str]:
    """Every key the archive's contacts have (what the store looks up)."""
    return sorted({k for keys in keys_of.values() for k in keys})


def is_bulk(contact: Contact) -> bool:
    # the mail reader loads here, not at every start (the store imports this module)
    from netui.channels.mail_headers import is_bulk_address

    return bool(contact.email) and is_bulk_address(contact.email)


def entry_summary(topic: str, count: int) -> str:
    """A stored conversation day as its timeline entry's summary (see `Evidence.summary`)."""
    return Evidence("", "", date.min, datetime.min, count, 0, topic).summary()


def entry_kind(channel: str) -> str:
    """The timeline kind of a channel's evidence."""
    return "email" if channel == "mail" else "message"


@dataclass
class Known:
    """What the database holds that an archive's contacts could hit."""

    person_keys: dict[str, int] = field(default_factory=dict)  # ambiguous names left out
    candidate_keys: dict[str, int] = field(default_factory=dict)
    candidate_person: dict[int, int] = field(default_factory=dict)  # added/matched -> person
    decisions: dict[str, str] = field(default_factory=dict)  # key -> skipped/not_tech
    # the stored values of each candidate an archive's key hit: FILLED_FIELDS, mutual, sources
    candidate_values: dict[int, tuple[tuple[str, ...], bool, str]] = field(default_factory=dict)
    # every key of each person, and of each candidate an archive's key hit (names checked)
    keys_of: dict[Target, set[str]] = field(default_factory=dict)
    # (target, conversation, day) -> (row id, count)
    evidence: dict[tuple[Target, str, date], tuple[int, int]] = field(default_factory=dict)


@dataclass
class NewCandidate:
    ref: int  # negative: the plan's own id until the store gives it a real one
    contact: Contact  # the archive's own until another sighting merges in (then a copy)
    keys: list[str]
    status: str = WAITING
    merged: bool = False


@dataclass
class CandidateUpdate:
    id: int
    contact: Contact  # fills what the candidate lacks
    keys: list[str]  # keys it did not have


@dataclass
class Entry:
    target: Target
    evidence: Evidence
    row_id: int = 0  # the stored row when it grew


@dataclass
class ChannelPlan:
    channel: str
    matched: dict[str, int] = field(default_factory=dict)  # contact key -> person id
    new_candidates: list[NewCandidate] = field(default_factory=list)
    updates: dict[int, CandidateUpdate] = field(default_factory=dict)
    known_candidates: set[int] = field(default_factory=set)
    new_entries: list[Entry] = field(default_factory=list)
    grown: list[Entry] = field(default_factory=list)
    known_entries: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


def plan_channel(
    result: ChannelResult, known: Known, keys_of: dict[str, list[str]] | None = None
) -> ChannelPlan:
    """Where each contact and each piece of evidence of an archive goes (see the module).
    `keys_of`: `contact_keys(result)`, when the caller has it."""
    keys_of = contact_keys(result) if keys_of is None else keys_of
    plan = ChannelPlan(result.channel, skipped=Counter(result.skipped))
    routes: dict[str, Target] = {}  # contact key -> target
    local: dict[str, Target] = {}  # keys claimed in this archive -> its target
    news: dict[int, NewCandidate] = {}

    def theirs(target: Target) -> Iterable[str]:
        """Every key a target has so far (for a name match's check)."""
        if target[1] < 0:
            return news[target[1]].keys
        update = plan.updates.get(target[1]) if target[0] == "candidate" else None
        stored = known.keys_of.get(target, ())
        return [*stored, *update.keys] if update is not None else stored

    for ckey, contact in result.contacts.items():
        if is_bulk(contact):
            from netui.channels.mail import BULK_REASON

            plan.skipped[BULK_REASON] += 1
            continue
        keys = keys_of[ckey]
        target = _route(keys, known, local, theirs)
        if target is None:
            ref = -(len(news) + 1)
            status = next((known.decisions[k] for k in keys if k in known.decisions), WAITING)
            news[ref] = NewCandidate(ref, contact, list(keys), status)
            plan.new_candidates.append(news[ref])
            target = ("candidate", ref)
        elif target[0] == "person":
            plan.matched[ckey] = target[1]
        elif target[1] < 0:
            fresh = news[target[1]]
            if not fresh.merged:  # never change the archive's own contact
                fresh.contact, fresh.merged = _copy(fresh.contact), True
            fresh.contact.absorb(contact)
            fresh.keys += [k for k in keys if k not in fresh.keys and k not in local]
        else:
            cid = target[1]
            plan.known_candidates.add(cid)
            fresh_keys = [k for k in keys if k not in known.candidate_keys and k not in local]
            update = plan.updates.get(cid)
            if update is None and (fresh_keys or _brings(contact, known, cid, plan.channel)):
                update = plan.updates[cid] = CandidateUpdate(cid, _copy(contact), [])
            if update is not None:
                update.contact.absorb(contact)
                update.keys += [k for k in fresh_keys if k not in update.keys]
        routes[ckey] = target
        for key in keys:
            local.setdefault(key, target)
    _plan_evidence(plan, result.evidence, routes, known)
    return plan


def _route(
    keys: list[str],
    known: Known,
    local: dict[str, Target],
    theirs: Callable[[Target], Iterable[str]],
) -> Target | None:
    """The person or candidate a contact with these keys is, in matching order. A full name
    alone is not enough against a different LinkedIn profile or handle: two people."""
    for key in keys:
        pid = known.person_keys.get(key)
        if pid is not None and not _two_people(key, keys, theirs, ("person", pid)):
            return ("person", pid)
    for key in keys:
        cid = known.candidate_keys.get(key)
        target: Target | None = ("candidate", cid) if cid is not None else local.get(key)
        if target is None or _two_people(key, keys, theirs, target):
            continue
        person = known.candidate_person.get(target[1])
        return ("person", person) if person is not None else target
    return None


SINGLE_KINDS = ("linkedin:", "instagram:", "snapchat:")  # one of each per person


def _two_people(
    key: str, keys: list[str], keys_of: Callable[[Target], Iterable[str]], target: Target
) -> bool:
    """Whether a match on `key` (a name) is refuted by a differing single-valued key."""
    if not key.startswith("name:"):
        return False
    theirs = set(keys_of(target))
    for kind in SINGLE_KINDS:
        mine = next((k for k in keys if k.startswith(kind)), None)
        if mine and mine not in theirs and any(k.startswith(kind) for k in theirs):
            return True
    return False


FILLED_FIELDS = ("name", "email", "linkedin_url", "phone", "instagram", "snapchat", "company",
                 "how_we_know", "detail")  # fmt: skip


def _brings(contact: Contact, known: Known, cid: int, channel: str) -> bool:
    """Whether a sighting of a stored candidate adds anything to it (else it is not
    written: a re-import touches no row)."""
    stored = known.candidate_values.get(cid)
    if stored is None:
        return True
    values, mutual, sources = stored
    if channel not in sources.split(",") or (contact.mutual and not mutual):
        return True
    return any(getattr(contact, f) and not v for f, v in zip(FILLED_FIELDS, values, strict=True))


def _copy(contact: Contact) -> Contact:
    copy = Contact()
    copy.absorb(contact)
    return copy


def _plan_evidence(
    plan: ChannelPlan, evidence: list[Evidence], routes: dict[str, Target], known: Known
) -> None:
    merged: dict[tuple[Target, str, date], Evidence] = {}
    copied: set[tuple[Target, str, date]] = set()
    for e in evidence:
        target = routes.get(e.contact)
        if target is None:
            continue  # a bulk sender, or a contact the reader did not list
        slot = (target, e.conversation, e.day)
        same = merged.get(slot)
        if same is None:
            merged[slot] = e
            continue
        if slot not in copied:  # two addresses of one person in one conversation that day
            copied.add(slot)
            same = merged[slot] = Evidence(same.contact, same.conversation, same.day, same.at,
                                           same.count, same.wrote, same.topic)  # fmt: skip
        same.count += e.count
        same.wrote += e.wrote
        same.at = max(same.at, e.at)
        same.topic = same.topic or e.topic
    stored_of = known.evidence
    for slot, e in merged.items():
        stored = stored_of.get(slot) if stored_of else None
        if stored is None:
            plan.new_entries.append(Entry(slot[0], e))
        elif e.count > stored[1]:
            plan.grown.append(Entry(slot[0], e, stored[0]))
        else:
            plan.known_entries += 1


# ---- words --------------------------------------------------------------------------------


def sources_text(sources: str) -> str:
    """'mail,whatsapp' -> 'mail, WhatsApp'."""
    return ", ".join(CHANNEL_LABELS.get(s, s) for s in sources.split(",") if s)


def short_date(day: date, today: date) -> str:
    """'12 Jun' this year, '12 Jun 2023' before."""
    text = f"{day.day} {day.strftime('%b')}"
    return text if day.year == today.year else f"{text} {day.year}"


def evidence_sentence(
    wrote: int, theirs: int, last: datetime | None, today: date, detail: str = ""
) -> str:
    """'you wrote 5 times, last 12 Jun; they replied', 'they wrote twice, last …', or the
    social detail ('mutual follow', 'friends since 2019') when there are no messages."""
    parts: list[str] = []
    when = f", last {short_date(last.astimezone(UTC).date(), today)}" if last else ""
    if wrote:
        parts.append(f"you wrote {_times(wrote)}{when}")
        if theirs:
            parts.append("they replied")
    elif theirs:
        parts.append(f"they wrote {_times(theirs)}{when}; you never replied")
    if detail:
        parts.append(detail)
    return "; ".join(parts) or "no messages"


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n:,} times"


def ago_text(last: datetime | None, today: date) -> str:
    """'3 weeks ago' for a last message ('' for none)."""
    if last is None:
        return ""
    days = (today - last.astimezone(UTC).date()).days
    return "today" if days <= 0 else f"{days_text(days)} ago"


def person_values(
    name: str, email: str, linkedin_url: str, phone: str, instagram: str, snapchat: str,
    company: str, how_we_know: str,
) -> dict[str, str]:  # fmt: skip
    """What the person form is prefilled with for a candidate (only what is known)."""
    handle = instagram or snapchat
    values = {
        "full_name": name or (f"@{handle_key(handle)}" if handle else "") or email or phone,
        "email": email, "linkedin_url": linkedin_url, "phone": phone,
        "instagram": instagram, "snapchat": snapchat, "company": company,
    }  # fmt: skip
    if how_we_know == "school":
        values["how_we_know"] = "school"
    return {k: v for k, v in values.items() if v}


def candidate_keys(
    name: str, email: str, linkedin_url: str, phone: str, instagram: str, snapchat: str
) -> list[str]:
    """A stored candidate's keys (the same shape as a contact's)."""
    return person_keys(email, linkedin_url, phone, instagram, snapchat, name)
