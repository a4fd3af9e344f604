"""Mail header parsing on the fast path (one decode, one regex pass) and its fallbacks: what
a user sees is the name and subject netui reads, and which day a message counts on."""

from __future__ import annotations

from pathlib import Path

import pytest

from netui.channels.mail_headers import date_timestamp, parse_date, parse_headers
from netui.channels.read import read_archive

BLOCK = (
    "X-GM-THRID: 17\r\n"
    "FROM: =?UTF-8?Q?Jos=C3=A9_P=C3=A9rez?= <Jose@Acme.io>\r\n"
    "To: me@home.net\r\n"
    "Received: from x\r\n  by y\r\n"
    "Subject: Lunch\r\n  next week?\r\n"
    "Cc: a@b.io,\r\n\tc@d.io\r\n"
    "to: e@f.io\r\n"
    "Subject: a second subject is ignored\r\n"
    "Message-ID: <1@x>\r\n"
)


def test_headers_unfolded_repeats_joined_names_any_case() -> None:
    found = parse_headers(BLOCK.encode())
    assert found == {
        "x-gm-thrid": "17",
        "from": "=?UTF-8?Q?Jos=C3=A9_P=C3=A9rez?= <Jose@Acme.io>",
        "to": "me@home.net, e@f.io",
        "subject": "Lunch next week?",
        "cc": "a@b.io, c@d.io",
    }
    assert parse_headers(BLOCK.replace("\r\n", "\n").encode()) == found  # LF-only file


def test_a_latin1_header_does_not_spoil_the_others() -> None:
    block = "From: José <jose@acme.io>\nSubject: Café\n".encode()
    block = block.replace("Café".encode(), b"Caf\xe9")
    assert parse_headers(block) == {"from": "José <jose@acme.io>", "subject": "Café"}


def test_header_name_is_ascii_only() -> None:
    # 'ſ' (long s) folds to 's' in Unicode: 'Liſt-Id' is not a List-Id header
    assert parse_headers("Liſt-Id: x\nFrom: a@b.io\n".encode()) == {"from": "a@b.io"}


@pytest.mark.parametrize(
    "text",
    ["Thu, 4 Jan 2024 10:00:00 -0500", "5 Jan 24 12:00 GMT", "1 Jan 0001 00:30 +0100",
     "31 Dec 9999 23:59 -0100", "31 Feb 2024 10:00 +0000", "yesterday", ""],
)  # fmt: skip
def test_timestamp_is_parse_date(text: str) -> None:
    at = parse_date(text)
    assert date_timestamp(text) == (None if at is None else int(at.timestamp()))


def test_message_without_date_is_counted_not_a_contact(tmp_path: Path) -> None:
    mbox = tmp_path / "mail.mbox"
    mbox.write_bytes(
        b"From x@y Mon Jan 01 00:00:00 +0000 2024\r\n"
        b"From: Ann Lee <ann@acme.io>\r\nTo: me@home.net\r\nSubject: hi\r\n\r\nbody\r\n"
        b"From x@y Mon Jan 01 00:00:00 +0000 2024\r\n"
        b"From: =?iso-8859-1?B?SvZyZw==?= <jorg@acme.io>\r\nTo: me@home.net\r\n"
        b"Date: 2 Jan 2024 10:00 +0000\r\nSubject: =?UTF-8?B?w4lxdWlwZQ==?=\r\n\r\nbody\r\n"
    )
    result = read_archive(mbox, my_emails=["me@home.net"])
    assert result.skipped["no readable Date header"] == 1
    assert [c.name for c in result.contacts.values()] == ["Jörg"]
    assert [e.topic for e in result.evidence] == ["Équipe"]
