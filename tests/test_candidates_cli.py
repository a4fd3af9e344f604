"""`netui candidates`: list, add, match, skip, not-tech, against a real file and archive."""

from __future__ import annotations

from pathlib import Path

import pytest

from netui.channels.read import read_archive
from netui.cli import main
from netui.db import Database
from netui.store import Store
from tests.channel_fixtures import ME, write_mbox, write_whatsapp_zip
from tests.conftest import TODAY


def bring_in(db_path: Path, archive: Path) -> None:
    db = Database.open(db_path)
    try:
        Store(db).ingest_channel(read_archive(archive, my_emails=[ME], my_name="Alex Morgan"))
    finally:
        db.close()


def run(db_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def rows(db_path: Path, capsys: pytest.CaptureFixture[str]) -> list[list[str]]:
    code, out, _ = run(db_path, capsys, "candidates")
    assert code == 0
    return [line.split("\t") for line in out.splitlines()]


def test_candidates_list_best_evidence_first_and_decide(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bring_in(db_path, write_mbox(tmp_path / "takeout.mbox"))
    listed = rows(db_path, capsys)
    assert all(len(row) == 6 for row in listed)
    first = listed[0]  # the two-way thread comes first
    assert first[1:4] == ["Priya Raman", "priya@fb.com", "mail"]
    assert first[4].startswith("you wrote twice, last 3 Jan 2024; they replied")
    assert first[5] == "Meta"
    by_name = {row[1]: row[0] for row in listed}
    assert set(by_name) == {"Priya Raman", "José Pérez", "Kofi Mensah", "Wen Li"}

    code, out, _ = run(db_path, capsys, "candidates", "add", by_name["Priya Raman"])
    assert code == 0 and out.startswith("Added Priya Raman (#1), 2 conversation days")
    code, out, _ = run(db_path, capsys, "candidates", "skip", by_name["Kofi Mensah"])
    assert out == "Skipped Kofi Mensah; a re-import will not ask again.\n"
    code, out, _ = run(db_path, capsys, "candidates", "not-tech", by_name["Wen Li"])
    assert out.startswith("Not in tech: Wen Li")
    assert [row[1] for row in rows(db_path, capsys)] == ["José Pérez"]

    bring_in(db_path, write_mbox(tmp_path / "takeout.mbox"))  # nothing asks again
    assert [row[1] for row in rows(db_path, capsys)] == ["José Pérez"]
    code, out, _ = run(db_path, capsys, "list")
    assert [line.split("\t")[1] for line in out.splitlines()] == ["Priya Raman"]


def test_add_with_company_and_match(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, capsys, "add", "Kwame B. @ Lisbon Labs")[0] == 0
    bring_in(db_path, write_whatsapp_zip(tmp_path / "chat.zip"))
    bring_in(db_path, write_mbox(tmp_path / "takeout.mbox"))
    by_name = {row[1]: row[0] for row in rows(db_path, capsys)}
    code, out, _ = run(db_path, capsys, "candidates", "match", by_name["Kwame Boateng"], "1")
    assert code == 0 and out == "Kwame Boateng is Kwame B. (#1): evidence moved.\n"
    code, out, _ = run(db_path, capsys, "candidates", "add", by_name["José Pérez"],
                       "--company", "Quantum Leap")  # fmt: skip
    assert code == 0
    code, out, _ = run(db_path, capsys, "list")
    assert "José Pérez" in out and "Quantum Leap" in out
    db = Database.open(db_path)
    try:
        store = Store(db, today=lambda: TODAY)
        assert store.interaction_count(1) == 2  # Kwame's two conversation days
    finally:
        db.close()


def test_a_wrong_id_or_a_second_decision_is_one_sentence(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bring_in(db_path, write_whatsapp_zip(tmp_path / "chat.zip"))
    code, _, err = run(db_path, capsys, "candidates", "skip", "99")
    assert code != 0 and err.count("\n") == 1 and "There is no candidate #99." in err
    assert run(db_path, capsys, "candidates", "skip", "1")[0] == 0
    code, _, err = run(db_path, capsys, "candidates", "add", "1")
    assert code != 0 and "Candidate #1 is already skipped." in err and "Traceback" not in err
    code, _, err = run(db_path, capsys, "candidates", "match", "1", "x")
    assert code != 0 and err.count("\n") == 1
