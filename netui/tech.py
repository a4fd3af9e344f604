"""Is it a tech company? The playbook's test is "works at a Tech company" (pure).

A company's flag is what you said (`yes` / `no`), else a guess shown as a guess: someone you
know there has an engineering role, or a work address at a known tech domain, or it is on the
short shipped list of well-known tech companies (netui/channels/domains.py). Nothing saying so
leaves it unknown ('').
"""

from __future__ import annotations

from collections.abc import Iterable

from netui.channels.domains import TECH_COMPANIES, TECH_DOMAINS, is_tech_domain
from netui.enums import Role
from netui.names import company_key
from netui.plural import count_of
from netui.roles import infer_role

FLAGS = ("", "yes", "no")  # unknown, tech, not tech: what the user can set
ENGINEERING_ROLES = (Role.engineer, Role.engineering_manager, Role.founder_cto)
_KNOWN = TECH_COMPANIES | {company_key(name) for name in TECH_DOMAINS.values()}


def tech_guess(
    name: str, *, engineers: int = 0, titles: Iterable[str] = (), domains: Iterable[str] = ()
) -> str:
    """Why a company looks like a tech company ('' when nothing says so). `engineers`: people
    there with an engineering role; `titles`: job titles of people whose role is not set."""
    if company_key(name) in _KNOWN:
        return "a well-known tech company"
    tech = sorted({d for d in domains if d and is_tech_domain(d)})
    if tech:
        return f"a tech domain ({tech[0]})"
    engineers += sum(1 for title in titles if title and infer_role(title) in ENGINEERING_ROLES)
    if engineers:
        return f"{count_of(engineers, 'person')} in engineering there"
    return ""


def is_tech(flag: str, guess: str) -> bool:
    """What the People filter "at a tech company" counts: yes, or unset and guessed."""
    return flag == "yes" or (flag == "" and bool(guess))


def tech_word(flag: str, guess: str) -> str:
    """The Companies list's cell: 'yes', 'no', 'yes?' (guessed) or '' (unknown)."""
    if flag:
        return flag
    return "yes?" if guess else ""


def tech_said(flag: str, guess: str) -> str:
    """A sentence part: 'tech (you said so)', 'tech? (guessed: ...)', 'not tech', ..."""
    if flag == "yes":
        return "tech (you said so)"
    if flag == "no":
        return "not tech (you said so)"
    return f"tech? (guessed: {guess})" if guess else "tech unknown"


def next_flag(flag: str) -> str:
    """The key's cycle: unknown -> yes -> no -> unknown."""
    return FLAGS[(FLAGS.index(flag) + 1) % len(FLAGS)] if flag in FLAGS else "yes"
