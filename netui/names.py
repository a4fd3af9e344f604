"""Name normalization shared by search, duplicates and companies (pure)."""

from __future__ import annotations

import re

from netui.folding import fold

__all__ = [
    "company_key", "first_name_of", "fold", "linkedin_key", "name_at", "person_key", "phone_key",
]  # fmt: skip

_LEGAL_SUFFIXES = {
    "inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co",
    "gmbh", "plc", "sa", "ag", "bv", "nv", "srl", "pty", "oy", "ab", "as", "kk",
}  # fmt: skip
_NON_WORD = re.compile(r"[^\w]+")


def company_key(name: str) -> str:
    """'Google LLC', 'google, inc.' and 'GOOGLE' share one key: 'google'."""
    words = [w for w in _NON_WORD.split(fold(name)) if w]
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def person_key(name: str) -> str:
    """Order-insensitive folded name key for duplicate matching."""
    return " ".join(sorted(w for w in _NON_WORD.split(fold(name)) if w))


def _words_agree(a: str, b: str) -> bool:
    """'jo'/'jo', an initial ('j'/'jo'), or a short form of three letters or more
    ('alex'/'alexandra')."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long.startswith(short) and (len(short) == 1 or len(short) >= 3)


def names_agree(a: str, b: str) -> bool:
    """Could these two names be one person? Every word of the shorter name must agree with
    its own word of the longer one: 'Bea Ee' ~ 'Beatrice E.', 'Cee' ~ 'Cee Cee',
    'A. Person' ~ 'Alice Person'; 'John Smith' !~ 'Mary Smith'."""
    words_a = [w for w in _NON_WORD.split(fold(a)) if w]
    words_b = [w for w in _NON_WORD.split(fold(b)) if w]
    if not words_a or not words_b:
        return True
    shorter, longer = sorted((words_a, words_b), key=len)
    left = list(longer)
    for word in shorter:
        hit = next((w for w in left if _words_agree(word, w)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def name_at(name: str, company: str) -> str:
    """'Dana Ruiz @ Stripe', or just the name when there is no company."""
    return f"{name} @ {company}" if company else name


def first_name_of(full_name: str) -> str:
    parts = full_name.strip().split()
    return parts[0] if parts else ""


def phone_key(phone: str) -> str:
    """Digits only, last 10 kept so '+1 (555) 010-0100' and '555-010-0100' match."""
    digits = re.sub(r"\D", "", phone)
    return digits[-10:] if len(digits) >= 7 else ""


_LINKEDIN = re.compile(r"linkedin\.com/in/([^/?#\s]+)", re.IGNORECASE)


def linkedin_key(url: str) -> str:
    """'https://www.linkedin.com/in/Jane-Doe/' -> 'jane-doe'."""
    match = _LINKEDIN.search(url)
    return match.group(1).casefold() if match else url.strip().casefold().rstrip("/")


def vcard_name(full_name: str, first_name: str) -> tuple[str, str]:
    """(given, family) so that re-import gets the same first name back."""
    full = full_name.strip()
    first = first_name.strip()
    if first and full.startswith(first):
        return first, full[len(first) :].strip()
    parts = full.split()
    return (parts[0], " ".join(parts[1:])) if parts else ("", "")
