"""The search index keeps one- and two-letter prefixes (schema step 11): an older file is
rebuilt on open and finds the same people; a letter most people match lists them in order."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from netui.db import Database
from netui.folding import fold
from netui.schema import MIGRATIONS
from netui.store import PeopleQuery, Store, people


def test_an_older_file_is_reindexed_and_finds_the_same_people(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for step in MIGRATIONS[:-1]:
        conn.executescript(step)
    conn.execute(f"PRAGMA user_version={len(MIGRATIONS) - 1}")
    conn.execute(
        "INSERT INTO company (name, name_key, created_at) VALUES ('Stripe', 'stripe', '2024')"
    )
    for name, title in (("José Álvarez", "Engineer"), ("Ann Lee", "Recruiter"), ("Bo Ng", "")):
        conn.execute(
            "INSERT INTO person (full_name, first_name, title, company_id, created_at, "
            "updated_at) VALUES (?, ?, ?, 1, '2024', '2024')",
            (name, name.split()[0], title),
        )
    conn.commit()
    conn.close()
    db = Database.open(path)
    try:
        store = Store(db)
        found = {
            text: [r.full_name for r in store.people_page(PeopleQuery(text=text), 0, 10)]
            for text in ("j", "al", "e", "str", "jose eng", "re")
        }
        assert found == {
            "j": ["José Álvarez"],
            "al": ["José Álvarez"],
            "e": ["José Álvarez"],
            "str": ["Ann Lee", "Bo Ng", "José Álvarez"],
            "jose eng": ["José Álvarez"],
            "re": ["Ann Lee"],
        }
        store.update_person(3, title="Engineer")  # the triggers keep the new index
        assert [r.full_name for r in store.people_page(PeopleQuery(text="en"), 0, 10)] == [
            "Bo Ng",
            "José Álvarez",
        ]
    finally:
        db.close()


def test_a_letter_most_people_match_lists_every_match_in_name_order(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walking the name list and checking each row in the index (the common-letter path,
    taken from 30,000 matches: here from 5) gives the rows a full sort of the matches
    gives, page after page, archived left out."""
    monkeypatch.setattr(people, "MOST_MATCHES", 5)
    names = [f"{first} {last}" for first in ("Eva", "Émile", "Bo", "Ed") for last in "PQRSTU"]
    for name in names:
        store.add_person(name)
    store.archive_person(2)
    query = PeopleQuery(text="e")
    live = sorted(
        (n for i, n in enumerate(names, 1) if i != 2 and fold(n).split()[0].startswith("e")),
        key=lambda n: fold(n),
    )
    seen: list[str] = []
    for offset in range(0, len(live), 5):
        window = store.people_window(query, offset, 5)
        assert window is not None and window.count == len(live)
        seen += [row.full_name for row in window.rows]
    assert seen == live
