"""People in the store: CRUD, companies, search, filters, sorts, archive and purge."""

from __future__ import annotations

from pathlib import Path

import pytest

from netui.errors import InputError, NotFoundError
from netui.store import PeopleQuery, Store


def names(store: Store, query: PeopleQuery) -> list[str]:
    return [row.full_name for row in store.people_page(query, 0, 100)]


def test_add_get_update_person(store: Store) -> None:
    pid = store.add_person("Jane Doe", company="Stripe", title="Engineer", email="j@example.com")
    person = store.get_person(pid)
    assert (person.full_name, person.first_name, person.email) == (
        "Jane Doe",
        "Jane",
        "j@example.com",
    )
    assert store.company_name(person.company_id) == "Stripe"
    before = store.update_person(pid, title="Staff Engineer", company="Figma")
    assert before == {"title": "Engineer", "company": "Stripe"}
    person = store.get_person(pid)
    assert person.title == "Staff Engineer" and store.company_name(person.company_id) == "Figma"


def test_bad_values_are_refused_with_the_field_named(store: Store) -> None:
    with pytest.raises(InputError, match="email"):
        store.add_person("A", email="nope")
    with pytest.raises(InputError, match="web address"):
        store.add_person("A", linkedin_url="linkedin.com/in/a")
    with pytest.raises(InputError, match="role 'wizard'"):
        store.add_person("A", role="wizard")
    with pytest.raises(InputError, match="name is required"):
        store.add_person("   ")
    with pytest.raises(NotFoundError):
        store.update_person(12345, title="x")
    assert store.total_people() == 0


def test_company_names_are_one_record_whatever_the_spelling(store: Store) -> None:
    a = store.add_person("A", company="Google LLC")
    b = store.add_person("B", company="google")
    c = store.add_person("C", company="GOOGLE, Inc.")
    ids = {store.get_person(p).company_id for p in (a, b, c)}
    assert len(ids) == 1
    assert [c.people for c in store.companies()] == [3]


def test_search_is_accent_case_and_word_prefix_insensitive(store: Store) -> None:
    store.add_person("José Núñez", company="Figma")
    store.add_person("Joseph Stone", notes="met at pickup basketball")
    store.add_person("Ann Lee", company="Stripe", email="ann@example.com")
    assert sorted(names(store, PeopleQuery(text="jose"))) == ["Joseph Stone", "José Núñez"]
    assert names(store, PeopleQuery(text="NUNEZ")) == ["José Núñez"]
    assert names(store, PeopleQuery(text="basket")) == ["Joseph Stone"]
    assert names(store, PeopleQuery(text="strip")) == ["Ann Lee"]
    assert names(store, PeopleQuery(text="ann@example")) == ["Ann Lee"]
    assert names(store, PeopleQuery(text="ee")) == []  # word starts only
    assert names(store, PeopleQuery(text='"; DROP TABLE person; --')) == []
    assert store.total_people() == 3


def test_search_follows_a_company_rename_and_an_edit(store: Store) -> None:
    pid = store.add_person("Kim", company="Acme")
    store.update_person(pid, company="Globex", notes="loves chess")
    assert names(store, PeopleQuery(text="acme")) == []
    assert names(store, PeopleQuery(text="globex chess")) == ["Kim"]


def test_filters_and_stable_sorts(store: Store) -> None:
    store.add_person("Cara", role="engineer", closeness="close", stage="engaged",
                     follow_up_on="2026-11-20")  # fmt: skip
    store.add_person("Abe", role="recruiter", closeness="friend")
    store.add_person("Bo", role="engineer", closeness="met_once", follow_up_on="2026-12-20")
    store.add_person("Bo", role="engineer", closeness="close")
    assert names(store, PeopleQuery()) == ["Abe", "Bo", "Bo", "Cara"]
    assert names(store, PeopleQuery(role="engineer")) == ["Bo", "Bo", "Cara"]
    assert names(store, PeopleQuery(due_only=True)) == ["Cara"]
    assert names(store, PeopleQuery(stage="engaged")) == ["Cara"]
    assert names(store, PeopleQuery(sort="closeness")) == ["Bo", "Cara", "Abe", "Bo"]
    assert names(store, PeopleQuery(sort="follow_up")) == ["Cara", "Bo", "Abe", "Bo"]
    assert names(store, PeopleQuery(sort="name", descending=True)) == ["Cara", "Bo", "Bo", "Abe"]
    assert store.count_people(PeopleQuery(role="engineer")) == 3
    rows = store.people_page(PeopleQuery(sort="follow_up"), 0, 1)
    assert rows[0].is_overdue(store.today())


