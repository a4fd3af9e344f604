"""A damaged .vcf loses no good card: a card without END ends at the next BEGIN, a nested
card is read on its own, and the summary says what happened on which line."""

from __future__ import annotations

from pathlib import Path

import pytest

from netui.cli import main
from netui.importers import parse_file
from netui.store import PeopleQuery, Store


def _card(name: str, *extra: str, end: bool = True) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}", *extra]
    return "\n".join(lines + (["END:VCARD"] if end else [])) + "\n"


def test_a_card_without_end_ends_at_the_next_begin_and_every_good_card_is_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "phone.vcf"
    path.write_text(
        _card("Ann Noend", "TEL:+1 555 0100", end=False)
        + _card("Bob Good")
        + _card("Cy Good")
        + _card("Dee Last", end=False)
    )
    result = parse_file(path)
    assert [r.full_name for r in result.records] == ["Ann Noend", "Bob Good", "Cy Good", "Dee Last"]
    assert result.records[0].phone == "+1 555 0100"
    assert [str(w) for w in result.warnings] == [
        "line 1: this card has no END:VCARD line; it ends where the card on line 5 begins.",
        "line 13: this card has no END:VCARD line; it was read up to the end of the file.",
    ]
    assert not result.problems


def test_a_nested_card_is_read_on_its_own_and_the_outer_card_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "agent.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:2.1\nFN:Olga Outer\nAGENT:\n"
        + _card("Ian Inner")
        + "TEL:555-0101\nEND:VCARD\n"
        + _card("Pat After")
    )
    result = parse_file(path)
    people = {r.full_name: r for r in result.records}
    assert list(people) == ["Olga Outer", "Ian Inner", "Pat After"]
    assert people["Olga Outer"].phone == "555-0101"  # read after the nested card
    assert [str(w) for w in result.warnings] == [
        "line 5: a card nested inside the card on line 1; read as a card of its own."
    ]


def test_a_bad_card_between_good_ones_is_reported_and_the_summary_counts_it(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mixed.vcf"
    path.write_text(
        "END:VCARD\n"
        + _card("Good One")
        + "BEGIN:VCARD\nVERSION:3.0\nthis line has no property\nEND:VCARD\n"
        + _card("", "ORG:Acme")
        + _card("Lost End", end=False)
        + _card("Good Two")
    )
    assert main(["--db", str(db_path), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "new 3 · updated 0 · unchanged 0 · skipped 1 · errors 1 · warnings 2" in out
    assert "line 8: this card could not be read (a line with no property name); skipped." in out
    assert "line 15: this card has no END:VCARD line; it ends where the card on line 18" in out
    assert "line 1: END:VCARD without a BEGIN:VCARD; ignored." in out
    assert "1 × no name" in out


def test_reimporting_a_recovered_file_changes_nothing(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "phone.vcf"
    path.write_text(_card("Ann Noend", end=False) + _card("Bob Good"))
    assert store.import_records(parse_file(path)).new == 2
    again = store.import_records(parse_file(path))
    assert (again.new, again.unchanged) == (0, 2)
    assert store.count_people(PeopleQuery()) == 2
