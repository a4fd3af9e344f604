"""The duplicate search against its rules, written out the slow way: every pair of people
compared with every rule (no blocks, no grouping tricks). A mixed population (typos, word
order, accents, middle names, shared inboxes, phones written three ways, LinkedIn URLs
in several spellings, one big company) must give the same pairs, reasons, scores and order."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from itertools import combinations
from typing import Any

from netui.duplicates import MAX_GROUP, SAME_NAME_BUCKET, SCORES, find_duplicates, similar_names
from netui.names import fold, linkedin_key, person_key, phone_key

FIRST = ["Jon", "John", "Ana", "Anna", "Mei", "Wei", "Sam", "Sara", "Kim", "Kimberly", "Zoë"]
MIDDLE = ["Maria", "Costa", "De", "Luis"]
LAST = ["Smith", "Smyth", "Chen", "Silva", "Park", "Lee", "Wang", "Müller", "Mueller"]
COMPANIES = {1: "Megacorp", 2: "Acme", 3: "Globex", 4: "Initech"}


def population(seed: int, people: int) -> list[tuple[Any, ...]]:
    """Rows of (id, full_name, company_id, email, phone, linkedin_url), as the store reads them."""
    rng = random.Random(seed)
    rows = []
    for pid in range(1, people + 1):
        words = [rng.choice(FIRST)]
        words += rng.sample(MIDDLE, rng.choice([0, 0, 0, 1, 2]))
        words.append(rng.choice(LAST))
        if len(set(map(fold, words))) < len(words):
            words = words[:1] + words[-1:]
        if rng.random() < 0.1:
            words.reverse()  # 'Smith Jon'
        name = " ".join(w.upper() if rng.random() < 0.05 else w for w in words)
        company = rng.choice([1, 1, 1, 2, 3, 4, None])
        email = rng.choice(["team@acme.com", "Team@Acme.com"] + [f"p{pid}@x.org"] * 8)
        email = email if rng.random() < 0.3 else ""
        digits = rng.choice(["5550100100", "5550100200", "5550100300"])
        phone = rng.choice([f"+1 ({digits[:3]}) {digits[3:6]}-{digits[6:]}", digits, ""])
        phone = phone if rng.random() < 0.3 else ""
        handle = rng.choice(["jane-doe", "Jane-Doe", "kim-p", f"u{pid}"])
        url = rng.choice([f"https://www.linkedin.com/in/{handle}/", f"linkedin.com/in/{handle}"])
        rows.append((pid, name, company, email, phone, url if rng.random() < 0.25 else ""))
    return rows


def by_the_rules(rows: Sequence[tuple[Any, ...]], limit: int) -> tuple[list[Any], int]:
    """Every pair, every rule: the strongest reason each pair has, two different LinkedIn
    profiles never flagged unless by their profile, strongest first, then by the first
    one's folded name."""
    best: dict[tuple[int, int], tuple[int, str]] = {}

    def offer(x: int, y: int, kind: str, company: str = "") -> None:
        score, reason = SCORES[kind]
        key = (min(x, y), max(x, y))
        if best.get(key, (0, ""))[0] < score:
            best[key] = (score, reason.format(company=company))

    exact: list[tuple[str, Callable[[tuple[Any, ...]], Hashable], int]] = [
        ("linkedin", lambda r: linkedin_key(r[5]) if r[5] else "", MAX_GROUP),
        ("email", lambda r: r[3].casefold(), MAX_GROUP),
        ("phone", lambda r: phone_key(r[4]), MAX_GROUP),
        ("name", lambda r: person_key(r[1]), SAME_NAME_BUCKET),
        ("name_company", lambda r: (r[2], person_key(r[1])) if r[2] else "", MAX_GROUP),
    ]
    for kind, key_of, most in exact:
        groups = defaultdict(list)
        for row in rows:
            if key := key_of(row):
                groups[key].append(row[0])
        for ids in groups.values():
            if len(ids) <= most:
                for x, y in combinations(ids, 2):
                    offer(x, y, kind)
    spelled = {row[0]: " ".join(fold(row[1]).split()) for row in rows}
    spellings = Counter((row[2], spelled[row[0]]) for row in rows)
    for a, b in combinations(rows, 2):
        x, y = spelled[a[0]], spelled[b[0]]
        if a[2] is None or a[2] != b[2] or x == y:
            continue
        if max(spellings[a[2], x], spellings[a[2], y]) > MAX_GROUP:
            continue  # a name that common there says nothing
        wx, wy = x.split(), y.split()
        if (wx[0] == wy[0] or wx[-1] == wy[-1]) and similar_names(x, y):
            offer(a[0], b[0], "similar", COMPANIES[a[2]])
    url = {row[0]: linkedin_key(row[5]) for row in rows if row[5]}
    name = {row[0]: fold(row[1]) for row in rows}
    kept = [
        (-score, name[x], x, y, reason)
        for (x, y), (score, reason) in best.items()
        if score >= 100 or not (x in url and y in url and url[x] != url[y])
    ]
    kept.sort()
    return [(x, y, reason, -neg) for neg, _, x, y, reason in kept[:limit]], len(kept)


def test_the_search_finds_what_the_rules_say_at_every_seed() -> None:
    reasons: Counter[str] = Counter()
    for seed in range(4):
        rows = population(seed, 700)
        expected = by_the_rules(rows, 10**6)
        assert find_duplicates(rows, COMPANIES, limit=10**6) == expected
        reasons.update(reason.split(" at ")[0] for _, _, reason, _ in expected[0])
        for limit in (1, 37, 400):  # the strongest few: the same pairs in the same order
            assert find_duplicates(rows, COMPANIES, limit=limit) == (
                expected[0][:limit],
                expected[1],
            )
    # the population exercises every rule, so a rule that stopped working would show
    assert set(reasons) == {
        "same LinkedIn profile",
        "same email",
        "same phone",
        "same name and company",
        "similar name",
        "same name",
    }


def test_a_name_shared_by_too_many_says_nothing_about_any_two() -> None:
    rows = [(i, "Wei Wang", 1, "", "", "") for i in range(1, MAX_GROUP + 2)]
    rows.append((100, "Wei Wong", 1, "", "", ""))
    assert find_duplicates(rows, COMPANIES) == ([], 0) == by_the_rules(rows, 500)
