"""A job change is one the same kind of source reports: two sources spelling one job
differently never log "Now Software Engineer (was Senior…)" and back."""

from __future__ import annotations

from pathlib import Path

from netui.importers import ParseResult, Record, parse_file
from netui.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "import"
ANA = "https://www.linkedin.com/in/ana-testa"


def from_source(fmt: str, company: str, title: str) -> ParseResult:
    record = Record(
        1, full_name="Ana Testa", company=company, title=title, email="ana@example.com",
        linkedin_url=ANA if fmt == "linkedin" else "",
    )  # fmt: skip
    return ParseResult(source=f"{fmt}.csv", format=fmt, records=[record], rows=1)


def job(store: Store) -> tuple[str, str]:
    person = store.get_person(store.search_people("Ana Testa")[0].id)
    return store.company_name(person.company_id), person.title


def notes(store: Store) -> list[str]:
    pid = store.search_people("Ana Testa")[0].id
    return [e.summary for e in store.timeline(pid) if e.kind == "note"]


def test_two_sources_spelling_one_job_make_no_job_change(store: Store) -> None:
    store.import_records(from_source("linkedin", "Stripe", "Senior Software Engineer"))
    google = store.import_records(from_source("google", "Stripe", "Software Engineer"))
    assert google.job_changes == []
    again = store.import_records(from_source("linkedin", "Stripe", "Senior Software Engineer"))
    assert again.job_changes == []
    assert job(store) == ("Stripe", "Senior Software Engineer")
    assert notes(store) == []


def test_a_stale_address_book_does_not_move_anyone(store: Store) -> None:
    store.import_records(from_source("linkedin", "Plaid", "Staff Engineer"))
    old = store.import_records(from_source("vcard", "Stripe", "Software Engineer"))
    assert old.job_changes == [] and job(store) == ("Plaid", "Staff Engineer")


def test_the_same_source_reporting_a_new_job_is_a_change(store: Store) -> None:
    store.import_records(from_source("linkedin", "Stripe", "Senior Software Engineer"))
    store.import_records(from_source("google", "Stripe", "Software Engineer"))
    moved = store.import_records(from_source("linkedin", "Plaid", "Staff Engineer"))
    change = "Now Staff Engineer at Plaid (was Senior Software Engineer at Stripe)"
    assert [o.detail for o in moved.job_changes] == [change]
    assert job(store) == ("Plaid", "Staff Engineer")
    assert notes(store) == [change]
    # Google catching up later with its own spelling is not a change either
    assert store.import_records(from_source("google", "Plaid", "Staff Eng")).job_changes == []
    assert job(store) == ("Plaid", "Staff Engineer")


def test_a_first_report_fills_what_is_empty(store: Store) -> None:
    store.add_person("Ana Testa", email="ana@example.com")
    report = store.import_records(from_source("google", "Stripe", "Software Engineer"))
    assert report.job_changes == [] and job(store) == ("Stripe", "Software Engineer")


def test_a_real_linkedin_file_twice_then_moved(store: Store, tmp_path: Path) -> None:
    store.import_records(parse_file(FIXTURES / "linkedin_current.csv"))
    moved = tmp_path / "Connections.csv"
    text = (FIXTURES / "linkedin_current.csv").read_text(encoding="utf-8")
    moved.write_text(text.replace('"Stripe, Inc.",Software Engineer', "Plaid,Staff Engineer"))
    report = store.import_records(parse_file(moved))
    assert len(report.job_changes) == 1
    assert store.import_records(parse_file(moved)).job_changes == []
