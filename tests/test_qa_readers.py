"""Hostile or damaged archives through the readers: one line naming file, member and line;
never a traceback, a silent loss or a wrong shape read as 'nobody there' (QA, #11/#12)."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from netui.channels import social
from netui.channels.domains import guess_company
from netui.channels.linkedin import parse_when
from netui.channels.mail import BULK_REASON
from netui.channels.mail_headers import CUT_REASON, HUGE_REASON, addresses
from netui.channels.model import FUTURE_REASON
from netui.channels.read import read_archive
from netui.errors import InputError
from tests.channel_fixtures import (
    ANDROID_CHAT,
    ME,
    MESSAGES_ROWS,
    mail_message,
    messages_csv,
    write_mbox,
)

CHAT_LINE = "12/31/23, 9:41 PM - Ama Owusu: more words to fill the read-ahead buffer"


def refused(path: Path, **me: str) -> str:
    with pytest.raises(InputError) as caught:
        read_archive(path, **me)
    return str(caught.value)


def test_a_bad_byte_deep_in_a_chat_is_named_by_its_own_line_and_column(tmp_path: Path) -> None:
    lines = [CHAT_LINE] * 299 + ["12/31/23, 9:42 PM - Ama Owusu: caf\xe9"] + [CHAT_LINE] * 200
    data = "\n".join(lines).encode().replace(b"caf\xc3\xa9", b"caf\xe9")
    chat = tmp_path / "WhatsApp Chat with Ama Owusu.txt"
    chat.write_bytes(data)
    message = refused(chat, my_name="Alex Morgan")
    assert message == "WhatsApp Chat with Ama Owusu.txt, line 300, column 35: not UTF-8 text."


def test_a_bad_byte_in_messages_csv_names_its_line(tmp_path: Path) -> None:
    rows = MESSAGES_ROWS[2:3] * 400 + [MESSAGES_ROWS[2].replace("hiring", "hir\udce9ng")]
    data = messages_csv(rows).encode("utf-8", "surrogateescape")
    with zipfile.ZipFile(tmp_path / "export.zip", "w") as z:
        z.writestr("messages.csv", data)
    assert refused(tmp_path / "export.zip") == (
        "export.zip: messages.csv, line 402, column 160: not UTF-8 text."
    )


def test_a_date_against_the_chats_day_month_order_is_refused_on_its_line(
    tmp_path: Path,
) -> None:
    chat = tmp_path / "WhatsApp Chat with Ama Owusu.txt"
    chat.write_text("13/01/24, 9:41 - Ama Owusu: hi\n01/13/24, 9:42 - Alex Morgan: hello\n")
    assert refused(chat, my_name="Alex Morgan") == (
        "WhatsApp Chat with Ama Owusu.txt, line 2: the date 1/13/2024 does not fit the "
        "day/month order of the rest of the chat."
    )
    chat.write_text(ANDROID_CHAT + "12/31/23, 25:99 PM - Ama Owusu: late\n")
    assert "line 7: not a date and time" in refused(chat, my_name="Alex Morgan")


def test_deeply_nested_json_is_one_line_not_a_recursion_error(tmp_path: Path) -> None:
    (tmp_path / "json").mkdir()
    (tmp_path / "json" / "friends.json").write_text(
        '{"Friends": ' + "[" * 100_000 + "]" * 100_000 + "}"
    )
    assert (
        refused(tmp_path)
        == f"{tmp_path.name}: json/friends.json is nested too deeply to be an export."
    )


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("your_friends.json", {"friends_v2": [["Ana Lima"], 3, None]}, "Facebook friends"),
        ("following.json", [1, 2, [3]], "Instagram accounts"),
        ("followers_1.json", [{"title": 5}, {"string_list_data": {"value": 1}}],
         "none of its entries names an Instagram account"),
        ("friends.json", {"Friends": ["ama_o", "dana.k"]}, "Snapchat friends"),
    ],
)  # fmt: skip
def test_valid_json_of_the_wrong_shape_is_refused_not_read_as_nobody(
    tmp_path: Path, name: str, data: object, words: str
) -> None:
    path = tmp_path / name
    path.write_text(json.dumps(data))
    message = refused(path)
    assert message.startswith(f"{name} is JSON but")
    assert words in message


def test_a_huge_json_member_is_refused_before_it_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(social, "MAX_JSON", 1000)
    with zipfile.ZipFile(tmp_path / "snap.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("json/friends.json", '{"Friends": [' + " " * 5000 + "]}")
    assert "snap.zip: json/friends.json is larger than" in refused(tmp_path / "snap.zip")


def test_no_reply_senders_are_counted_as_left_out(tmp_path: Path) -> None:
    mail = [
        mail_message("LinkedIn <messages-noreply@linkedin.com>", ME,
                     f"Tue, {day} Mar 2024 08:00:00 +0000", "You appeared in searches")
        for day in (1, 2, 3)
    ] + [mail_message(f"Alex <{ME}>", "Priya <priya@fb.com>", "Tue, 2 Jan 2024 09:00:00 +0000",
                      "Coffee?")]  # fmt: skip
    result = read_archive(write_mbox(tmp_path / "m.mbox", mail))
    assert result.skipped[BULK_REASON] == 3
    assert list(result.contacts) == ["email:priya@fb.com"]


def test_an_mbox_cut_inside_the_last_headers_says_so(tmp_path: Path) -> None:
    data = write_mbox(tmp_path / "m.mbox").read_bytes()
    whole = read_archive(tmp_path / "m.mbox")
    assert CUT_REASON not in whole.skipped
    cut = tmp_path / "cut.mbox"
    cut.write_bytes(data[: data.rindex(b"Subject:") + 3])
    assert read_archive(cut).skipped[CUT_REASON] == 1


def test_escape_sequences_in_a_subject_do_not_reach_the_timeline(tmp_path: Path) -> None:
    mail = [mail_message("Priya <priya@fb.com>", ME, "Tue, 2 Jan 2024 09:00:00 +0000",
                         "\x1b]0;pwned\x07Offer\x1b[2J letter")]  # fmt: skip
    result = read_archive(write_mbox(tmp_path / "m.mbox", mail), my_emails=[ME])
    assert [e.topic for e in result.evidence] == ["Offer letter"]


def test_a_damaged_chat_in_a_zip_is_named_not_taken_for_no_chat(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat - Kwame.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("_chat.txt", "[03/01/2024, 21:41:05] Kwame Boateng: Hey there friend\n" * 50)
    raw = bytearray(path.read_bytes())
    raw[raw.find(b"Hey there") + 200] ^= 0xFF  # the stored member's CRC no longer matches
    path.write_bytes(bytes(raw))
    message = refused(path, my_name="Alex Morgan")
    assert message == "WhatsApp Chat - Kwame.zip: _chat.txt is damaged inside the zip (Bad CRC-32)."


@pytest.mark.parametrize(
    ("address", "guess"),
    [("kenji@yahoo.co.jp", ("", "")), ("ana@uol.com.br", ("", "")),
     ("sam@protonmail.ch", ("", "")), ("jo@sky.com", ("", "")),
     ("12+octo@users.noreply.github.com", ("", "")), ("lea@epfl.ch", ("", "school")),
     ("max@tum.de", ("", "school")), ("dev@github.com", ("GitHub", ""))],
)  # fmt: skip
def test_personal_mail_and_universities_give_no_company(
    address: str, guess: tuple[str, str]
) -> None:
    assert guess_company(address) == guess


def test_a_linkedin_date_with_an_offset_is_converted_not_relabelled() -> None:
    assert parse_when("2023-05-01T14:22:10+02:00") == datetime(2023, 5, 1, 12, 22, 10, tzinfo=UTC)
    assert parse_when("2023-05-01 14:22:10 UTC") == datetime(2023, 5, 1, 14, 22, 10, tzinfo=UTC)


def test_a_message_dated_in_the_future_is_left_out_not_a_last_contact_ahead(
    tmp_path: Path,
) -> None:
    mail = [
        mail_message("Priya <priya@fb.com>", ME, "Tue, 2 Jan 2024 09:00:00 +0000", "Coffee?"),
        mail_message("Priya <priya@fb.com>", ME, "Fri, 1 Jan 2099 09:00:00 +0000", "Clock"),
    ]
    result = read_archive(write_mbox(tmp_path / "m.mbox", mail), my_emails=[ME])
    assert [e.day.year for e in result.evidence] == [2024]
    assert result.skipped[FUTURE_REASON] == 1


def test_a_chat_with_iso_dates_is_read_year_month_day(tmp_path: Path) -> None:
    chat = tmp_path / "WhatsApp Chat with Jonas Weber.txt"
    chat.write_text("2024-01-05, 21:41 - Jonas Weber: hej\n2024-02-03, 10:00 - Alex Morgan: tja\n")
    result = read_archive(chat, my_name="Alex Morgan")
    assert [(e.day.isoformat(), e.direction) for e in result.evidence] == [
        ("2024-01-05", "in"),
        ("2024-02-03", "out"),
    ]


@pytest.mark.parametrize(
    ("header", "name"),
    [('"Raman, Priya" <priya@fb.com>', "Priya Raman"),
     ("=?UTF-8?B?UmFtYW4sIFByaXlh?= <priya@fb.com>", "Priya Raman"),
     ('"Raman, Priya (Payments)" <priya@fb.com>', "Priya Raman"),
     ("'Priya Raman' <priya@fb.com>", "Priya Raman"),
     ('"priya@fb.com" <priya@fb.com>', ""),
     ('"Acme, Inc." <priya@fb.com>', "Acme, Inc.")],
)  # fmt: skip
def test_a_mail_display_name_becomes_a_persons_name(header: str, name: str) -> None:
    assert addresses(header) == [(name, "priya@fb.com")]


def test_in_a_two_person_mailbox_you_are_the_one_whose_mail_is_labelled_sent(
    tmp_path: Path,
) -> None:
    mail = [  # Priya's message comes first: presence alone is a tie she would win
        mail_message("Priya <priya@fb.com>", ME, "Mon, 1 Jan 2024 10:00:00 +0000", "hi"),
        mail_message(f"Alex <{ME}>", "Priya <priya@fb.com>", "Tue, 2 Jan 2024 10:00:00 +0000",
                     "Re: hi"),
    ]  # fmt: skip
    result = read_archive(write_mbox(tmp_path / "m.mbox", mail))
    assert result.me == [ME]
    assert list(result.contacts) == ["email:priya@fb.com"]


def test_a_message_with_headers_over_a_megabyte_is_counted_not_silently_gone(
    tmp_path: Path,
) -> None:
    crowd = ", ".join(f"p{i}@example.com" for i in range(80_000))  # ~1.4 MB of To
    mail = [
        mail_message("A <a@fb.com>", ME, "Mon, 1 Jan 2024 10:00:00 +0000", "one"),
        mail_message("B <b@fb.com>", crowd, "Mon, 1 Jan 2024 11:00:00 +0000", "all"),
        mail_message("C <c@fb.com>", ME, "Mon, 1 Jan 2024 12:00:00 +0000", "three"),
    ]
    result = read_archive(write_mbox(tmp_path / "m.mbox", mail), my_emails=[ME])
    assert sorted(result.contacts) == ["email:a@fb.com", "email:c@fb.com"]
    assert result.skipped[HUGE_REASON] == 1
