"""A count and its noun, singular for one: '1 person', '2,000 people', '1 new company' (pure)."""

from __future__ import annotations

_IRREGULAR = {"person": "people", "child": "children", "entry": "entries", "reply": "replies"}


def plural_of(noun: str) -> str:
    """The plural of a noun (of its last word: 'new company' -> 'new companies')."""
    head, _, last = noun.rpartition(" ")
    if last in _IRREGULAR:
        many = _IRREGULAR[last]
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "o", "u", ""):
        many = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        many = last + "es"
    else:
        many = last + "s"
    return f"{head} {many}" if head else many


def noun_for(n: int, noun: str, many: str = "") -> str:
    """The noun for a count: 'person' for 1, 'people' otherwise (for aligned columns)."""
    return noun if n == 1 else many or plural_of(noun)


def count_of(n: int, noun: str, many: str = "") -> str:
    """'1 person', '3 people', '1,204 new companies': the count with thousands separators."""
    return f"{n:,} {noun_for(n, noun, many)}"