def test_pages_cover_everyone_once(store: Store) -> None:
    from netui.demo import generate_people

    generate_people(store.db, 250)
    seen = [r.id for off in range(0, 250, 40) for r in store.people_page(PeopleQuery(), off, 40)]
    assert len(seen) == 250 == len(set(seen))


def test_archive_restore_and_purge(store: Store, db_path: Path) -> None:
    keep = store.add_person("Keep Me")
    gone = store.add_person("Zanzibar Marker", notes="secret-marker-7781")
    store.archive_person(gone)
    assert names(store, PeopleQuery()) == ["Keep Me"]
    assert names(store, PeopleQuery(archived=True)) == ["Zanzibar Marker"]
    store.restore_person(gone)
    assert store.total_people() == 2
    store.purge_person(gone)
    assert names(store, PeopleQuery(text="zanzibar")) == []
    for suffix in ("", "-wal"):
        path = Path(f"{db_path}{suffix}")
        if path.exists():
            assert b"secret-marker-7781" not in path.read_bytes()
            assert b"Zanzibar" not in path.read_bytes()
    assert store.get_person(keep).full_name == "Keep Me"
    with pytest.raises(NotFoundError):
        store.purge_person(gone)


def test_quick_add_through_the_store(store: Store) -> None:
    pid = store.quick_add("Jane Doe @ Stripe, Staff Software Engineer, college, in Berlin")
    person = store.get_person(pid)
    assert person.role == "engineer" and person.how_we_know == "college"
    assert person.title == "Staff Software Engineer" and person.city == "Berlin"
    assert store.company_name(person.company_id) == "Stripe"


def test_budgeted_window_gives_up_instead_of_blocking(store: Store) -> None:
    """The UI thread's read: interrupted past its budget; another thread reading or a bulk
    write in progress doesn't make it wait (each read has its own connection, WAL)."""
    import threading

    from netui.demo import generate_people

    generate_people(store.db, 3000)
    query = PeopleQuery(text="a", sort="company")
    assert store.people_window(query, 0, 50, budget=0.0) is None  # out of time
    full = store.people_window(query, 0, 50)  # the reader still works after an interrupt
    assert full is not None and full.count > 50 and len(full.rows) == 50
    assert full.total == 3000
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with store.db.read(), store.db.write():  # BEGIN IMMEDIATE: the write lock
            held.set()
            release.wait(5)

    worker = threading.Thread(target=hold)
    worker.start()
    held.wait(5)
    try:
        assert store.people_window(query, 0, 50, budget=1.0) == full  # no waiting
    finally:
        release.set()
        worker.join()
    assert store.people_window(query, 0, 50, budget=1.0) == full


def test_window_total_follows_every_kind_of_write(store: Store) -> None:
    from netui.demo import generate_people

    store.add_person("Ann")
    assert store.people_window(PeopleQuery(text="zzz"), 0, 10) is not None
    generate_people(store.db, 10)  # a bulk write on the reader's own connection
    window = store.people_window(PeopleQuery(text="zzz"), 0, 10)
    assert window is not None and window.total == 11
    store.add_person("Bo")  # an ORM write
    window = store.people_window(PeopleQuery(text="zzz"), 0, 10)
    assert window is not None and window.total == 12


def test_dense_filters_read_in_name_order_give_the_same_rows(store: Store) -> None:
    """The fast path for common letters returns exactly what the sorted path returns."""
    from netui.demo import generate_people

    generate_people(store.db, 2000)
    store.archive_person(5)
    for text in ("a", "e", "jo", "ma li", "x"):
        query = PeopleQuery(text=text)
        for offset in (0, 150):
            window = store.people_window(query, offset, 120)
            assert window is not None
            assert window.rows == store.people_page(query, offset, 120), (text, offset)
            assert window.count == len(store.people_page(query, 0, 10_000))
    assert all(r.id != 5 for r in store.people_window(PeopleQuery(text="a"), 0, 2000).rows)


def test_reads_are_typed_records_and_never_move_the_data_version(store: Store) -> None:
    """get_person is a frozen record with enum fields; reading changes nothing, so screens
    watching data_version don't reload for it; a write does move it."""
    import dataclasses

    from netui.enums import Closeness, Role, Stage

    pid = store.add_person("Ann Lee", company="Stripe", role="engineer", closeness="friend")
    version = store.data_version()
    person = store.get_person(pid)
    assert person.role is Role.engineer and person.closeness is Closeness.friend
    assert person.stage is Stage.new and person.company == "Stripe"
    with pytest.raises(dataclasses.FrozenInstanceError):
        person.title = "CTO"  # type: ignore[misc]
    store.timeline(pid)
    store.people_window(PeopleQuery(), 0, 10)
    assert store.data_version() == version
    store.update_person(pid, title="CTO")
    assert store.data_version() != version
    assert store.get_person(pid).title == "CTO"
