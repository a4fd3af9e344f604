"""Archive readers on hand-made archives: who is found, the evidence, what is refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from netui.channels.domains import guess_company
from netui.channels.mail_headers import header_blocks, parse_date
from netui.channels.read import read_archive
from netui.channels.social import repair
from netui.channels.whatsapp import MISSING_NAME
from netui.errors import InputError
from tests.channel_fixtures import (
    ANDROID_CHAT,
    GROUP_CHAT,
    ME,
    ME_URL,
    MESSAGES_ROWS,
    PRIYA_URL,
    mail_message,
    messages_csv,
    write_facebook_zip,
    write_instagram_html,
    write_instagram_zip,
    write_linkedin_zip,
    write_maildir,
    write_mbox,
    write_snapchat_zip,
    write_whatsapp_zip,
)


def _days(result: object) -> list[tuple[str, str, str, str]]:
    return [(e.contact, e.day.isoformat(), e.direction, e.summary())
            for e in result.evidence]  # type: ignore[attr-defined]  # fmt: skip


# ---- mail ---------------------------------------------------------------------------------


def test_mbox_finds_correspondents_and_folds_a_day_into_one_entry(tmp_path: Path) -> None:
    result = read_archive(write_mbox(tmp_path / "All mail Including Spam and Trash.mbox"))
    assert result.me == [ME] and result.me_inferred
    assert result.label == "Gmail mbox"
    priya = result.contacts["email:priya@fb.com"]
    assert (priya.name, priya.company) == ("Priya Raman", "Meta")
    assert _days(result)[:2] == [
        ("email:priya@fb.com", "2024-01-02", "out", "Coffee next week? (2 messages)"),
        ("email:priya@fb.com", "2024-01-03", "out", "Coffee next week? (1 message)"),
    ]
    jose = result.contacts["email:jose@quantumleap.io"]
    assert jose.name == "José Pérez"  # RFC 2047 decoded
    assert jose.company == "Quantumleap"
    assert result.contacts["email:kofi.m@gmail.com"].company == ""  # personal domain
    assert result.contacts["email:wen@cs.stanford.edu"].how_we_know == "school"


def test_bulk_senders_are_never_candidates(tmp_path: Path) -> None:
    result = read_archive(write_mbox(tmp_path / "mail.mbox"))
    found = set(result.contacts)
    for bulk in ("deals@shop.example", "noreply@github.com", "win@lottery.example",
                 "eve@trash.example", "lp@corp.example", "dev@lists.example"):  # fmt: skip
        assert f"email:{bulk}" not in found
    assert "email:sam@quantumleap.io" not in found  # only cc'd on someone else's mail
    assert sum(result.skipped.values()) == 5  # noreply: refused by its address, and counted


def test_my_emails_setting_decides_who_i_am(tmp_path: Path) -> None:
    result = read_archive(write_mbox(tmp_path / "m.mbox"), my_emails=["priya@fb.com"])
    assert result.me == ["priya@fb.com"] and not result.me_inferred
    assert set(result.contacts) == {"email:alex.morgan@gmail.com"}


def test_mbox_scan_is_the_same_whatever_the_chunk_size(tmp_path: Path) -> None:
    data = write_mbox(tmp_path / "m.mbox").read_bytes()
    whole = list(header_blocks(io.BytesIO(data)))
    assert len(whole) == 10  # "From here" in a body does not start a message
    for chunk in (1, 7, 100):
        assert list(header_blocks(io.BytesIO(data), chunk)) == whole


def test_half_written_mbox_keeps_the_complete_messages(tmp_path: Path) -> None:
    data = write_mbox(tmp_path / "m.mbox").read_bytes()
    cut = tmp_path / "cut.mbox"
    cut.write_bytes(data[: data.index(b"Subject: Reunion") + 5])
    result = read_archive(cut)
    assert "email:priya@fb.com" in result.contacts
    assert "email:kofi.m@gmail.com" in result.contacts  # its header was whole enough


def test_mbox_in_a_takeout_zip_is_read_in_place(tmp_path: Path) -> None:
    mbox = write_mbox(tmp_path / "x.mbox").read_bytes()
    path = tmp_path / "takeout-20240101.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Takeout/Mail/All mail Including Spam and Trash.mbox", mbox)
        z.writestr("Takeout/archive_browser.html", "<html></html>")
    result = read_archive(path)
    assert result.source == "takeout-20240101.zip"
    assert len(result.evidence) == 5
    assert not (tmp_path / "Takeout").exists()  # nothing unpacked


def test_maildir_reads_cur_and_new(tmp_path: Path) -> None:
    result = read_archive(write_maildir(tmp_path / "Mail"))
    assert result.label == "Maildir"
    assert set(result.contacts) == {
        "email:priya@fb.com", "email:jose@quantumleap.io", "email:kofi.m@gmail.com",
        "email:wen@cs.stanford.edu",
    }  # fmt: skip


def test_dates_in_the_forms_mail_uses() -> None:
    assert str(parse_date("Thu, 4 Jan 2024 10:00:00 -0500")) == "2024-01-04 15:00:00+00:00"
    assert str(parse_date("5 Jan 24 12:00 GMT")) == "2024-01-05 12:00:00+00:00"
    assert parse_date("yesterday") is None
    assert parse_date("31 Feb 2024 10:00 +0000") is None


def test_not_an_mbox_says_what_it_expected(tmp_path: Path) -> None:
    path = tmp_path / "notes.mbox"
    path.write_text("just some notes\n")
    with pytest.raises(InputError, match=r"notes.mbox holds no archive netui reads"):
        read_archive(path)


def test_company_from_mail_domain() -> None:
    assert guess_company("a@mail.fb.com") == ("Meta", "")
    assert guess_company("a@eng.stripe.com") == ("Stripe", "")
    assert guess_company("a@acme.co.uk") == ("Acme", "")
    assert guess_company("a@hotmail.co.uk") == ("", "")
    assert guess_company("a@proton.me") == ("", "")
    assert guess_company("a@ox.ac.uk") == ("", "school")
    assert guess_company("a@ibm.com") == ("IBM", "")


# ---- LinkedIn -----------------------------------------------------------------------------


def test_linkedin_zip_knows_me_by_profile_url(tmp_path: Path) -> None:
    result = read_archive(write_linkedin_zip(tmp_path / "Basic_LinkedInDataExport_05.zip"))
    assert result.me == [ME_URL]
    assert set(result.contacts) == {
        "linkedin:priya-raman",
        "linkedin:tomas-novak-42",
        "linkedin:lena-fischer",
    }
    assert result.contacts["linkedin:priya-raman"].linkedin_url == PRIYA_URL
    assert _days(result) == [
        ("linkedin:tomas-novak-42", "2023-02-01", "in", "LinkedIn invitation (1 message)"),
        ("linkedin:lena-fischer", "2023-03-04", "out",
         "Invitation: Great meeting you at PyCon (1 message)"),
        ("linkedin:priya-raman", "2023-05-01", "out",
         "Hi Priya, loved your talk on payments, could… (1 message)"),
        ("linkedin:priya-raman", "2023-05-02", "in", "Sure! Thursday works. (1 message)"),
        ("linkedin:tomas-novak-42", "2023-06-10", "in", "Hiring (1 message)"),
    ]  # fmt: skip
    assert result.skipped == {"drafts": 1, "sponsored messages": 1}


def test_loose_messages_csv(tmp_path: Path) -> None:
    path = tmp_path / "messages.csv"
    path.write_text(messages_csv())
    result = read_archive(path)
    assert result.me == [ME_URL]  # in every conversation
    assert result.label == "LinkedIn messages"


def test_linkedin_bad_date_names_file_and_line(tmp_path: Path) -> None:
    rows = [*MESSAGES_ROWS[:2], MESSAGES_ROWS[2].replace("2023-06-10 10:00:00 UTC", "soon")]
    path = write_linkedin_zip(tmp_path / "export.zip", rows)
    with pytest.raises(InputError, match=r"export.zip: messages.csv, line 5: DATE 'soon'"):
        read_archive(path)


# ---- WhatsApp -----------------------------------------------------------------------------


def test_android_chat_month_first_multi_line_media(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Ama Owusu.txt"
    path.write_text(ANDROID_CHAT)
    result = read_archive(path, my_name="Alex Morgan")
    assert list(result.contacts) == ["name:ama owusu"]
    assert _days(result) == [
        ("name:ama owusu", "2023-12-31", "out", "Happy new year Ama! (2 messages)"),
        ("name:ama owusu", "2024-01-02", "in", "(media) (1 message)"),
        ("name:ama owusu", "2024-01-13", "in", "My team at Stripe is hiring (1 message)"),
    ]
    assert result.skipped["system lines"] == 1


def test_ios_chat_in_zip_day_first_with_marks(tmp_path: Path) -> None:
    result = read_archive(write_whatsapp_zip(tmp_path / "WhatsApp Chat - Kwame Boateng.zip"),
                          my_name="Alex Morgan")  # fmt: skip
    assert _days(result) == [
        ("name:boateng kwame", "2024-01-03", "out", "Hey, long time! (2 messages)"),
        ("name:boateng kwame", "2024-02-04", "in", "(media) (1 message)"),
    ]


def test_date_order_is_guessed_from_the_whole_file(tmp_path: Path) -> None:
    # Only the last line says it: 13 cannot be a month.
    chat = "".join(f"0{d}/0{d + 1}/2024, 10:00 - Ama Owusu: hi {d}\n" for d in range(1, 6))
    chat += "13/06/2024, 10:00 - Alex Morgan: bye\n"
    path = tmp_path / "chat.txt"
    path.write_text(chat)
    days = [d for _c, d, _w, _s in _days(read_archive(path, my_name="Alex Morgan"))]
    assert days[0] == "2024-02-01" and days[-1] == "2024-06-13"


def test_group_chat_gives_candidates_not_evidence(tmp_path: Path) -> None:
    result = read_archive(write_whatsapp_zip(tmp_path / "g.zip", GROUP_CHAT),
                          my_name="Alex Morgan")  # fmt: skip
    assert result.evidence == []
    assert result.group_members == {"name:ama owusu", "name:ben carter", "phone:7700900123"}


def test_whatsapp_needs_my_name(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_archive(write_whatsapp_zip(tmp_path / "c.zip"), my_name="")
    assert str(err.value) == MISSING_NAME
    with pytest.raises(InputError, match=r"Your name \('Jo Bloggs'\) is not one of"):
        read_archive(write_whatsapp_zip(tmp_path / "c.zip"), my_name="Jo Bloggs")


# ---- Instagram, Snapchat, Facebook -------------------------------------------------------


def test_instagram_json_mutual_follows_and_href_names(tmp_path: Path) -> None:
    result = read_archive(write_instagram_zip(tmp_path / "instagram-alex.zip"))
    assert {k: c.detail for k, c in result.contacts.items()} == {
        "instagram:ama.owusu": "mutual follow",
        "instagram:ben_codes": "follows you",
        "instagram:cara.dev": "you follow them",  # only in the /_u/ href
    }
    assert result.evidence == []


def test_instagram_html_variant(tmp_path: Path) -> None:
    result = read_archive(write_instagram_html(tmp_path / "instagram"))
    assert result.contacts["instagram:dee.ml"].mutual
    assert result.contacts["instagram:ama.owusu"].detail == "follows you"


def test_snapchat_friends_only(tmp_path: Path) -> None:
    result = read_archive(write_snapchat_zip(tmp_path / "mydata.zip"))
    assert {k: c.name for k, c in result.contacts.items()} == {
        "snapchat:ama_o": "Ama Owusu",
        "snapchat:dana.k": "Dana Kim",
    }
    assert result.skipped["Snapchat's own accounts"] == 1


def test_facebook_names_are_repaired(tmp_path: Path) -> None:
    result = read_archive(write_facebook_zip(tmp_path / "facebook-alex.zip"))
    assert [c.name for c in result.contacts.values()] == ["José Álvarez", "Dana Kim"]
    assert repair("Ama") == "Ama" and repair("José") == "José"


def test_broken_json_names_member_and_line(tmp_path: Path) -> None:
    path = tmp_path / "fb.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("your_friends.json", '{"friends_v2": [\n{"name": "A B",}\n]}')
    with pytest.raises(InputError, match=r"fb.zip: your_friends.json, line 2, column \d+"):
        read_archive(path)


def test_damaged_zip_is_one_line(tmp_path: Path) -> None:
    path = write_linkedin_zip(tmp_path / "export.zip")
    data = bytearray(path.read_bytes())
    data[40:60] = b"\x00" * 20  # inside the first member's data
    path.write_bytes(bytes(data))
    with pytest.raises(InputError):
        read_archive(path)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_archive(tmp_path / "nope.zip")


def test_message_helper_keeps_fixture_honest() -> None:
    assert "\r\n\r\n" in mail_message("a@b.c", "d@e.f", "1 Jan 2024 10:00 GMT", "s")
