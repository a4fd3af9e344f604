"""The ranking and the explanations (pure: a Network built by hand, no database)."""

from __future__ import annotations

import pytest

from netui.network import Contact, Network, PathKind, find_paths, overview, targets_order
from netui.path_explain import explain, next_move
from netui.path_strength import (
    HOP_PENALTY,
    LINK_WEIGHT,
    RECENCY_FLOOR,
    RECENCY_HALF_LIFE_DAYS,
    recency_factor,
    strength_word,
    tie_strength,
)

STRIPE = 1
ACME = 2


def network(*people: Contact, links: tuple[tuple[int, int, str], ...] = ()) -> Network:
    net = Network(companies={STRIPE: "Stripe", ACME: "Acme"})
    for person in people:
        net.add_person(person)
    for a, b, kind in links:
        net.add_link(a, b, kind)
    return net


def friend(pid: int, name: str, **values: object) -> Contact:
    defaults: dict[str, object] = {
        "closeness": "close", "days_since": 3.0, "last_kind": "coffee",
        "interactions": 8, "replies": 3,
    }  # fmt: skip
    return Contact(pid, name, **{**defaults, **values})  # type: ignore[arg-type]


def cold(pid: int, name: str, **values: object) -> Contact:
    defaults: dict[str, object] = {
        "closeness": "acquaintance", "days_since": 240.0, "last_kind": "message",
        "interactions": 1, "replies": 0,
    }  # fmt: skip
    return Contact(pid, name, **{**defaults, **values})  # type: ignore[arg-type]


DANA = Contact(10, "Dana Ruiz", company_id=STRIPE, role="engineer", is_stub=True)


def test_a_close_recent_friend_beats_a_cold_acquaintance() -> None:
    net = network(
        friend(1, "Priya Patel"), cold(2, "Marcus Lee"), DANA,
        links=((1, 10, "knows"), (2, 10, "knows")),
    )  # fmt: skip
    paths = find_paths(net, STRIPE)
    assert [p.first for p in paths] == [1, 2]
    assert paths[0].strength > 3 * paths[1].strength
    assert strength_word(paths[0].strength) == "good"
    assert strength_word(paths[1].strength) == "weak"


def test_each_factor_of_a_tie_counts() -> None:
    base = friend(1, "A")
    assert tie_strength(base) > tie_strength(friend(1, "A", closeness="acquaintance"))
    assert tie_strength(base) > tie_strength(friend(1, "A", days_since=400.0))
    assert tie_strength(base) > tie_strength(friend(1, "A", interactions=1))
    assert tie_strength(base) > tie_strength(friend(1, "A", replies=0))  # one-way
    half = recency_factor(RECENCY_HALF_LIFE_DAYS)
    assert abs(half - (RECENCY_FLOOR + (1 - RECENCY_FLOOR) / 2)) < 1e-9
    assert recency_factor(None) == RECENCY_FLOOR  # never talked: only the floor


def test_a_two_hop_path_loses_to_a_one_hop_path_of_the_same_ties() -> None:
    # 1 knows Dana directly; 2 (the same tie) knows Sam, who knows Dana.
    net = network(
        friend(1, "Priya Patel"), friend(2, "Omar Haddad"),
        Contact(3, "Sam Rivera", is_stub=True), DANA,
        links=((1, 10, "knows"), (2, 3, "knows"), (3, 10, "knows")),
    )  # fmt: skip
    one, two = find_paths(net, STRIPE)
    assert (one.first, one.hops, two.first, two.hops) == (1, 1, 2, 2)
    assert two.strength == pytest.approx(one.strength * LINK_WEIGHT["knows"] * HOP_PENALTY)
    assert two.people == (2, 3, 10)


def test_max_hops_is_the_limit() -> None:
    net = network(
        friend(2, "Omar Haddad"), Contact(3, "Sam Rivera", is_stub=True), DANA,
        links=((2, 3, "knows"), (3, 10, "knows")),
    )  # fmt: skip
    assert [p.people for p in find_paths(net, STRIPE, max_hops=2)] == [(2, 3, 10)]
    assert list(find_paths(net, STRIPE, max_hops=1)) == []  # Sam is a stranger: no path of one link


def test_archived_people_are_on_no_path() -> None:
    net = network(
        friend(1, "Priya Patel", archived=True),  # knows Dana, but archived
        friend(2, "Omar Haddad"),
        Contact(3, "Sam Rivera", archived=True),  # Omar -> Sam -> Dana goes through her
        Contact(11, "Eve Stone", company_id=STRIPE, role="engineer", archived=True),
        friend(4, "Lu Wei"),
        DANA,
        links=((1, 10, "knows"), (2, 3, "knows"), (3, 10, "knows"), (4, 11, "knows")),
    )
    assert list(find_paths(net, STRIPE, max_hops=3)) == []


