"""Who knows whom on a real temp database: links both ways, stubs, undo, company merges."""

from __future__ import annotations

import pytest

from netui.errors import InputError
from netui.store import Store


def test_a_link_shows_on_both_people(store: Store) -> None:
    sam = store.add_person("Sam Lee", company="Stripe")
    priya = store.add_person("Priya Shah", company="Stripe")
    store.add_link(sam, priya, "works_with")
    [on_sam] = store.links_for(sam)
    [on_priya] = store.links_for(priya)
    assert (on_sam.other_name, on_sam.label, on_sam.other_company) == (
        "Priya Shah", "works with", "Stripe"
    )  # fmt: skip
    assert (on_priya.other_id, on_priya.label) == (sam, "works with")


def test_introduced_by_reads_both_ways(store: Store) -> None:
    priya = store.add_person("Priya Shah")
    sam = store.add_person("Sam Lee")
    store.add_link(priya, sam, "introduced_by")
    assert store.links_for(priya)[0].label == "introduced by"
    assert store.links_for(sam)[0].label == "introduced you to"


def test_the_same_link_twice_is_one_link(store: Store) -> None:
    a = store.add_person("A One")
    b = store.add_person("B Two")
    first = store.add_link(a, b, "knows")
    assert store.add_link(b, a, "knows") == first
    assert len(store.links_for(a)) == 1


def test_a_stub_person_from_a_description(store: Store) -> None:
    sam = store.add_person("Sam Lee", company="Stripe")
    stub_id, _ = store.add_stub_and_link(sam, "Sam's roommate at Stripe")
    stub = store.get_person(stub_id)
    assert (stub.full_name, stub.is_stub, stub.first_name) == ("Sam's roommate at Stripe", True, "")
    assert store.company_name(stub.company_id) == "Stripe"
    [link] = store.links_for(sam)
    assert (link.other_name, link.other_is_stub, link.label) == (
        "Sam's roommate at Stripe", True, "knows"
    )  # fmt: skip


def test_delete_link_and_undo(store: Store) -> None:
    a = store.add_person("A One")
    b = store.add_person("B Two")
    link_id = store.add_link(a, b, "introduced_by", note="at the meetup")
    removed = store.delete_link(link_id)
    assert store.links_for(a) == []
    store.restore_link(removed)
    [back] = store.links_for(a)
    assert (back.label, back.note) == ("introduced by", "at the meetup")


def test_bad_links_are_refused(store: Store) -> None:
    a = store.add_person("A One")
    with pytest.raises(InputError, match="themselves"):
        store.add_link(a, a)
    with pytest.raises(InputError, match="Link 'enemy'"):
        store.add_link(a, a, "enemy")
    with pytest.raises(InputError, match="Describe the person"):
        store.add_stub_and_link(a, "   ")
    assert store.links_for(a) == []


def test_archived_people_leave_the_link_list(store: Store) -> None:
    a = store.add_person("A One")
    b = store.add_person("B Two")
    store.add_link(a, b)
    store.archive_person(b)
    assert store.links_for(a) == []
