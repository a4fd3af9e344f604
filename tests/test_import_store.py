"""Importing into a real database: matching, job changes, idempotence, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from netui.importers import ParseResult, Record, parse_file
from netui.store import PeopleQuery, Store

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def result_of(*records: Record, fmt: str = "csv") -> ParseResult:
    return ParseResult(source="test.csv", format=fmt, records=list(records), rows=len(records))


def names(store: Store) -> list[str]:
    return [r.full_name for r in store.people_page(PeopleQuery(), 0, 1000)]


def test_linkedin_import_then_reimport_changes_nothing(store: Store) -> None:
    result = parse_file(FIXTURES / "linkedin_current.csv")
    first = store.import_records(result)
    assert (first.new, first.updated, first.unchanged, len(first.skipped)) == (4, 0, 0, 1)
    before = store.export_tables()
    again = store.import_records(parse_file(FIXTURES / "linkedin_current.csv"))
    assert (again.new, again.updated, again.unchanged) == (0, 0, 4)
    assert store.export_tables() == before
    ana = store.get_person(store.search_people("Ana Testa")[0].id)
    assert ana.role == "engineer"  # guessed from 'Software Engineer'
    assert str(ana.connected_on) == "2024-03-12"
    assert store.company_name(ana.company_id) == "Stripe, Inc."


def test_job_change_is_kept_and_logged_on_the_timeline(store: Store, tmp_path: Path) -> None:
    store.import_records(parse_file(FIXTURES / "linkedin_current.csv"))
    moved = tmp_path / "Connections.csv"
    text = (FIXTURES / "linkedin_current.csv").read_text(encoding="utf-8")
    moved.write_text(text.replace('"Stripe, Inc.",Software Engineer', "Plaid,Staff Engineer"))
    report = store.import_records(parse_file(moved))
    assert (report.new, report.updated, report.unchanged) == (0, 1, 3)
    change = "Now Staff Engineer at Plaid (was Software Engineer at Stripe, Inc.)"
    assert [o.detail for o in report.job_changes] == [change]
    ana_id = store.search_people("Ana Testa")[0].id
    ana = store.get_person(ana_id)
    assert (store.company_name(ana.company_id), ana.title) == ("Plaid", "Staff Engineer")
    timeline = store.timeline(ana_id)
    assert [(e.kind, e.summary) for e in timeline] == [("note", change)]
    # the same file again: the job change is not logged twice
    again = store.import_records(parse_file(moved))
    assert again.unchanged == 4
    assert len(store.timeline(ana_id)) == 1


def test_match_order_linkedin_then_email_then_phone_then_name_and_company(store: Store) -> None:
    by_url = store.add_person("A. Person", linkedin_url="https://www.linkedin.com/in/a-person/")
    by_email = store.add_person("Bea Ee", email="Bee@Example.com")
    by_phone = store.add_person("Cee", phone="+1 (555) 010-0110")
    by_name = store.add_person("Dee Dee", company="Stripe")
    report = store.import_records(
        result_of(
            Record(1, full_name="Alice Person", linkedin_url="https://linkedin.com/in/A-Person",
                   city="Oslo"),
            Record(2, full_name="Beatrice E", email="bee@example.com", city="Rome"),
            Record(3, full_name="Cee Cee", phone="555-010-0110", city="Lima"),
            Record(4, full_name="dee  DEE", company="Stripe, Inc.", city="Kyiv"),
        )
    )  # fmt: skip
    assert (report.new, report.updated) == (0, 4)
    cities = {pid: store.get_person(pid).city for pid in (by_url, by_email, by_phone, by_name)}
    assert cities == {by_url: "Oslo", by_email: "Rome", by_phone: "Lima", by_name: "Kyiv"}
    assert store.get_person(by_url).full_name == "A. Person"  # names are never overwritten


def test_same_name_and_company_but_different_linkedin_profiles_are_two_people(
    store: Store,
) -> None:
    store.add_person("Sam Lee", company="Acme", linkedin_url="https://www.linkedin.com/in/sam-1")
    report = store.import_records(
        result_of(
            Record(1, full_name="Sam Lee", company="Acme",
                   linkedin_url="https://www.linkedin.com/in/sam-2")
        )
    )  # fmt: skip
    assert report.new == 1
    assert names(store) == ["Sam Lee", "Sam Lee"]


def test_a_shared_email_or_phone_alone_never_merges_different_names(store: Store) -> None:
    john = store.add_person("John Smith", email="family@example.com", phone="+1 555 0100")
    report = store.import_records(
        result_of(
            Record(1, full_name="Mary Smith", email="FAMILY@example.com"),
            Record(2, full_name="Peter Smith", phone="555-0100"),
            Record(3, full_name="J. Smith", email="family@example.com", city="Rome"),
        )
    )
    assert (report.new, report.updated) == (2, 1)
    assert sorted(names(store)) == ["John Smith", "Mary Smith", "Peter Smith"]
    assert store.get_person(john).city == "Rome"  # 'J. Smith' agrees with 'John Smith'


def test_same_name_and_company_with_a_different_role_email_or_phone_is_two_people(
    store: Store,
) -> None:
    store.add_person("John Smith", company="Google", role="engineer",
                     email="john@example.com", phone="+1 555 0101")  # fmt: skip
    report = store.import_records(
        result_of(
            Record(1, full_name="John Smith", company="Google", role="recruiter"),
            Record(2, full_name="John Smith", company="Google", email="js@example.com"),
            Record(3, full_name="John Smith", company="Google", phone="+1 555 0199"),
            Record(4, full_name="John Smith", company="Google", role="engineer", city="Oslo"),
        )
    )
    assert (report.new, report.updated) == (3, 1)
    assert names(store) == ["John Smith"] * 4


def test_every_row_of_a_file_is_its_own_person_unless_the_linkedin_url_says_so(
    store: Store,
) -> None:
    rows = [
        Record(1, full_name="Ann Lee", company="Acme", email="team@acme.example"),
        Record(2, full_name="Ann Lee", company="Acme", email="team@acme.example"),
        Record(3, full_name="Ann Lee", company="Acme"),
    ]
    first = store.import_records(result_of(*rows))
    assert first.new == 3
    again = store.import_records(result_of(*rows))  # each row finds its own person again
    assert (again.new, again.updated, again.unchanged) == (0, 0, 3)
    assert names(store) == ["Ann Lee"] * 3


def test_a_match_fills_empty_fields_and_keeps_filled_ones(store: Store) -> None:
    pid = store.add_person("Eve Ex", company="Acme", email="eve@old.example", notes="mine")
    report = store.import_records(
        result_of(
            Record(1, full_name="Eve Ex", company="Acme", email="EVE@old.example",
                   phone="+1 555 0111", notes="theirs", city="Oslo")
        )
    )  # fmt: skip
    assert report.updated == 1
    eve = store.get_person(pid)
    assert (eve.email, eve.phone, eve.notes, eve.city) == (
        "eve@old.example", "+1 555 0111", "mine", "Oslo"
    )  # fmt: skip


def test_rows_for_one_person_within_a_file_make_one_person(store: Store) -> None:
    url = "https://www.linkedin.com/in/fay-0001"
    report = store.import_records(
        result_of(
            Record(1, full_name="Fay Fey", company="Acme", linkedin_url=url),
            Record(2, full_name="Fay Fey", company="Globex", linkedin_url=url, email="f@x.com"),
        )
    )
    assert (report.new, report.updated) == (1, 1)
    fay = store.get_person(store.search_people("Fay")[0].id)
    assert (store.company_name(fay.company_id), fay.email) == ("Acme", "f@x.com")
    again = store.import_records(
        result_of(
            Record(1, full_name="Fay Fey", company="Acme", linkedin_url=url),
            Record(2, full_name="Fay Fey", company="Globex", linkedin_url=url, email="f@x.com"),
        )
    )
    assert again.unchanged == 2


def test_dry_run_previews_and_writes_nothing(store: Store) -> None:
    preview = store.preview_import(parse_file(FIXTURES / "linkedin_current.csv"))
    assert (preview.new, preview.dry_run, preview.companies_added) == (4, True, 3)
    assert names(store) == []


def test_how_we_know_applies_to_new_people(store: Store) -> None:
    store.import_records(parse_file(FIXTURES / "google_legacy.csv"), how_we_know="college")
    assert store.get_person(store.search_people("Iris")[0].id).how_we_know == "college"
    store.import_records(parse_file(FIXTURES / "outlook_com.csv"), how_we_know="Python meetup")
    jo = store.get_person(store.search_people("Jo Fictive")[0].id)
    assert (jo.how_we_know, jo.how_we_know_text) == ("other", "Python meetup")


def test_a_failure_midway_through_writing_leaves_nothing(store: Store) -> None:
    records = [Record(i, full_name=f"Bulk {i}", company=f"Co {i % 7}") for i in range(12_000)]

    def progress(done: int, total: int, phase: str) -> None:
        if phase == "writing" and done >= 5000:
            raise RuntimeError("disk unplugged")

    with pytest.raises(RuntimeError):
        store.import_records(result_of(*records), progress=progress)
    assert store.total_people() == 0
    assert store.companies() == []


def test_vcard_with_one_bad_card_imports_two_people(store: Store) -> None:
    report = store.import_records(parse_file(FIXTURES / "three_cards_one_bad.vcf"))
    assert (report.new, report.errors) == (2, 1)
    assert names(store) == ["Nora Good", "Omar Fine"]


def test_every_fixture_imports_and_reimports_unchanged(store: Store) -> None:
    good = [p for p in sorted(FIXTURES.iterdir()) if not p.name.startswith("bad_")]
    total = 0
    for path in good:
        total += store.import_records(parse_file(path)).new
    assert total == store.total_people() > 15
    before = store.export_tables()
    for path in good:
        report = store.import_records(parse_file(path))
        assert (report.new, report.updated) == (0, 0), path.name
    assert store.export_tables() == before
