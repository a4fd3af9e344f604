"""Finding likely duplicates among people (pure: rows in, pairs out).

Linear in the number of people. Exact keys (LinkedIn profile, email, phone, the name at one
company) are grouped in one pass. Similar names are compared only between the *distinct*
names at one company that share a first or last word (the blocks), with rapidfuzz's Indel
similarity in C, so 8,000 people at one company cost about twice 4,000, not four times.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations, compress, repeat
from operator import itemgetter
from typing import Any

from netui.names import fold, linkedin_key, name_at, person_key, phone_key

# A key shared by more people than this (an office phone, a team inbox, 60 "Wei Wang"s at
# one company) says nothing about any two of them, and would flood the list: not flagged.
MAX_GROUP = 50
SAME_NAME_BUCKET = 4  # more people than this share a name: too common to flag by name alone
SIMILAR = 0.85  # Indel similarity 2*matches/(len x + len y): 'jon smith' ~ 'john smith'
_CHECK_EVERY = 512  # people handled between two calls of should_stop
_SMALL_BLOCK = 24  # names; bigger blocks are compared with one C call a name
_MAX_SUBSET_WORDS = 8  # longer names are compared by similarity only (2^8 subsets)

SCORES = {
    "linkedin": (100, "same LinkedIn profile"),
    "email": (90, "same email"),
    "phone": (80, "same phone"),
    "name_company": (85, "same name and company"),
    "similar": (70, "similar name at {company}"),
    "name": (50, "same name"),
}


class SearchCancelled(Exception):
    """The search was stopped before it finished (its screen closed)."""


@dataclass(frozen=True, slots=True)
class PersonBrief:
    id: int
    full_name: str
    company: str
    title: str
    email: str
    phone: str
    linkedin_url: str

    @property
    def label(self) -> str:
        return name_at(self.full_name, self.company)


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    a: PersonBrief
    b: PersonBrief
    reason: str
    score: int


def similar_names(x: str, y: str) -> bool:
    """'jon smith' ~ 'john smith' (Indel similarity >= 0.85, exact in integers) and
    'ana silva' ~ 'ana silva costa' (one name's words, two or more, all in the other's).
    Both names folded, words separated by single spaces."""
    tx, ty = set(x.split()), set(y.split())
    if min(len(tx), len(ty)) >= 2 and (tx <= ty or ty <= tx):
        return True
    total = len(x) + len(y)
    return total > 0 and 100 * _rapidfuzz().distance(x, y) <= (100 - round(SIMILAR * 100)) * total


def _rapidfuzz() -> Any:
    """rapidfuzz's Indel metric, imported when first used (not at start-up), then kept."""
    global _INDEL
    if _INDEL is None:
        from rapidfuzz.distance import Indel

        _INDEL = Indel
    return _INDEL


_INDEL: Any = None


class _Found:
    """The strongest reason for each pair of ids. Reasons are flagged strongest first
    (`find_duplicates` goes down SCORES), so a pair's first reason is its strongest and a
    later one is dropped by dict.setdefault, in C: no Python step per pair found, which
    matters when a big company holds many people of one name (thousands of pairs)."""

    def __init__(self, urls: dict[int, str]) -> None:
        self.pairs: dict[tuple[int, int], tuple[int, str]] = {}
        self.urls = urls  # id -> LinkedIn profile: two different profiles are two people
        self.phases: list[tuple[int, int]] = []  # (score, where its pairs start in `pairs`)

    def phase(self, score: int) -> None:
        assert not self.phases or self.phases[-1][0] > score, "flag strongest first"
        self.phases.append((score, len(self.pairs)))

    def flag_all(self, ids: Sequence[int], score: int, reason: str) -> None:
        if 1 < len(ids) <= MAX_GROUP:
            self._add(combinations(sorted(ids), 2), ids, score, reason)

    def flag_across(self, xs: list[int], ys: list[int], score: int, reason: str) -> None:
        """Every pair of one id of `xs` with one of `ys` (two different spellings)."""
        keys = [(a, b) if a < b else (b, a) for a in xs for b in ys]
        self._add(keys, xs + ys, score, reason)

    def _add(
        self, keys: Iterable[tuple[int, int]], ids: Sequence[int], score: int, why: str
    ) -> None:
        urls = self.urls
        if score < SCORES["linkedin"][0] and urls and len({urls[i] for i in ids if i in urls}) > 1:
            keys = [(x, y) for x, y in keys if not (x in urls and y in urls and urls[x] != urls[y])]
        deque(map(self.pairs.setdefault, keys, repeat((score, why))), maxlen=0)

    def strongest(self, limit: int, folded: Callable[[int], str]) -> list[Found]:
        """The `limit` strongest pairs, then by the first one's folded name (then ids). Only
        the weakest score taken is ranked by name, and in it only the pairs of the first
        people by name that fill `limit`: counted and picked in C, not a step a pair."""
        keys = list(self.pairs)
        ends = [start for _, start in self.phases[1:]] + [len(keys)]
        best: list[Found] = []
        for (score, start), end in zip(self.phases, ends, strict=True):
            need = limit - len(best)
            if need <= 0:
                break
            here = keys[start:end]
            if len(here) > need:
                per_first = Counter(map(itemgetter(0), here))
                firsts: set[int] = set()
                for pid in sorted(per_first, key=lambda pid: (folded(pid), pid)):
                    if need <= 0:
                        break
                    firsts.add(pid)
                    need -= per_first[pid]
                here = list(compress(here, map(firsts.__contains__, map(itemgetter(0), here))))
            here.sort(key=lambda key: (folded(key[0]), key))
            best += [(x, y, self.pairs[x, y][1], score) for x, y in here[: limit - len(best)]]
        return best


