"""Archives into the store: evidence on people, candidates, merging, idempotent re-imports."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from netui.channels.read import read_archive
from netui.errors import InputError
from netui.store import Store
from tests.channel_fixtures import (
    ANDROID_CHAT,
    GROUP_CHAT,
    IOS_CHAT,
    MAILBOX,
    ME,
    ME_URL,
    MESSAGES_ROWS,
    PRIYA_URL,
    mail_message,
    write_facebook_zip,
    write_instagram_html,
    write_instagram_zip,
    write_linkedin_zip,
    write_maildir,
    write_mbox,
    write_snapchat_zip,
    write_whatsapp_zip,
)

MY_NAME = "Alex Morgan"


def ingest(store: Store, path: Path) -> str:
    return store.ingest_channel(read_archive(path, my_emails=[ME], my_name=MY_NAME)).text()


def names(store: Store) -> list[str]:
    return sorted(c.shown for c in store.waiting_candidates())


def table_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("person", "candidate", "candidate_key", "channel_evidence", "interaction")
        } | {"last_contact": conn.execute("SELECT max(last_contact) FROM person").fetchone()[0]}
    finally:
        conn.close()


def test_mail_evidence_lands_on_a_known_person_and_the_rest_wait(
    store: Store, tmp_path: Path
) -> None:
    priya = store.add_person("Priya Raman", company="Meta", email="priya@fb.com")
    mbox = write_mbox(tmp_path / "takeout.mbox")
    preview = store.preview_channel(read_archive(mbox, my_emails=[ME]))
    assert (preview.matched_people, preview.new_candidates) == (1, 3)
    assert store.interaction_count(priya) == 0  # the preview wrote nothing
    assert any("1 person already here" in line for line in preview.lines())
    assert any(line.startswith("Left out:") and "bulk mail" in line for line in preview.lines())

    text = ingest(store, mbox)
    assert text == (
        "Brought in evidence for 1 person already here, 3 new candidates to review, "
        "5 new conversation days (2 on timelines). "
        "Left out: bulk mail (mailing lists, no-reply senders, Spam, Trash): 5."
    )
    timeline = store.timeline(priya)
    # one entry per conversation per day: Tue (you wrote, she replied), Wed (you wrote)
    assert [(e.kind, e.direction, e.summary, e.day.isoformat()) for e in timeline] == [
        ("email", "out", "Coffee next week? (1 message)", "2024-01-03"),
        ("email", "out", "Coffee next week? (2 messages)", "2024-01-02"),
    ]
    assert store.get_person(priya).last_contact is not None
    assert store.get_person(priya).last_contact.isoformat().startswith("2024-01-03")
    assert names(store) == ["José Pérez", "Kofi Mensah", "Wen Li"]  # not Sam: only cc'd
    jose = next(c for c in store.waiting_candidates() if c.name == "José Pérez")
    assert (jose.email, jose.company, jose.source_text) == (
        "jose@quantumleap.io",
        "Quantumleap",
        "mail",
    )
    assert jose.evidence(store.today()).startswith("they wrote once, last 4 Jan 2024")


def test_bulk_senders_never_become_candidates(store: Store, tmp_path: Path) -> None:
    ingest(store, write_mbox(tmp_path / "takeout.mbox"))
    shown = " ".join(c.handle for c in store.waiting_candidates())
    for bulk in ("deals@", "noreply@", "win@", "eve@", "lp@", "dev@"):
        assert bulk not in shown
    # a no-reply sender that reached you without any list header is still left out
    extra = [
        mail_message("Alerts <alerts@bank.example>", ME, "Fri, 5 Jan 2024 12:00:00 +0000", "x")
    ]
    ingest(store, write_mbox(tmp_path / "more.mbox", [*MAILBOX, *extra]))
    assert "alerts@" not in " ".join(c.handle for c in store.waiting_candidates())


Writer = Callable[[Path], Path]
FORMATS: dict[str, Writer] = {
    "mbox": lambda d: write_mbox(d / "takeout.mbox"),
    "maildir": lambda d: write_maildir(d / "Maildir"),
    "linkedin": lambda d: write_linkedin_zip(d / "Basic_LinkedInDataExport_01-01-2024.zip"),
    "whatsapp-ios": lambda d: write_whatsapp_zip(d / "WhatsApp Chat - Kwame Boateng.zip"),
    "whatsapp-group": lambda d: write_whatsapp_zip(d / "WhatsApp Chat - Class.zip", GROUP_CHAT),
    "instagram": lambda d: write_instagram_zip(d / "instagram-alex.zip"),
    "instagram-html": lambda d: write_instagram_html(d / "instagram-html"),
    "snapchat": lambda d: write_snapchat_zip(d / "mydata.zip"),
    "facebook": lambda d: write_facebook_zip(d / "facebook-alex.zip"),
}


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_reimporting_the_same_archive_changes_nothing(
    kind: str, store: Store, db_path: Path, tmp_path: Path
) -> None:
    store.add_person("Priya Raman", email="priya@fb.com", linkedin_url=PRIYA_URL)
    store.add_person("Kwame Boateng", company="Lisbon Labs")
    store.add_person("Ama Owusu", instagram="ama.owusu")
    path = FORMATS[kind](tmp_path)
    ingest(store, path)
    before = table_counts(db_path)
    assert before["candidate"] + before["channel_evidence"] > 0
    preview = store.preview_channel(read_archive(path, my_emails=[ME], my_name=MY_NAME))
    assert (preview.new_candidates, preview.new_entries) == (0, 0)
    again = ingest(store, path)
    assert again == "Nothing new: everything in it was already here."
    assert table_counts(db_path) == before


def test_a_newer_archive_adds_only_what_is_new(store: Store, tmp_path: Path) -> None:
    kwame = store.add_person("Kwame Boateng")
    ingest(store, write_whatsapp_zip(tmp_path / "old.zip"))
    assert [e.summary for e in store.timeline(kwame)] == [
        "(media) (1 message)",
        "Hey, long time! (2 messages)",
    ]
    newer = IOS_CHAT + (
        "[04/02/2024, 09:00:00] Alex Morgan: Nice photo!\n"
        "[05/02/2024, 10:00:00] Kwame Boateng: Thanks, coffee on Friday?\n"
    )
    text = ingest(store, write_whatsapp_zip(tmp_path / "new.zip", newer))
    assert "2 new conversation days (2 on timelines, 1 already in)" in text  # one grew
    entries = [(e.day.isoformat(), e.direction, e.summary) for e in store.timeline(kwame)]
    assert entries == [
        ("2024-02-05", "in", "Thanks, coffee on Friday? (1 message)"),
        ("2024-02-04", "out", "(media) (2 messages)"),
        ("2024-01-03", "out", "Hey, long time! (2 messages)"),
    ]


def test_candidates_merge_across_sources_by_name_and_handle(store: Store, tmp_path: Path) -> None:
    ingest(store, write_snapchat_zip(tmp_path / "snap.zip"))  # Ama Owusu (ama_o), Dana Kim
    (tmp_path / "WhatsApp Chat with Ama Owusu.txt").write_text(ANDROID_CHAT)
    ingest(store, tmp_path / "WhatsApp Chat with Ama Owusu.txt")
    ingest(store, write_facebook_zip(tmp_path / "fb.zip"))  # José Álvarez, Dana Kim, Cher
    waiting = {c.shown: c for c in store.waiting_candidates()}
    assert sorted(waiting) == ["Ama Owusu", "Dana Kim", "José Álvarez"]  # 'Cher': one word
    ama = waiting["Ama Owusu"]
    assert (ama.snapchat, ama.source_text) == ("ama_o", "Snapchat, WhatsApp")
    assert ama.two_way and ama.days == 3
    assert waiting["Dana Kim"].source_text == "Snapchat, Facebook"
    # best evidence first: the two-way conversation, then two sources, then one
    assert [c.shown for c in store.waiting_candidates()] == [
        "Ama Owusu",
        "Dana Kim",
        "José Álvarez",
    ]


def test_instagram_handle_lands_on_the_person_with_it(store: Store, tmp_path: Path) -> None:
    ama = store.add_person("Ama Owusu", instagram="@Ama.Owusu")
    summary = store.ingest_channel(read_archive(write_instagram_zip(tmp_path / "ig.zip")))
    assert summary.matched_people == 1 and summary.new_candidates == 2
    assert names(store) == ["@ben_codes", "@cara.dev"]
    assert store.interaction_count(ama) == 0  # a follow is no conversation


def test_two_people_of_one_name_match_neither(store: Store, tmp_path: Path) -> None:
    store.add_person("Kwame Boateng", company="Acme")
    store.add_person("Kwame Boateng", company="Initech")
    ingest(store, write_whatsapp_zip(tmp_path / "chat.zip"))
    assert names(store) == ["Kwame Boateng"]


def test_skips_and_not_tech_are_remembered_after_a_reimport(store: Store, tmp_path: Path) -> None:
    mbox = write_mbox(tmp_path / "takeout.mbox")
    ingest(store, mbox)
    by_name = {c.name: c.id for c in store.waiting_candidates()}
    store.decide_candidate(by_name["Kofi Mensah"], "skipped")
    store.decide_candidate(by_name["Wen Li"], "not_tech")
    assert store.review_progress().text() == "2 of 4 reviewed"
    ingest(store, mbox)
    ingest(store, write_maildir(tmp_path / "Maildir"))
    assert names(store) == ["José Pérez", "Priya Raman"]
    with pytest.raises(InputError, match="already skipped"):
        store.decide_candidate(by_name["Kofi Mensah"], "skipped")


def test_adding_a_candidate_moves_the_evidence_and_undo_takes_it_back(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    ingest(store, write_linkedin_zip(tmp_path / "linkedin.zip"))
    before = table_counts(db_path)
    priya = next(c for c in store.waiting_candidates() if c.name == "Priya Raman")
    assert priya.linkedin_url == PRIYA_URL and priya.two_way
    undo = store.add_candidate(priya.id, company="Stripe")
    assert undo.person_id is not None
    person = store.get_person(undo.person_id)
    assert (person.full_name, person.linkedin_url) == ("Priya Raman", PRIYA_URL)
    assert store.company_name(person.company_id) == "Stripe"
    assert [(e.kind, e.direction) for e in store.timeline(undo.person_id)] == [
        ("message", "in"),
        ("message", "out"),
    ]
    assert "Priya Raman" not in names(store)
    # a re-import now puts new messages on her timeline, not on a candidate
    rows = [*MESSAGES_ROWS, f"c1,,Priya Raman,{PRIYA_URL},Alex Morgan,{ME_URL},"
            '2023-05-09 09:00:00 UTC,,"See you soon",INBOX,,No']  # fmt: skip
    ingest(store, write_linkedin_zip(tmp_path / "newer.zip", rows))
    assert store.interaction_count(undo.person_id) == 3
    store.undo_candidate(undo)
    assert "Priya Raman" in names(store)
    after = table_counts(db_path)
    assert after["person"] == before["person"] and after["interaction"] == before["interaction"]


def test_matching_a_candidate_fills_the_person_and_undo_restores_them(
    store: Store, tmp_path: Path
) -> None:
    kwame = store.add_person("Kwame B.", company="Lisbon Labs")
    ingest(store, write_whatsapp_zip(tmp_path / "chat.zip"))
    candidate = store.waiting_candidates()[0]
    assert candidate.name == "Kwame Boateng"
    assert [s.id for s in store.match_suggestions(candidate.id)][:1] == [kwame]
    undo = store.match_candidate(candidate.id, kwame)
    assert store.interaction_count(kwame) == 2
    assert store.get_person(kwame).last_contact is not None
    assert names(store) == []
    store.undo_candidate(undo)
    assert store.interaction_count(kwame) == 0
    assert store.get_person(kwame).last_contact is None
    assert names(store) == ["Kwame Boateng"]


def test_erasing_a_person_erases_what_archives_said_about_them(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    ingest(store, write_whatsapp_zip(tmp_path / "chat.zip"))
    undo = store.add_candidate(store.waiting_candidates()[0].id)
    assert undo.person_id is not None
    store.purge_person(undo.person_id)
    counts = table_counts(db_path)
    assert (counts["candidate"], counts["channel_evidence"], counts["interaction"]) == (0, 0, 0)


def test_a_group_chat_gives_candidates_without_evidence(store: Store, tmp_path: Path) -> None:
    ama = store.add_person("Ama Owusu")
    ingest(store, write_whatsapp_zip(tmp_path / "group.zip", GROUP_CHAT))
    assert store.interaction_count(ama) == 0
    assert "Ben Carter" in names(store)


def test_a_name_alone_does_not_join_two_linkedin_profiles(store: Store, tmp_path: Path) -> None:
    other = store.add_person("Tomas Novak", linkedin_url="https://www.linkedin.com/in/tomas-n-99")
    rows = [*MESSAGES_ROWS, f"c9,,Priya Raman,https://www.linkedin.com/in/priya-raman-2,Alex "
            f"Morgan,{ME_URL},2023-08-01 10:00:00 UTC,,Hello again,INBOX,,No"]  # fmt: skip
    ingest(store, write_linkedin_zip(tmp_path / "linkedin.zip", rows))
    assert store.interaction_count(other) == 0  # another Tomas Novak's profile
    waiting = [(c.name, c.linkedin_url) for c in store.waiting_candidates()]
    assert sorted(n for n, _ in waiting) == ["Lena Fischer", "Priya Raman", "Priya Raman",
                                              "Tomas Novak"]  # fmt: skip


def test_the_summary_leaves_out_what_is_zero(store: Store, tmp_path: Path) -> None:
    # a chat with someone already here: no candidate to review, so the line does not say
    # "0 new candidates"; a second chat with nothing new says only that
    store.add_person("Kwame Boateng", company="Lisbon Labs")
    text = ingest(store, write_whatsapp_zip(tmp_path / "chat.zip"))
    assert "candidate" not in text
    assert text.startswith("Brought in evidence for 1 person already here, ")


def test_a_match_with_nothing_to_add_says_matched_once(store: Store, tmp_path: Path) -> None:
    # Snapchat friends carry no conversations: someone already here is matched, not
    # "brought in", and the verb is said once
    store.add_person("Ama Owusu")
    text = ingest(store, write_snapchat_zip(tmp_path / "mydata.zip"))
    assert text.startswith("Matched 1 person already here; brought in ")
    assert "Brought in matched" not in text
