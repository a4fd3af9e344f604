"""Plan an import: match each record to a person already there, or to a new one (no writes).

Keys are preloaded into dicts (no per-row query): LinkedIn URL, then email, then phone, then
normalized name + company. A match fills empty fields; a different company or title is kept
and noted as a job change ("Now at X (was Y)") when the same kind of source reported
something else before (store/reported_jobs.py). Only the first row of a file that matches a
person may change their job, so importing the same file twice changes nothing.

Matching never merges two distinct people (`Planner.distinct` says when two are):
- a LinkedIn URL is one person; two different URLs are two people, whatever else agrees;
- a shared email or phone merges only people whose names agree (`names_agree`: "Bea Ee",
  "Beatrice E." and "B. Ee" agree; "John Smith" and "Mary Smith" sharing a family email
  do not), and never against a different email;
- the same name at the same company is two people when the role, the email or the phone
  says so (an engineer and a recruiter both called John Smith at Google);
- only the LinkedIn URL matches a row to a person an earlier row of the same file made or
  matched: every other row of a file is its own person, so exporting any set of people and
  importing it into an empty database gives the same people back.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from netui.enums import HowWeKnow
from netui.gcpause import paused_gc as paused_gc  # (store.candidates imports it from here)
from netui.names import (
    company_key,
    first_name_of,
    fold,
    linkedin_key,
    names_agree,
    person_key,
    phone_key,
)
from netui.person_spec import ENUM_DEFAULTS, FIELDS, FILL_FIELDS, IMPORT_COLUMNS
from netui.roles import infer_role
from netui.store.reported_jobs import load_reports, reported_change
from netui.textsafe import NAME_FIELDS, UNSAFE, clean_line

if TYPE_CHECKING:
    from netui.importers.record import Record

# person columns the importer reads and writes, in INSERT order (from the person spec)
COLUMNS = IMPORT_COLUMNS
NEW_FIELDS = tuple(c for c in COLUMNS if c != "company_id")  # a Slot's values
DATE_FIELDS = tuple(c for c in NEW_FIELDS if FIELDS[c].kind is date)  # follow_up_on, connected_on

_NON_WORD = re.compile(r"[^\w]+")


def fast_person_key(name: str) -> str:
    """names.person_key, with a shortcut for ASCII names (the same result, 5x faster)."""
    if not name.isascii():
        return person_key(name)
    return " ".join(sorted(w for w in _NON_WORD.split(name.lower()) if w))


cached_company_key = lru_cache(maxsize=65536)(company_key)


@lru_cache(maxsize=65536)
def cached_role(title: str) -> str:
    """infer_role(title).value (a network repeats its titles)."""
    return infer_role(title).value


_PERSON_SQL = (
    "SELECT p.id, "
    + ", ".join(f"p.{c}" for c in COLUMNS)
    + ", coalesce(c.name_key, '') FROM person p LEFT JOIN company c ON c.id = p.company_id"
)
_KEY_SQL = "SELECT id, {0} FROM person WHERE {0} != ''"  # a partial index each
_NAMES_SQL = "SELECT id, full_name FROM person WHERE company_id IS ?"


@dataclass(slots=True)
class Slot:
    """One person the import touches: already in the database (id set) or new."""

    id: int | None
    values: dict[str, Any]  # COLUMNS except company_id
    company_key: str
    line: int = 0
    touched: bool = False  # matched or created by an earlier row of this import
    changed: bool = False
    job_change: str = ""
    reported: tuple[str, str] | None = None  # (company key, title) this file says first


@dataclass(frozen=True, slots=True)
class Outcome:
    line: int
    action: str  # new, updated, unchanged
    name: str
    detail: str = ""


@dataclass
class ImportPlan:
    new: list[Slot] = field(default_factory=list)
    updated: list[Slot] = field(default_factory=list)
    matched: list[Slot] = field(default_factory=list)  # people already there a row reached
    outcomes: list[Outcome] = field(default_factory=list)
    companies: dict[str, str] = field(default_factory=dict)  # name_key -> name, to create
    company_ids: dict[str, int] = field(default_factory=dict)  # name_key -> id, existing

    counts: dict[str, int] = field(default_factory=dict)  # action -> outcomes with it

    def count(self, action: str) -> int:
        return self.counts.get(action, 0)


class Planner:
    """Holds every key of every person as dicts; `add(record)` matches or creates."""

    def __init__(
        self, conn: sqlite3.Connection, how_we_know: str = "", source_kind: str = ""
    ) -> None:
        self.plan = ImportPlan()
        # With a source kind, only that kind reporting a new job changes it (reported_jobs)
        self.source_kind = source_kind
        self.reports = load_reports(conn, source_kind) if source_kind else {}
        word = how_we_know.lower()
        self.how_we_know = word if word in HowWeKnow.__members__ else ""
        self.how_we_know_text = "" if self.how_we_know else how_we_know
        self.company_names: dict[str, str] = {}
        self.alias_keys: dict[str, str] = {}
        for cid, name, key, aliases in conn.execute(
            "SELECT id, name, name_key, aliases FROM company"
        ):
            self.plan.company_ids[key] = cid
            self.company_names[key] = name
            for alias in str(aliases).splitlines():
                if company_key(alias):
                    self.alias_keys.setdefault(company_key(alias), key)
        self.conn = conn
        self.slots: dict[int, Slot] = {}
        self.by_linkedin: dict[str, Slot | int] = {}
        self.by_email: dict[str, list[int]] = {}
        self.by_phone: dict[str, list[int]] = {}
        self.by_name: dict[tuple[str, str], list[int]] = {}
        # Each key from its own partial index (people with no email cost nothing); name keys
        # per company, read when a record at that company first needs them: the part that
        # would grow with the database is read only where the file's people work.
        # (Candidates are tried oldest first, as a scan of the table would list them.)
        for pid, url in conn.execute(_KEY_SQL.format("linkedin_url")):
            lkey = linkedin_key(url)
            known = self.by_linkedin.get(lkey)
            if known is None or (isinstance(known, int) and pid < known):
                self.by_linkedin[lkey] = pid
        for pid, email in conn.execute(_KEY_SQL.format("email")):
            self.by_email.setdefault(email.casefold(), []).append(pid)
        for pid, phone in conn.execute(_KEY_SQL.format("phone")):
            if pkey := phone_key(phone):
                self.by_phone.setdefault(pkey, []).append(pid)
        for index in (self.by_email, self.by_phone):
            for ids in index.values():
                if len(ids) > 1:
                    ids.sort()
        self.named: set[str] = set()  # company keys whose people's name keys are in by_name

    # ---- keys -------------------------------------------------------------------------

    def _same_name(self, name: str, ckey: str) -> list[int] | None:
        """Ids of the people at company `ckey` ('' for none) with the same person_key."""
        if ckey not in self.named:
            self.named.add(ckey)
            cid = self.plan.company_ids.get(ckey)
            if cid is not None or not ckey:
                for pid, their_name in self.conn.execute(_NAMES_SQL, (cid,)):
                    self.by_name.setdefault((fast_person_key(their_name), ckey), []).append(pid)
        if not self.by_name:
            return None
        return self.by_name.get((fast_person_key(name), ckey))

    def canonical_company(self, name: str) -> tuple[str, str]:
        """(name_key, display name) for a company, resolving aliases; ('', '') for none."""
        key = cached_company_key(name)
        if not key:
            return "", ""
        key = self.alias_keys.get(key, key) if key not in self.company_names else key
        return key, self.company_names.get(key) or self.plan.companies.get(key) or name.strip()

    def _slot(self, target: Slot | int) -> Slot:
        if isinstance(target, Slot):
            return target
        slot = self.slots.get(target)
        if slot is None:
            row = self.conn.execute(_PERSON_SQL + " WHERE p.id = ?", (target,)).fetchone()
            values = dict(zip(COLUMNS, row[1:-1], strict=True))
            values.pop("company_id")
            slot = Slot(id=target, values=values, company_key=row[-1])
            self.slots[target] = slot
        return slot

    def match(self, record: Record, ckey: str, lkey: str = "") -> Slot | None:
        """The person this record is, or None for a new one (see the module's rules).
        `lkey`: the record's linkedin_key, when the caller has it."""
        lkey = lkey or (linkedin_key(record.linkedin_url) if record.linkedin_url else "")
        if lkey and lkey in self.by_linkedin:
            return self._slot(self.by_linkedin[lkey])
        # (an empty index is not asked: a first import into an empty database skips the keys)
        email, phone = record.email, record.phone
        candidates = (
            ("email", self.by_email.get(email.casefold()) if email and self.by_email else None),
            ("phone", self.by_phone.get(phone_key(phone)) if phone and self.by_phone else None),
            ("name", self._same_name(record.full_name, ckey)),
        )
        for via, ids in candidates:
            for pid in ids or ():
                slot = self._slot(pid)
                if not slot.touched and not self.distinct(slot.values, record, via):
                    return slot
        return None

    @staticmethod
    def distinct(theirs: dict[str, Any], record: Record, via: str) -> bool:
        """True when a stored person and a record that share a key (`via`: email, phone or
        name) are two people all the same."""
        url, other_url = theirs["linkedin_url"], record.linkedin_url
        if url and other_url and linkedin_key(url) != linkedin_key(other_url):
            return True
        if via != "name" and not names_agree(theirs["full_name"], record.full_name):
            return True
        email, other_email = theirs["email"], record.email
        if email and other_email and email.casefold() != other_email.casefold():
            return True
        if via == "name":
            phone, other_phone = phone_key(theirs["phone"]), phone_key(record.phone)
            if phone and other_phone and phone != other_phone:
                return True
            role = record.role
            if role and role != "unknown" and theirs["role"] not in ("unknown", role):
                return True
        return False

    # ---- one record ---------------------------------------------------------------------

    def add(self, record: Record) -> Outcome:
        given = record.__dict__  # a Record is a plain dataclass: its fields, by name
        # no control characters or bidi overrides in stored names (one search for the three)
        unsafe = UNSAFE.search("".join([given[name] for name in NAME_FIELDS])) is not None
        for name in NAME_FIELDS:
            given[name] = clean_line(given[name]) if unsafe else given[name].strip()
        ckey, cname = self.canonical_company(record.company)
        lkey = linkedin_key(record.linkedin_url) if record.linkedin_url else ""
        slot = self.match(record, ckey, lkey)
        if slot is None:
            slot = self._new_slot(record, ckey, cname)
            outcome = Outcome(record.line, "new", slot.values["full_name"])
        else:
            detail = self._merge(slot, record, ckey, cname, first=not slot.touched)
            action = "updated" if detail else "unchanged"
            if detail and slot.id is not None and not slot.changed:
                self.plan.updated.append(slot)
            slot.changed = slot.changed or bool(detail)
            outcome = Outcome(record.line, action, slot.values["full_name"], detail)
        if not slot.touched:
            slot.reported = (ckey, record.title)
            if slot.id is not None:
                self.plan.matched.append(slot)
        url = slot.values["linkedin_url"]
        if url:  # later rows of this file reach this person by LinkedIn URL only
            key = lkey if url == record.linkedin_url and lkey else linkedin_key(url)
            self.by_linkedin.setdefault(key, slot)
        slot.touched = True
        self.plan.outcomes.append(outcome)
        counts = self.plan.counts
        counts[outcome.action] = counts.get(outcome.action, 0) + 1
        return outcome

    def _use_company(self, key: str, name: str) -> None:
        if key and key not in self.company_names and key not in self.plan.companies:
            self.plan.companies[key] = name

    def _new_slot(self, record: Record, ckey: str, cname: str) -> Slot:
        self._use_company(ckey, cname)
        given = record.__dict__  # a Record is a plain dataclass: its fields, by name
        values: dict[str, Any] = {name: given[name] or "" for name in NEW_FIELDS}  # "" if empty
        for name in DATE_FIELDS:  # a date as ISO text, none as NULL
            day = values[name]
            values[name] = (day if type(day) is str else day.isoformat()) if day else None
        values["how_we_know"] = values["how_we_know"] or self.how_we_know
        values["how_we_know_text"] = values["how_we_know_text"] or self.how_we_know_text
        values["first_name"] = values["first_name"] or first_name_of(record.full_name)
        values["role"] = values["role"] or cached_role(record.title)
        for name, default in ENUM_DEFAULTS.items():
            values[name] = values[name] or default
        slot = Slot(id=None, values=values, company_key=ckey, line=record.line)
        self.plan.new.append(slot)
        return slot

    def _merge(self, slot: Slot, record: Record, ckey: str, cname: str, first: bool) -> str:
        """Fill what is empty; on the first match, take a new company or title. Returns
        a short description of what changed ('' if nothing)."""
        v = slot.values
        filled: list[str] = []
        for name in FILL_FIELDS:
            value = getattr(record, name) or (
                self.how_we_know_text if name == "how_we_know_text" else None
            )
            if value and not v[name]:
                v[name] = value.isoformat() if hasattr(value, "isoformat") else value
                filled.append(name)
        for name, default in ENUM_DEFAULTS.items():
            value = getattr(record, name) or (self.how_we_know if name == "how_we_know" else "")
            if name != "role" and value and v[name] == default and value != default:
                v[name] = value
                filled.append(name)
        old_company = self.company_names.get(slot.company_key) or self.plan.companies.get(
            slot.company_key, ""
        )
        if self.source_kind and slot.id is not None:  # a change only if this kind says so
            said = reported_change(self.reports.get(slot.id), ckey, record.title)
            # a move another source already recorded: the new title is just its spelling
            already = said[0] and ckey == slot.company_key
            may_move, may_retitle = first and said[0], first and said[1] and not already
        else:
            may_move = may_retitle = first
        moved = False
        if ckey and ckey != slot.company_key and (may_move or not slot.company_key):
            moved = bool(slot.company_key)
            self._use_company(ckey, cname)
            slot.company_key = ckey
            filled.append("company")
        old_title, new_title = v["title"], record.title
        retitled = False
        if (
            new_title
            and new_title != old_title
            and fold(new_title) != fold(old_title)
            and (may_retitle or not old_title)
        ):
            retitled = bool(old_title)
            v["title"] = new_title
            filled.append("title")
        if record.role and v["role"] == "unknown" and record.role != "unknown":
            v["role"] = record.role
            filled.append("role")
        elif not record.role and "title" in filled:
            inferred = cached_role(v["title"])
            if inferred != v["role"] and v["role"] in ("unknown", cached_role(old_title)):
                v["role"] = inferred
                filled.append("role")
        if slot.id is not None and (moved or retitled):
            slot.job_change = _job_change(
                old_company, cname if moved else "", old_title, new_title if retitled else ""
            )
        if not filled:
            return ""
        return slot.job_change if (moved or retitled) else "filled " + ", ".join(filled)


def _job_change(old_company: str, new_company: str, old_title: str, new_title: str) -> str:
    """'Now at Stripe (was Acme)', 'Now Staff Engineer (was Engineer)', or both."""
    if new_company and new_title:
        was = f"{old_title} at {old_company}" if old_title else old_company
        return f"Now {new_title} at {new_company} (was {was})"
    if new_company:
        return f"Now at {new_company} (was {old_company})"
    return f"Now {new_title} (was {old_title})"


# The note `_job_change` writes, read back: where they were before ("(was Acme)" or
# "(was Engineer at Acme)"). A title-only change ("Now Staff Engineer (was Engineer)")
# names no company.
JOB_CHANGE_PREFIX = "Now "
_WAS = re.compile(r"^Now (?P<now>.*) \(was (?P<was>.*)\)$", re.DOTALL)


def former_company(note: str) -> str:
    """The company a job-change note says they left, or '' (not a job change, or a title)."""
    match = _WAS.match(note.strip())
    if match is None:
        return ""
    now, was = match.group("now"), match.group("was")
    if now.startswith("at "):
        return was.strip()
    if " at " in now:
        return was.rpartition(" at ")[2].strip() if " at " in was else was.strip()
    return ""
