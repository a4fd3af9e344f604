"""Name normalization shared by search, duplicates and companies (pure)."""

from __future__ import annotations

import re

from netui.folding import fold

__all__ = ["company_key", "first_name_of", "fold", "linkedin_key", "person_key", "phone_key"]

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


def first_name_of(full_name: str) -> str:
    parts = full_name.strip().split()
    return parts[0] if parts else ""


def phone_key(phone: str) -> str:
    """Digits only, last 10 kept so '+1 (555) 010-0100' and '555-010-0100' match."""
    digits = re.sub(r"\D", "", phone)
    return digits[-10:] if len(digits) >= 7 else ""


def linkedin_key(url: str) -> str:
    """'https://www.linkedin.com/in/Jane-Doe/' -> 'jane-doe'."""
    match = re.search(r"linkedin\.com/in/([^/?#\s]+)", url, re.IGNORECASE)
    return match.group(1).casefold() if match else url.strip().casefold().rstrip("/")