def test_cycles_are_excluded_and_stubs_never_start_a_path() -> None:
    # Two links between the same pair and a triangle: walks could loop back.
    net = network(
        friend(1, "Priya Patel"), friend(2, "Omar Haddad"), Contact(5, "Stub", is_stub=True),
        DANA,
        links=(
            (1, 2, "knows"), (2, 1, "introduced_by"), (1, 5, "knows"), (5, 2, "knows"),
            (2, 10, "works_with"),
        ),
    )  # fmt: skip
    paths = find_paths(net, STRIPE, max_hops=3)
    assert {p.first for p in paths} == {1, 2}  # the stub reaches Dana but cannot be asked
    for path in paths:
        assert len(set(path.people)) == len(path.people)
    omar = next(p for p in paths if p.first == 2)
    assert omar.people == (2, 10) and net.phrases(omar) == ["works with"]


def test_people_inside_former_colleagues_and_the_role_of_the_last_person() -> None:
    net = network(
        friend(1, "Dana Ruiz", company_id=STRIPE, role="engineer", title="Engineer"),
        friend(2, "Rita Cole", company_id=STRIPE, role="recruiter"),
        friend(3, "Ana Lopez", company_id=ACME),
    )
    net.former[STRIPE] = {3}
    paths = find_paths(net, STRIPE)
    assert [(p.first, p.kind) for p in paths] == [
        (1, PathKind.direct), (2, PathKind.direct), (3, PathKind.former),
    ]  # fmt: skip
    assert next_move(paths[0], net).intent == "pitch"
    assert next_move(paths[1], net).intent == "intro"
    assert explain(paths[2], net) == (
        "Ana Lopez (close friend, coffee 3 days ago) used to work at Stripe → ask for an intro"
    )


def test_the_explanation_reads_as_one_line() -> None:
    net = network(
        friend(1, "Priya Patel"),
        cold(2, "Marcus Lee", company_id=STRIPE, role="non_tech"),
        Contact(10, "Dana Ruiz", company_id=STRIPE, role="engineer"),
        Contact(12, "Sam's roommate at Stripe", company_id=STRIPE, is_stub=True),
        friend(4, "Omar Haddad", closeness="friend", days_since=21.0, last_kind="reply"),
        links=((1, 10, "knows"), (4, 12, "knows")),
    )
    lines = {p.first: explain(p, net) for p in find_paths(net, STRIPE)}
    assert lines[1] == (
        "Priya Patel (close friend, coffee 3 days ago) → knows Dana Ruiz, engineer at Stripe"
        " → pitch"
    )
    assert lines[2] == (
        "Marcus Lee (acquaintance, message 8 months ago) works at Stripe → ask for an intro"
    )
    assert lines[4] == (
        "Omar Haddad (friend, their reply 3 weeks ago) → knows Sam's roommate at Stripe"
        " → find out what they do"
    )
    move = next_move(next(p for p in find_paths(net, STRIPE) if p.first == 1), net)
    assert (move.person_id, move.intent, move.target_id) == (1, "intro", 10)


def test_introduced_by_reads_from_each_side() -> None:
    # (10, 1, introduced_by): Priya introduced you to Dana; (2, 11, ...): Lin introduced Omar.
    net = network(
        friend(1, "Priya Patel"), friend(2, "Omar Haddad"),
        Contact(10, "Dana Ruiz", company_id=STRIPE, role="engineer", is_stub=True),
        Contact(11, "Lin Zhao", company_id=STRIPE, role="engineer", is_stub=True),
        links=((10, 1, "introduced_by"), (2, 11, "introduced_by")),
    )  # fmt: skip
    lines = {p.first: explain(p, net) for p in find_paths(net, STRIPE)}
    assert "→ introduced you to Dana Ruiz" in lines[1]
    assert "→ was introduced to you by Lin Zhao" in lines[2]


def test_targets_overview_puts_no_way_in_first() -> None:
    net = network(friend(1, "Priya Patel"), DANA, links=((1, 10, "knows"),))
    stripe, acme = overview(net, STRIPE), overview(net, ACME)
    assert (stripe.paths, acme.paths, acme.best, acme.word) == (1, 0, None, "none")
    assert [o.company_id for o in targets_order([stripe, acme])] == [ACME, STRIPE]
