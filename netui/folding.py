"""Folding text for search, with the standard library only (the CLI fast path imports it)."""

from __future__ import annotations

import unicodedata
from functools import cache


def fold(text: str) -> str:
    """Lower-case and strip accents: 'José' -> 'jose' (the search index folds the same way)."""
    if text.isascii():  # nothing to decompose (most names): 10x faster, the same result
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_words(text: str) -> list[str]:
    """The words of a search: runs of letters, digits and '_' after folding (regex `\\w+`)."""
    return "".join(ch if ch.isalnum() or ch == "_" else " " for ch in fold(text)).split()


def fts_query(text: str, columns: str = "") -> str:
    """User text -> FTS5 query: every word must start a word ('jose st' -> 'jose* AND st*').

    `columns` ("{a b}") limits the match to those columns of the index.
    """
    words = " AND ".join(f'"{w}"*' for w in search_words(text))
    if not words or not columns:
        return words
    return f"{columns} : ({words})"


# ---- the same folding in plain SQL (a sort key any SQLite client keeps right) -------------

# Letters with marks (Latin-1 and Latin Extended A/B) and the ASCII letter each folds to,
# plus the few that do not decompose ('ø', 'ł', 'ß'...): the first letter of each fold.
_UNDECOMPOSED = {"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "æ": "a",
                 "Æ": "a", "œ": "o", "Œ": "o", "ß": "s", "þ": "t", "Þ": "t", "ı": "i"}  # fmt: skip
SQL_FOLDED_CHARS = 3  # characters folded one by one (the rest lower-cased); the index of
# schema step 8 is built on this exact expression: a change needs a new migration


def _marked_letters() -> dict[str, str]:
    letters: dict[str, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        folded = fold(char)
        if folded != char and folded[:1].isascii() and folded[:1].isalpha():
            letters[char] = folded[0]
    letters.update(_UNDECOMPOSED)
    return letters


@cache
def fold_sql(column: str) -> str:
    """An SQL expression that sorts `column` as `fold` does ('Émile' with the e's, not
    after 'Zoë'), built only from SQLite's own functions: no Python function in the
    schema, so any SQLite client can still write the table. The first SQL_FOLDED_CHARS
    characters are folded one by one (a lookup in two strings), the rest lower-cased;
    a value whose first characters are ASCII ('José': most names) is only lower-cased."""
    letters = _marked_letters()
    source, target = "#" + "".join(letters), "#" + "".join(letters.values())
    parts = []
    for k in range(1, SQL_FOLDED_CHARS + 1):
        char = f"substr({column}, {k}, 1)"
        # not found: instr 0 -> ''; '' (past the end) finds the leading '#': both -> char
        mapped = f"nullif(nullif(substr('{target}', instr('{source}', {char}), 1), ''), '#')"
        parts.append(f"coalesce({mapped}, lower({char}))")
    parts.append(f"lower(substr({column}, {SQL_FOLDED_CHARS + 1}))")
    head = f"substr({column}, 1, {SQL_FOLDED_CHARS})"
    return f"CASE WHEN {head} GLOB '*[^ -~]*' THEN {' || '.join(parts)} ELSE lower({column}) END"
