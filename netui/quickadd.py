"""The quick-add grammar shared by `netui add` and the People screen's quick-add line (pure).

    NAME [@ COMPANY] [, WORD]...

Each WORD after a comma is one of:
  a role        engineer, swe, dev, em, eng manager, cto, founder, recruiter, tech, non-tech
  how we know   school, college, work, life, online, other
  closeness     close, friend, acquaintance, met once
  an email      jane@example.com
  a LinkedIn    https://www.linkedin.com/in/jane
  a phone       +1 555 0100 (7 or more digits)
  a city        in Berlin
  a job title   Staff Software Engineer, Product Manager (the first; the role is guessed)
                a capitalised word right after a title or a role continues the title:
                Engineering Manager, Payments
  anything else notes
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from netui.enums import Closeness, HowWeKnow, Role, role_label
from netui.errors import InputError
from netui.names import name_at
from netui.roles import ROLE_WORDS, infer_role
from netui.validate import email_error

_PHONE = re.compile(r"^\+?[\d\s().-]{7,}$")
_CLOSENESS = {
    "close": Closeness.close,
    "close friend": Closeness.close,
    "friend": Closeness.friend,
    "acquaintance": Closeness.acquaintance,
    "met once": Closeness.met_once,
}


@dataclass
class QuickAdd:
    """What a quick-add line says: person fields plus the company name."""

    full_name: str
    company: str = ""
    fields: dict[str, str] = field(default_factory=dict)


def parse_quick_add(line: str) -> QuickAdd:
    text = line.strip()
    if not text:
        raise InputError("Type a name, e.g. 'Jane Doe @ Stripe, engineer, college'.")
    head, *words = [part.strip() for part in text.split(",")]
    name, _, company = head.partition("@")
    name, company = name.strip(), company.strip()
    if not name:
        raise InputError(f"'{line.strip()}' has no name before '@'.")
    result = QuickAdd(full_name=name, company=company)
    values = result.fields
    notes: list[str] = []
    title_so_far = ""  # the title, or a role word, just before this word
    for word in words:
        if not word:
            continue
        key = word.casefold()
        previous, title_so_far = title_so_far, ""
        if key in ROLE_WORDS:
            values["role"] = ROLE_WORDS[key].value
            title_so_far = word if "title" not in values else ""
        elif key in HowWeKnow.__members__:
            values["how_we_know"] = key
        elif key in _CLOSENESS:
            values["closeness"] = _CLOSENESS[key].value
        elif "@" in word:
            error = email_error(word)
            if error:
                raise InputError(error)
            values["email"] = word
        elif key.startswith(("http://", "https://", "www.linkedin", "linkedin.com")):
            values["linkedin_url"] = word if key.startswith("http") else f"https://{word}"
        elif _PHONE.match(word) and sum(ch.isdigit() for ch in word) >= 7:
            values["phone"] = word
        elif key.startswith("in ") and len(word) > 3:
            values["city"] = word[3:].strip()
        elif "title" not in values and infer_role(word) is not Role.unknown:
            values["title"] = title_so_far = word
        elif previous and _continues_title(word):
            values["title"] = title_so_far = f"{previous}, {word}"
        else:
            notes.append(word)
    if notes:
        values["notes"] = ", ".join(notes)
    if "role" not in values and values.get("title"):
        guessed = infer_role(values["title"])
        if guessed is not Role.unknown:
            values["role"] = guessed.value
    return result


def _continues_title(word: str) -> bool:
    """'Payments' after 'Engineering Manager': a team or area, capitalised, a few words."""
    return (
        word[0].isupper()
        and len(word.split()) <= 3
        and "@" not in word
        and not any(ch.isdigit() for ch in word)
    )


def added_text(full_name: str, company: str, title: str, role: str, how_we_know: str) -> str:
    """What was added, in the grammar's order: 'Jon Smith @ Stripe, Engineering Manager,
    Payments (eng manager, work)' (the whole title, the role's label)."""
    titled = f", {title}" if title else ""
    return f"{name_at(full_name, company)}{titled} ({role_label(role)}, {how_we_know})"
