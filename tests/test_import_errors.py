"""Broken files get one sentence naming file, line and column, and the database is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from netui.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def people_in(db: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["--db", str(db), "list"]) == 0
    out = capsys.readouterr().out
    return [line.split("\t")[1] for line in out.splitlines()]


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("bad_unclosed_quote.csv",
         "bad_unclosed_quote.csv, line 3, column 3 (Notes): a quote opens here and is never"),
        ("bad_duplicate_header.csv",
         "bad_duplicate_header.csv, line 1, column 4: the column 'email' appears twice"),
        ("bad_ragged.csv",
         "bad_ragged.csv, line 3, column 3: this row has 4 cells but the header on line 1 has 2"),
        ("bad_quote_then_text.csv",
         "bad_quote_then_text.csv, line 2, column 2 (Company): text follows a closing quote"),
        ("bad_binary.csv", "bad_binary.csv is not a text file"),
        ("bad_empty.csv", "bad_empty.csv is empty."),
    ],
)  # fmt: skip
def test_broken_file_is_refused_whole_and_nothing_changes(
    fixture: str, message: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "add", "Kept Person @ Acme"]) == 0
    capsys.readouterr()
    code = main(["--db", str(db_path), "import", str(FIXTURES / fixture)])
    err = capsys.readouterr().err
    assert code != 0
    assert message in err
    assert "Traceback" not in err
    assert err.count("\n") == 1  # one sentence
    assert people_in(db_path, capsys) == ["Kept Person"]


def test_missing_file_and_folder(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "import", str(tmp_path / "nope.csv")]) == 1
    assert "nope.csv does not exist." in capsys.readouterr().err
    assert main(["--db", str(db_path), "import", str(tmp_path)]) == 1
    assert "is a folder, not a file, and holds no archive netui reads" in capsys.readouterr().err


def test_unknown_map_target_is_refused(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = str(FIXTURES / "sheet_custom_headers.csv")
    assert main(["--db", str(db_path), "import", src, "--map", "Job=favourite"]) == 1
    assert "'favourite' is not a field" in capsys.readouterr().err
    assert main(["--db", str(db_path), "import", src, "--map", "Nope=email"]) == 1
    assert "there is no column 'Nope'" in capsys.readouterr().err
    assert people_in(db_path, capsys) == []


def test_a_huge_unclosed_quote_in_a_big_file(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [f"Person {i},Company {i % 50}" for i in range(100_000)]
    rows[70_000] = 'Broken Row,"Company that never closes'
    path = tmp_path / "big.csv"
    path.write_text("Name,Company\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "big.csv, line 70002, column 2 (Company): a quote opens here and is never closed" in err
    assert people_in(db_path, capsys) == []


def test_a_big_clean_file_imports_every_row(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [f"Person {i},Company {i % 50},person{i}@example.com" for i in range(100_000)]
    path = tmp_path / "big.csv"
    path.write_text("Name,Company,Email\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(path)]) == 0
    assert "new 100,000 · updated 0 · unchanged 0" in capsys.readouterr().out
