"""Streamed text and CSV rows from a binary member, with one-line errors naming the line."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import IO, cast

from netui.channels.sources import Tree
from netui.errors import InputError

csv.field_size_limit(1 << 24)  # a long message body is one field


def _not_utf8(tree: Tree, name: str) -> InputError:
    """The first undecodable byte named by its line and column. Found by reading the member
    again line by line, only once decoding failed: a read-ahead decoder fails wherever its
    buffer happened to be, and decoding every line in Python would slow every import."""
    where = tree.where(name)
    with tree.open(name) as fh:
        for number, raw in enumerate(_buffered(fh), start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                column = len(raw[: exc.start].decode("utf-8", errors="replace")) + 1
                return InputError(f"{where}, line {number}, column {column}: not UTF-8 text.")
    return InputError(f"{where} is not UTF-8 text.")


def text_lines(tree: Tree, name: str) -> Iterator[tuple[int, str]]:
    """(line number, line without its end) for a UTF-8 member, BOM dropped."""
    with tree.open(name) as fh:
        stream = io.TextIOWrapper(_buffered(fh), encoding="utf-8-sig", newline=None)
        try:
            for number, line in enumerate(stream, start=1):
                yield number, line.rstrip("\n")
        except UnicodeDecodeError:
            raise _not_utf8(tree, name) from None
        finally:
            stream.detach()


def csv_rows(tree: Tree, name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row by stripped header name) for a UTF-8 CSV member."""
    where = tree.where(name)
    with tree.open(name) as fh:
        stream = io.TextIOWrapper(_buffered(fh), encoding="utf-8-sig", newline="")
        reader = csv.reader(stream)
        try:
            try:
                header = [h.strip() for h in next(reader)]
            except StopIteration:
                raise InputError(f"{where} is empty.") from None
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                yield reader.line_num, dict(zip(header, row, strict=False))
        except UnicodeDecodeError:
            raise _not_utf8(tree, name) from None
        except csv.Error as exc:
            raise InputError(f"{where}, line {reader.line_num}: not valid CSV ({exc}).") from None
        finally:
            stream.detach()


def csv_header(fh: IO[bytes]) -> list[str]:
    """The first row of a CSV member (for detection); [] if it is not readable text."""
    head = fh.read(8192)
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        return []
    first = text.splitlines()[0] if text else ""
    try:
        return [h.strip() for h in next(csv.reader([first]))]
    except (csv.Error, StopIteration):
        return []


def _buffered(fh: IO[bytes]) -> IO[bytes]:
    if isinstance(fh, io.BufferedIOBase):
        return fh
    return cast("IO[bytes]", io.BufferedReader(cast("io.RawIOBase", fh)))
