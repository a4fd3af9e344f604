"""A whole column checked at once (`column_ok`, JSON restore's usual case) never passes a
value the one-by-one check (`value_problem`) would refuse."""

from __future__ import annotations

from typing import Any

import pytest

from netui.store.value_rules import ColumnRule, column_ok, table_rules, value_problem

PERSON = table_rules("person")
GOOD: dict[str, list[Any]] = {
    "id": [1, 2, 3],
    "company_id": [None, 4, 1],
    "full_name": ["Ana", "Bo Ek", "Zoë Ñandú"],
    "role": ["unknown", "recruiter", "founder_cto"],
    "connected_on": ["2024-03-12", None, "1999-12-31"],
    "created_at": ["2024-03-12 10:00:00", "2024-02-29 23:59:59", "2024-03-12 10:00:00"],
}
BAD: list[tuple[str, Any]] = [
    ("id", 0),
    ("id", "1"),
    ("id", True),
    ("id", 2**63),
    ("company_id", -1),
    ("company_id", 1.0),
    ("full_name", None),
    ("full_name", 7),
    ("full_name", "nul\x00here"),
    ("full_name", "lone \ud800 surrogate"),
    ("full_name", "x" * 1_000_001),
    ("full_name", ["a", "list"]),
    ("role", "astronaut"),
    ("connected_on", "2024-02-30"),
    ("connected_on", "12 Mar 2024"),
    ("created_at", "2023-02-29 10:00:00"),
    ("created_at", "2024-03-12T10:00:00"),
    ("created_at", "2024-03-12 24:00:00"),
]


@pytest.mark.parametrize("column", sorted(GOOD))
def test_a_good_column_passes_both_ways(column: str) -> None:
    rule = PERSON[column]
    assert all(value_problem(rule, v) is None for v in GOOD[column])
    assert column_ok(rule, GOOD[column])


@pytest.mark.parametrize(
    ("column", "value"), BAD, ids=[f"{c}-{i}" for i, (c, _v) in enumerate(BAD)]
)
def test_one_bad_value_fails_the_column_as_it_fails_alone(column: str, value: Any) -> None:
    rule = PERSON[column]
    assert value_problem(rule, value) is not None
    assert not column_ok(rule, [*GOOD[column], value])


def test_a_time_in_other_digits_is_left_to_the_one_by_one_check() -> None:
    """strptime reads Arabic-Indic digits; the column check says 'ask one by one', not 'bad'."""
    rule: ColumnRule = PERSON["created_at"]
    value = "\u0662\u0660\u0662\u0664-03-12 10:00:00"
    assert value_problem(rule, value) is None
    assert not column_ok(rule, [value])