class _Name:
    """What the search needs of one spelling of a name, worked out once per spelling."""

    __slots__ = ("first", "folded", "key", "last", "spaced", "words")

    def __init__(self, name: str) -> None:
        self.folded = fold(name)  # the sort key
        self.spaced = " ".join(self.folded.split())  # compared for similarity
        self.key = person_key(self.folded)  # the same name, words in any order
        words = self.spaced.split()
        self.first, self.last = (words[0], words[-1]) if words else ("", "")
        self.words = len(set(words))


Found = tuple[int, int, str, int]  # (id a, id b, reason, score), a < b


class DuplicatePairs(list[DuplicatePair]):
    """The strongest pairs, and how many were found in all (`total` >= len)."""

    def __init__(self, pairs: Iterable[DuplicatePair] = (), total: int = 0) -> None:
        super().__init__(pairs)
        self.total = max(total, len(self))


def find_duplicates(
    rows: Iterable[Sequence[Any]],
    company_names: dict[int, str],
    limit: int = 500,
    should_stop: Callable[[], bool] = lambda: False,
) -> tuple[list[Found], int]:
    """Rows of (id, full_name, company_id, email, phone, linkedin_url) -> the `limit`
    strongest pairs, strongest first (then by the first one's name), and how many pairs
    were found in all. Raises SearchCancelled
    as soon as `should_stop()` is true (it is asked every couple of thousand steps)."""
    urls: dict[int, str] = {}
    spelled: dict[int, _Name] = {}
    names: dict[str, _Name] = {}
    linkedin: dict[str, list[int]] = defaultdict(list)
    email: dict[str, list[int]] = defaultdict(list)
    phone: dict[str, list[int]] = defaultdict(list)
    same_name: dict[str, list[int]] = defaultdict(list)
    # company id -> spaced folded name -> ids: names are compared inside one company
    companies: dict[int, dict[str, list[int]]] = {}
    rows = list(rows)
    for start in range(0, len(rows), _CHECK_EVERY):
        if should_stop():
            raise SearchCancelled()
        for pid, full_name, company_id, mail, tel, url in rows[start : start + _CHECK_EVERY]:
            name = names.get(full_name)
            if name is None:
                name = names[full_name] = _Name(full_name)
            spelled[pid] = name
            if url and (profile := linkedin_key(url)):
                urls[pid] = profile
                linkedin[profile].append(pid)
            if mail:
                email[mail.casefold()].append(pid)
            if tel and (digits := phone_key(tel)):
                phone[digits].append(pid)
            same_name[name.key].append(pid)
            if company_id is not None:
                at = companies.get(company_id)
                if at is None:
                    companies[company_id] = {name.spaced: [pid]}
                elif name.spaced in at:
                    at[name.spaced].append(pid)
                else:
                    at[name.spaced] = [pid]
    # at each company: the same name in any word order, and similar spellings
    name_company: list[list[int]] = []
    similar: list[tuple[str, list[int], list[int]]] = []
    for step, (company_id, at_company) in enumerate(companies.items()):
        if step % 16 == 0 and should_stop():
            raise SearchCancelled()
        if len(at_company) > 1 or len(next(iter(at_company.values()))) > 1:
            company = company_names.get(company_id, "")
            _in_company(at_company, spelled, company, name_company, similar)
    if should_stop():
        raise SearchCancelled()
    groups = {
        "linkedin": linkedin.values(),
        "email": email.values(),
        "phone": phone.values(),
        "name_company": name_company,
        "name": [ids for ids in same_name.values() if len(ids) <= SAME_NAME_BUCKET],
    }
    found = _Found(urls)
    for kind, (score, reason) in sorted(SCORES.items(), key=lambda item: -item[1][0]):
        found.phase(score)
        if kind == "similar":
            for why, xs, ys in similar:
                found.flag_across(xs, ys, score, why)
        else:
            for ids in groups[kind]:
                found.flag_all(ids, score, reason)
    return found.strongest(limit, lambda pid: spelled[pid].folded), len(found.pairs)


