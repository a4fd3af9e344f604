"""Who can get you in (pure): every path from the people you know into a company, ranked.

The store hands over a `Network` for one company (its people, the people linked to them up
to `max_hops` links away, who used to work there); nothing here reads a file or a clock.

A path starts with someone you know (never a stub: you have only heard of them) and ends
at the first person it reaches who works at the company:

- direct: they work there themselves;
- former: they used to work there (a job change netui recorded);
- linked: they know (or work with, or were introduced by) someone who works there, or
  someone who knows someone there: one link per hop, `DEFAULT_MAX_HOPS` at most.

Archived people are never on a path and nobody appears twice on one (no cycles). What a
path is worth is netui/path_strength.py; what it calls for and the line that explains it,
netui/path_explain.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple, overload

from netui.enums import Closeness, LinkKind, Role
from netui.path_strength import (
    DEFAULT_MAX_HOPS,
    FORMER_COLLEAGUE_WEIGHT,
    HOP_PENALTY,
    LINK_WEIGHT,
    MAX_HOPS_LIMIT,
    role_weight,
    strength_word,
    tie_strength,
)

# How a link reads from the person walking it (person_a's side, then person_b's):
# (X, Y, introduced_by) is "X was introduced to you by Y".
_PHRASE_FROM_A: Mapping[str, str] = {
    LinkKind.knows: "knows",
    LinkKind.works_with: "works with",
    LinkKind.introduced_by: "was introduced to you by",
}
_PHRASE_FROM_B: Mapping[str, str] = {**_PHRASE_FROM_A, LinkKind.introduced_by: "introduced you to"}


class PathKind(StrEnum):
    direct = "direct"  # they work there
    former = "former"  # they used to work there
    linked = "linked"  # they know someone there (through one or more links)


class Contact(NamedTuple):
    """What the ranking knows about one person (the store reads these columns in order)."""

    id: int
    name: str
    first_name: str = ""
    company_id: int | None = None
    title: str = ""
    role: str = Role.unknown
    closeness: str = Closeness.acquaintance
    is_stub: bool = False
    archived: bool = False
    interactions: int = 0  # every logged interaction but notes
    replies: int = 0  # of them: replies and anything that came in from them
    days_since: float | None = None  # since the last interaction (notes aside); None: never
    last_kind: str = ""


LinkEnd = tuple[int, float, str]
"""One link seen from one end (plain tuples: a network holds 200,000 of them): the person at
the other end, what walking it costs (LINK_WEIGHT × HOP_PENALTY), and how it reads from them
towards this end ('knows', 'introduced you to', ...)."""


@dataclass
class Network:
    """Companies and the people and links between them (one load serves every company)."""

    companies: dict[int, str] = field(default_factory=dict)
    people: dict[int, Contact] = field(default_factory=dict)
    links: dict[int, list[LinkEnd]] = field(default_factory=dict)
    former: dict[int, set[int]] = field(default_factory=dict)  # company -> who used to work there
    archived: set[int] = field(default_factory=set)
    _inside: dict[int, list[int]] | None = field(default=None, repr=False)
    _ties: dict[int, float] | None = field(default=None, repr=False)

    def add_person(self, person: Contact) -> None:
        self.people[person.id] = person
        if person.archived:
            self.archived.add(person.id)
        self._inside = self._ties = None

    def add_link(self, a: int, b: int, kind: str) -> None:
        """A link as stored: (a, b, introduced_by) is "a was introduced to you by b"."""
        weight = LINK_WEIGHT.get(kind)
        if weight is None:
            return
        step = weight * HOP_PENALTY
        links = self.links
        ends = links.get(a)
        if ends is None:
            ends = links[a] = []
        ends.append((b, step, _PHRASE_FROM_B[kind]))
        ends = links.get(b)
        if ends is None:
            ends = links[b] = []
        ends.append((a, step, _PHRASE_FROM_A[kind]))

    def phrases(self, path: Path) -> list[str]:
        """How each link on a path reads, from people[i] to people[i + 1] ('knows', ...):
        the strongest link between the two, the one the walk took."""
        said = []
        for near, far in zip(path.people, path.people[1:], strict=False):
            ends = [end for end in self.links.get(far, ()) if end[0] == near]
            said.append(max(ends, key=lambda end: end[1])[2] if ends else "knows")
        return said

    def ties(self) -> dict[int, float]:
        """tie_strength of everyone a path can start with (not stubs, not archived)."""
        if self._ties is None:
            self._ties = {
                p.id: tie_strength(p)
                for p in self.people.values()
                if not p.is_stub and not p.archived
            }
        return self._ties

    def inside(self, company_id: int) -> list[int]:
        """Who works there now (archived people left out)."""
        if self._inside is None:
            index: dict[int, list[int]] = {}
            for person in self.people.values():
                if person.company_id is not None and not person.archived:
                    index.setdefault(person.company_id, []).append(person.id)
            self._inside = index
        return self._inside.get(company_id, [])


class Path(NamedTuple):
    """One way in: `people[0]` is the person you know, `people[-1]` the one it reaches."""

    strength: float
    kind: PathKind
    company_id: int
    people: tuple[int, ...]

    @property
    def first(self) -> int:
        return self.people[0]

    @property
    def target(self) -> int:
        return self.people[-1]

    @property
    def hops(self) -> int:
        return len(self.people) - 1


@dataclass
class _Walk:
    strength: dict[int, float]  # each person you can ask -> their best path's strength
    hops: dict[int, int]  # -> its links walked
    via: list[dict[int, int]]  # via[h - 1][x]: the next person from x on its best h-link walk


def _walk(network: Network, company_id: int, max_hops: int, *, trace: bool = True) -> _Walk:
    """The best way in for each person you know (see find_paths). Only numbers are kept
    per step (no tuples): this loop is what a 500-person company costs. Without `trace`
    the way back is not kept (the overview needs only the strengths)."""
    max_hops = max(0, min(max_hops, MAX_HOPS_LIMIT))
    people = network.people
    ties = network.ties()  # people you can ask (not stubs, not archived)
    best: dict[int, float] = {}
    best_hops: dict[int, int] = {}

    inside = network.inside(company_id)
    frontier: dict[int, float] = {}
    for pid in inside:
        frontier[pid] = value = role_weight(people[pid].role)
        if pid in ties:
            best[pid] = ties[pid] * value
            best_hops[pid] = 0
    blocked = network.archived | set(inside)
    for pid in network.former.get(company_id, ()):
        if pid not in blocked and pid in ties:
            best[pid] = ties[pid] * FORMER_COLLEAGUE_WEIGHT
            best_hops[pid] = 0

    via_levels: list[dict[int, int]] = []
    links = network.links
    for hops in range(1, max_hops + 1):
        reached: dict[int, float] = {}
        via: dict[int, int] = {}
        for pid, value in frontier.items():
            for other, step, _phrase in links.get(pid, ()):
                if other in blocked:
                    continue
                weight = value * step
                old = reached.get(other)
                if old is None or weight > old:
                    reached[other] = weight
                    if trace:
                        via[other] = pid
        via_levels.append(via)
        for pid, weight in reached.items():
            tie = ties.get(pid)
            if tie is not None:
                strength = tie * weight
                had = best.get(pid)
                if had is None or strength > had:
                    best[pid] = strength
                    best_hops[pid] = hops
        frontier = reached
    return _Walk(best, best_hops, via_levels)


class RankedPaths(Sequence[Path]):
    """The paths of one company, strongest first; each Path is built when it is read (a big
    company has 8,000, a screen shows 30 of them)."""

    def __init__(self, walk: _Walk, company_id: int, inside: set[int]) -> None:
        self._walk = walk
        self._company_id = company_id
        self._inside = inside
        # Stable: equal strengths keep the walk's order (inside, former, then by links).
        self._order = sorted(walk.strength, key=walk.strength.__getitem__, reverse=True)

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, index: int) -> Path: ...

    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...

    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            return [self._path(pid) for pid in self._order[index]]
        return self._path(self._order[index])

    def _path(self, pid: int) -> Path:
        walk = self._walk
        hops = walk.hops[pid]
        if hops == 0:
            kind = PathKind.direct if pid in self._inside else PathKind.former
            return Path(walk.strength[pid], kind, self._company_id, (pid,))
        chain = [pid]
        for depth in range(hops, 0, -1):
            chain.append(walk.via[depth - 1][chain[-1]])
        return Path(walk.strength[pid], PathKind.linked, self._company_id, tuple(chain))


def find_paths(network: Network, company_id: int, max_hops: int = DEFAULT_MAX_HOPS) -> RankedPaths:
    """Each person you know who can get you in, with their strongest way, strongest first
    (ties: fewer hops, then the order they were added): one row per conversation you
    could start.

    The walk goes back from the people inside, one link per round, keeping for each person
    the best value of reaching the company in exactly that many links. Every factor is
    below 1, so a walk that visits someone twice is always beaten by the same walk without
    the loop: the best walk is a path with no cycle, and that is the one kept.
    """
    walk = _walk(network, company_id, max_hops)
    return RankedPaths(walk, company_id, set(network.inside(company_id)))


@dataclass(frozen=True, slots=True)
class Overview:
    """A company's ways in, in short: how many people can get you in, the best strength."""

    company_id: int
    paths: int
    best: float | None

    @property
    def word(self) -> str:
        return strength_word(self.best)


def overview(network: Network, company_id: int, max_hops: int = DEFAULT_MAX_HOPS) -> Overview:
    """How many people can get you in and the best strength, without building the paths."""
    best = _walk(network, company_id, max_hops, trace=False).strength
    return Overview(company_id, len(best), max(best.values(), default=None))


def targets_order(rows: Iterable[Overview]) -> list[Overview]:
    """No way in first, then the weakest best path: where the work is."""
    return sorted(rows, key=lambda o: (o.best is not None, o.best or 0.0, o.company_id))
