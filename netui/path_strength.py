"""The strength of a path (pure): every weight the ranking uses, tie strength, and its words.

The strength of a path is the product of
    tie(first person)                    how well you know them, 0..1 (`tie_strength`)
  × (LINK_WEIGHT[kind] × HOP_PENALTY)    once for every link walked
  × ROLE_WEIGHT[role of the last person] who they are to your search
    (or FORMER_COLLEAGUE_WEIGHT for someone who used to work there).

Each constant is a choice: change it here only. The walk that multiplies them is
netui/network.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from netui.enums import Closeness, LinkKind, Role

if TYPE_CHECKING:
    from netui.network import Contact

DEFAULT_MAX_HOPS = 2
"""Links walked at most from the person you know (a setting: `path_max_hops`)."""

MAX_HOPS_LIMIT = 3
"""The most the setting allows: past three, nobody forwards a stranger's note."""

CLOSENESS_WEIGHT: Mapping[str, float] = {
    Closeness.close: 1.0,
    Closeness.friend: 0.7,
    Closeness.acquaintance: 0.4,
    Closeness.met_once: 0.2,
}
"""Where a tie starts: the closeness you gave them. The chapter asks close people first."""

RECENCY_HALF_LIFE_DAYS = 120.0
"""The warm part of a tie halves every 120 days without an interaction (exponential decay):
a coffee last week counts fully, one four months ago half as much."""

RECENCY_FLOOR = 0.3
"""The part of a tie that never decays: a college friend you haven't talked to in years is
still a friend, only a colder one. Nothing ever logged counts as this floor."""

VOLUME_WEIGHT = 0.3
"""How much of a tie rests on how often you have talked (the rest on closeness × recency)."""

VOLUME_HALF = 4
"""Interactions that earn half of the volume part: n / (n + 4), so 4 conversations count
for half and 12 for three quarters; it never runs away with one chatty contact."""

ONE_WAY_FACTOR = 0.8
"""A tie where they have never answered (no reply, nothing came in) counts this much."""

LINK_WEIGHT: Mapping[str, float] = {
    LinkKind.works_with: 0.8,
    LinkKind.knows: 0.6,
    LinkKind.introduced_by: 0.6,
}
"""How well two other people know each other, by the link you recorded between them."""

HOP_PENALTY = 0.6
"""Every link walked multiplies the strength by this on top of the link's weight: asking
someone to ask someone is a bigger favour, so a two-hop path loses to a one-hop path of
the same ties."""

ROLE_WEIGHT: Mapping[str, float] = {
    Role.engineer: 1.0,
    Role.engineering_manager: 1.0,
    Role.founder_cto: 1.0,
    Role.recruiter: 0.75,
    Role.other_tech: 0.6,
    Role.unknown: 0.5,
    Role.non_tech: 0.4,
}
"""Who the path reaches: someone who can refer you or is an engineer (pitch them) first, a
recruiter next, then anyone who can pass you on."""

FORMER_COLLEAGUE_WEIGHT = 0.5
"""Someone who used to work there still knows people there, less surely than an employee."""

STRENGTH_WORDS: tuple[tuple[float, str], ...] = (
    (0.45, "strong"),
    (0.2, "good"),
    (0.08, "fair"),
    (0.0, "weak"),
)
"""A path's strength in words: the first threshold it reaches."""

NO_WAY_IN = "none"
"""The word for a company with no path at all."""


def recency_factor(days_since: float | None) -> float:
    """1.0 just after an interaction, halving towards RECENCY_FLOOR every half-life."""
    if days_since is None:
        return RECENCY_FLOOR
    days = max(0.0, days_since)
    return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * float(0.5 ** (days / RECENCY_HALF_LIFE_DAYS))


def volume_factor(interactions: int) -> float:
    n = max(0, interactions)
    return 1 - VOLUME_WEIGHT + VOLUME_WEIGHT * n / (n + VOLUME_HALF)


def tie_strength(person: Contact) -> float:
    """How well you know them, 0..1: closeness × recency × how often × two-way."""
    closeness = CLOSENESS_WEIGHT.get(person.closeness, CLOSENESS_WEIGHT[Closeness.acquaintance])
    two_way = 1.0 if person.replies > 0 else ONE_WAY_FACTOR
    return (
        closeness * recency_factor(person.days_since) * volume_factor(person.interactions) * two_way
    )


def role_weight(role: str) -> float:
    return ROLE_WEIGHT.get(role, ROLE_WEIGHT[Role.unknown])


def strength_word(strength: float | None) -> str:
    if strength is None:
        return NO_WAY_IN
    return next(word for floor, word in STRENGTH_WORDS if strength >= floor)