def _in_company(
    at_company: dict[str, list[int]],
    spelled: dict[int, _Name],
    company: str,
    name_company: list[list[int]],
    similar: list[tuple[str, list[int], list[int]]],
) -> None:
    """At one company: add to `name_company` the groups of one name (words in any order),
    and to `similar` the similar spellings sharing a first or last word (reason, ids of one,
    ids of the other). Only the company's distinct names are compared, in blocks of one
    shared word, so a block does not grow with the company (8,000 people hold ~2,000 names)."""
    by_key: dict[str, list[int]] = {}
    firsts: dict[str, list[str]] = {}
    lasts: dict[str, list[str]] = {}
    long_names = False
    for spaced, ids in at_company.items():
        name = spelled[ids[0]]
        same = by_key.get(name.key)
        by_key[name.key] = ids if same is None else same + ids  # (never extend at_company's)
        if spaced and len(ids) <= MAX_GROUP:
            block = firsts.get(name.first)
            if block is None:
                firsts[name.first] = [spaced]
            else:
                block.append(spaced)
            block = lasts.get(name.last)
            if block is None:
                lasts[name.last] = [spaced]
            else:
                block.append(spaced)
            if name.words >= 3:
                long_names = True
    name_company += [ids for ids in by_key.values() if len(ids) > 1]
    pairs: set[tuple[str, str]] = set()
    for blocks in (firsts, lasts):
        for block in blocks.values():
            if len(block) > 1:
                _close_in_block(block, pairs)
    if long_names:
        pairs |= _word_subsets([s for s, ids in at_company.items() if s and len(ids) <= MAX_GROUP])
    if pairs:
        reason = SCORES["similar"][1].format(company=company)
        similar += [(reason, at_company[x], at_company[y]) for x, y in pairs if similar_names(x, y)]


def _close_in_block(block: list[str], pairs: set[tuple[str, str]]) -> None:
    """Add to `pairs` the pairs of one block whose Indel similarity may reach SIMILAR
    (checked exactly afterwards): one C call a name for big blocks, pairwise for small ones."""
    similarity = _rapidfuzz().normalized_similarity
    cutoff = SIMILAR - 0.01
    if len(block) == 2:  # most blocks (a first name shared by two people at a company)
        x, y = block
        if similarity(x, y) >= cutoff:
            pairs.add((x, y) if x < y else (y, x))
        return
    if len(block) <= _SMALL_BLOCK:
        for i, x in enumerate(block):
            for y in block[i + 1 :]:
                if similarity(x, y) >= cutoff:
                    pairs.add((x, y) if x < y else (y, x))
        return
    from rapidfuzz import process

    extract = process.extract
    for i in range(len(block) - 1):
        x, others = block[i], block[i + 1 :]
        for _, _, j in extract(x, others, scorer=similarity, score_cutoff=cutoff, limit=None):
            y = others[j]
            pairs.add((x, y) if x < y else (y, x))


def _word_subsets(names: list[str]) -> set[tuple[str, str]]:
    """Pairs where one name's words (two or more) are all among the other's, sharing a first
    or last word: 'ana silva' and 'ana silva costa'. Each name's proper word subsets are
    looked up, so the cost grows with the number of names, not its square."""
    index: dict[frozenset[str], list[str]] = defaultdict(list)
    for name in names:
        word_set = frozenset(name.split())
        if len(word_set) >= 2:
            index[word_set].append(name)
    pairs: set[tuple[str, str]] = set()
    for big in names:
        words = big.split()
        unique = sorted(set(words))
        if not 3 <= len(unique) <= _MAX_SUBSET_WORDS:
            continue
        for k in range(2, len(unique)):
            for sub in combinations(unique, k):
                for small in index.get(frozenset(sub), ()):
                    edges = small.split()
                    if edges[0] == words[0] or edges[-1] == words[-1]:  # one block
                        pairs.add((big, small) if big < small else (small, big))
    return pairs
