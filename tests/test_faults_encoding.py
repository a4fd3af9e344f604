"""Bytes that are not what they claim: a bad byte in a UTF-8 file is an error with its line
and column (never mojibake), cp1252 is guessed only for a file with no UTF-8 in it, and the
summary says which encoding was used."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from netui.cli import main

HEADER = b"Name,Company,Email\r\n"


def _run(db: Path, path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["--db", str(db), "import", str(path), *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


def _people(db: Path) -> list[str]:
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT full_name FROM person ORDER BY id")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # one Latin-1 byte (0xF1) in a file that is otherwise UTF-8 (José is valid UTF-8)
        (
            b"Jos\xc3\xa9 Sousa,Acme,\r\nAna Nu\xf1ez,Globex,\r\n",
            "people.csv is not valid UTF-8 at line 3, column 7 (byte 0xF1)",
        ),
        # cut in the middle of a character at the end of the file
        (
            b"Jos\xc3\xa9 Sousa,Acme,\r\nZo\xc3",
            "people.csv is not valid UTF-8 at line 3, column 3 (it ends in the middle of a "
            "character)",
        ),
        # bytes that are neither UTF-8 nor cp1252
        (
            b"Ana \x81\x8d,Acme,\r\n",
            "people.csv is neither UTF-8 nor cp1252 (byte 0x81 at line 2, column 5)",
        ),
    ],
)
def test_undecodable_bytes_are_one_error_with_line_and_column_and_nothing_changes(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], body: bytes, expected: str
) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(HEADER + body)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, printed = _run(db_path, path, capsys)
    assert code == 1
    assert expected in printed
    assert "--encoding" in printed
    assert printed.count("\n") == 1
    assert _people(db_path) == []
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_whole_cp1252_file_is_read_as_cp1252_and_the_summary_says_so(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "outlook.csv"
    path.write_bytes(HEADER + "José Núñez,Café “Ñ”,\r\n".encode("cp1252"))
    code, printed = _run(db_path, path, capsys)
    assert code == 0, printed
    assert "outlook.csv: spreadsheet CSV, 1 row, read as cp1252 (Windows): it is not UTF-8." in (
        printed
    )
    assert _people(db_path) == ["José Núñez"]


def test_an_explicit_encoding_reads_the_file_that_way(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(HEADER + b"Jos\xc3\xa9 Sousa,Acme,\r\nAna Nu\xf1ez,Globex,\r\n")
    code, printed = _run(db_path, path, capsys, "--encoding", "latin-1")
    assert code == 0, printed
    assert "read as latin-1 (--encoding)" in printed
    assert _people(db_path) == ["JosÃ© Sousa", "Ana Nuñez"]  # what the user asked for


def test_a_bad_byte_under_an_explicit_encoding_or_an_unknown_encoding(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.vcf"
    path.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana \xff\r\nEND:VCARD\r\n")
    code, printed = _run(db_path, path, capsys, "--encoding", "utf-8")
    assert code == 1
    assert "x.vcf is not valid utf-8 at line 3, column 8 (byte 0xFF)." in printed
    code, printed = _run(db_path, path, capsys, "--encoding", "klingon")
    assert code == 1
    assert "--encoding 'klingon' is not an encoding Python knows." in printed


def test_plain_utf8_says_utf8(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ok.csv"
    path.write_bytes(HEADER + "José Núñez,Acme,\r\n".encode())
    code, printed = _run(db_path, path, capsys)
    assert code == 0
    assert "ok.csv: spreadsheet CSV, 1 row, UTF-8." in printed
