"""The quick-add grammar shared by `netui add` and the People screen."""

from __future__ import annotations

import pytest

from netui.errors import InputError
from netui.quickadd import parse_quick_add


@pytest.mark.parametrize(
    ("line", "name", "company", "fields"),
    [
        ("Jane Doe", "Jane Doe", "", {}),
        ("Jane Doe @ Stripe", "Jane Doe", "Stripe", {}),
        ("Jane Doe @ Stripe, engineer, college", "Jane Doe", "Stripe",
         {"role": "engineer", "how_we_know": "college"}),
        ("Sam @ Acme, em, met once, sam@example.com", "Sam", "Acme",
         {"role": "engineering_manager", "closeness": "met_once", "email": "sam@example.com"}),
        ("Li @ Bank, Product Manager, +1 (555) 010-0100", "Li", "Bank",
         {"title": "Product Manager", "role": "other_tech", "phone": "+1 (555) 010-0100"}),
        ("Mo, linkedin.com/in/mo, in New York", "Mo", "",
         {"linkedin_url": "https://linkedin.com/in/mo", "city": "New York"}),
        ("Ana @ Figma, CTO, friend, climbs on weekends, has a dog", "Ana", "Figma",
         {"role": "founder_cto", "closeness": "friend",
          "notes": "climbs on weekends, has a dog"}),
        ("Lu @ Bakery, Owner", "Lu", "Bakery", {"notes": "Owner"}),
    ],
)  # fmt: skip
def test_grammar(line: str, name: str, company: str, fields: dict[str, str]) -> None:
    parsed = parse_quick_add(line)
    assert (parsed.full_name, parsed.company, parsed.fields) == (name, company, fields)


@pytest.mark.parametrize(
    ("line", "message"),
    [("", "Type a name"), ("@ Stripe", "no name"), ("Bo, bo@bad", "not an email")],
)
def test_errors_are_one_sentence(line: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse_quick_add(line)
    assert "\n" not in str(caught.value)
