"""Each real-world export shape is read into the right people (no database involved)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from netui.importers import Record, parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def by_name(path: str, fmt: str = "auto") -> dict[str, Record]:
    return {r.full_name: r for r in parse_file(FIXTURES / path, fmt).records}


def test_linkedin_current_export_skips_preamble_and_hidden_profiles() -> None:
    result = parse_file(FIXTURES / "linkedin_current.csv")
    assert result.format == "linkedin"
    names = [r.full_name for r in result.records]
    assert names == ["Ana Testa", "Bruno Exemplo", "Chloé Muster", "Dev Sample"]
    assert [s.line for s in result.skipped] == [8]  # the row with only a date
    ana = result.records[0]
    assert ana.company == "Stripe, Inc."  # quoted comma kept inside the company
    assert ana.linkedin_url == "https://www.linkedin.com/in/ana-testa-0001"
    assert ana.connected_on == date(2024, 3, 12)
    assert ana.line == 5


def test_linkedin_old_export_resaved_in_excel() -> None:
    people = by_name("linkedin_old_excel.csv")
    assert set(people) == {"Erin Placeholder", "Femi Dummy"}
    assert people["Erin Placeholder"].connected_on == date(2021, 4, 4)  # '4-Apr-21'
    assert people["Erin Placeholder"].email == "erin@example.org"
    assert people["Femi Dummy"].company == "Umbrella, LLC"


def test_google_current_picks_primary_values_and_keeps_multiline_notes() -> None:
    result = parse_file(FIXTURES / "google_current.csv")
    assert result.format == "google"
    gia = {r.full_name: r for r in result.records}["Gia Testova"]
    assert gia.email == "gia@example.com"  # '* Work' marks the primary email
    assert gia.phone == "+1 555 0100"  # first of ' ::: ' values
    assert gia.notes == "Met at the Python meetup.\nLikes climbing."
    assert gia.linkedin_url.endswith("gia-testova-0005")
    assert (gia.company, gia.title, gia.city) == ("Hooli", "Staff Engineer", "Lisbon")
    assert [s.message for s in result.skipped] == ["no name (only an email address)"]


def test_google_legacy_export() -> None:
    iris = by_name("google_legacy.csv")["Iris Probe"]
    assert (iris.company, iris.title, iris.email) == (
        "Vandelay Industries",
        "Data Scientist",
        "iris@example.com",
    )
    assert iris.notes == "College roommate"


def test_outlook_com_uses_job_title_not_honorific() -> None:
    result = parse_file(FIXTURES / "outlook_com.csv")
    assert result.format == "outlook"
    jo = result.records[0]
    assert (jo.full_name, jo.title, jo.company, jo.city) == (
        "Jo Fictive",
        "CTO",
        "Pied Piper",
        "Berlin",
    )
    assert jo.linkedin_url.endswith("jo-fictive-0006")


def test_outlook_desktop_semicolons_and_cp1252() -> None:
    jorg = parse_file(FIXTURES / "outlook_desktop_cp1252.csv").records[0]
    assert jorg.full_name == "Jörg Müßtermann"
    assert jorg.company == "Société Générale Test"
    assert (jorg.title, jorg.city, jorg.notes) == ("Entwickler", "München", "Café-Bekanntschaft")


def test_vcard_21_quoted_printable_soft_breaks_and_photo_skipped() -> None:
    result = parse_file(FIXTURES / "contacts_android_21.vcf")
    assert result.format == "vcard"
    assert not result.problems
    kathe = result.records[0]
    assert kathe.full_name == "Käthe Müller"
    assert kathe.phone == "+1 555 0105"  # the PREF one
    assert kathe.notes == (
        "First line of a long note that wraps with a soft line break and goes on.\nSecond line."
    )
    assert (kathe.company, kathe.title) == ("Initrode", "Account Executive")


def test_vcard_30_ios_groups_escapes_and_company_cards() -> None:
    result = parse_file(FIXTURES / "contacts_ios_30.vcf")
    lucia = result.records[0]
    assert lucia.full_name == "Lucía Exemplar"
    assert lucia.company == "Stripe, Inc."
    assert lucia.email == "lucia@example.com"
    assert lucia.linkedin_url.endswith("lucia-exemplar-0007")
    assert lucia.notes == "Met at PyCon\nAsked about infra, then payments"
    assert (lucia.city, lucia.instagram) == ("Porto", "lucia.example")
    assert [s.message for s in result.skipped] == ["an organisation, not a person"]


def test_vcard_40_uri_phone_and_org_kind() -> None:
    result = parse_file(FIXTURES / "contacts_40.vcf")
    assert [r.full_name for r in result.records] == ["Mika Testbed"]
    assert result.records[0].phone == "+1-555-0107"
    assert len(result.skipped) == 1


def test_one_bad_card_among_three_gives_two_people_and_one_error() -> None:
    result = parse_file(FIXTURES / "three_cards_one_bad.vcf")
    assert [r.full_name for r in result.records] == ["Nora Good", "Omar Fine"]
    assert len(result.problems) == 1
    assert result.problems[0].line == 11  # the broken line itself
    assert "could not be read" in result.problems[0].message


def test_a_card_with_a_broken_photo_still_imports() -> None:
    result = parse_file(FIXTURES / "bad_photo.vcf")
    assert [r.full_name for r in result.records] == ["Pia Photo"]
    assert not result.problems


def test_spreadsheet_semicolons_cp1252_title_row_and_guessed_columns() -> None:
    result = parse_file(FIXTURES / "sheet_semicolon_cp1252.csv")
    assert result.format == "csv"
    assert result.mapping["Full name"] == "full_name"
    assert result.mapping["Employer"] == "company"
    jose = {r.full_name: r for r in result.records}["José Ñandú"]
    assert (jose.company, jose.title, jose.email) == (
        "Café Co",
        "Backend developer",
        "jose@example.com",
    )
    assert jose.how_we_know == "college"  # 'How we met: college' also sets the choice
    assert result.records[1].how_we_know_text == "met at; the meetup"


def test_spreadsheet_utf16_tab_separated() -> None:
    quinn = parse_file(FIXTURES / "sheet_utf16.csv").records[0]
    assert (quinn.full_name, quinn.title, quinn.phone) == (
        "Quinn Tester",
        "Engineering Manager",
        "+1 555 0108",
    )


def test_map_overrides_a_guess_and_maps_an_unknown_column() -> None:
    result = parse_file(
        FIXTURES / "sheet_custom_headers.csv",
        overrides=["Contact info=email", "Job=skip"],
    )
    rafa = result.records[0]
    assert rafa.email == "rafa@example.com"
    assert rafa.title == ""
    assert rafa.company == "Hooli"


def test_bad_values_are_dropped_with_a_reason_and_the_person_kept() -> None:
    result = parse_file(FIXTURES / "bad_invalid_values.csv")
    zed = result.records[0]
    assert zed.email == ""
    assert zed.linkedin_url == "https://linkedin.com/in/zed-values-0009"
    assert [str(p) for p in result.problems] == [
        "line 2, column Email: 'not-an-email' is not an email address; left empty."
    ]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Name,Company,Title", {"Name": "full_name", "Company": "company", "Title": "title"}),
        ("Full Name,Employer,Position", {"Full Name": "full_name", "Employer": "company",
                                         "Position": "title"}),
        ("First,Last,E-mail,LinkedIn URL", {"First": "first_name", "Last": "last_name",
                                            "E-mail": "email", "LinkedIn URL": "linkedin_url"}),
        ("Who,Fav colour", {"Who": "full_name", "Fav colour": "skip"}),
    ],
)  # fmt: skip
def test_header_guessing(header: str, expected: dict[str, str]) -> None:
    from netui.importers.spreadsheet import guess_mapping

    assert guess_mapping(header.split(",")) == expected
