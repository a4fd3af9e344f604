"""The full list's count is kept between reads until anything commits: it follows every
kind of write (this process's, a bulk one, another program's, an archive)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from netui.demo import generate_people
from netui.store import PeopleQuery, Store


def full_count(store: Store) -> tuple[int, int]:
    window = store.people_window(PeopleQuery(), 0, 10)
    assert window is not None
    return window.count, window.total


def test_the_full_lists_count_follows_every_write(store: Store, db_path: Path) -> None:
    store.add_person("Ann")
    assert full_count(store) == (1, 1)
    assert full_count(store) == (1, 1)  # (read again: nothing changed)
    store.add_person("Bo")  # an ORM write
    assert full_count(store) == (2, 2)
    generate_people(store.db, 10)  # a bulk write
    assert full_count(store) == (12, 12)
    other = sqlite3.connect(db_path)  # another program
    other.execute(
        "INSERT INTO person (full_name, first_name, created_at, updated_at) "
        "VALUES ('Cy', 'Cy', '2024', '2024')"
    )
    other.commit()
    other.close()
    assert full_count(store) == (13, 13)
    store.archive_person(1)
    assert full_count(store) == (12, 12)
    archived = store.people_window(PeopleQuery(archived=True), 0, 10)
    assert archived is not None and (archived.count, archived.total) == (1, 1)
    assert full_count(store) == (12, 12)
    filtered = store.people_window(PeopleQuery(text="ann"), 0, 10)
    assert filtered is not None and (filtered.count, filtered.total) == (0, 12)
