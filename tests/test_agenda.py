"""Today and Progress on a real database with the fixed clock: each section, cadence, intros."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from netui.agenda import Section, Today, build_today, today_lines
from netui.cadence import cadence_for, cadence_table, keep_in_touch_due
from netui.conversations import CONVERSATION_DEFINITION, Part, is_conversation
from netui.importers import parse_file
from netui.logparse import parse_log_line
from netui.progress import build_progress
from netui.settings import Settings
from netui.store import Store
from tests.conftest import NOW, TODAY

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def days_ago(n: int, hour: int = 12) -> datetime:
    return datetime.combine(TODAY - timedelta(days=n), datetime.min.time(), UTC).replace(hour=hour)


def agenda(store: Store, settings: Settings | None = None) -> Today:
    settings = settings or Settings()
    return build_today(store.today_facts(settings), TODAY, settings.weekly_goal)


def names_in(today: Today, section: Section) -> list[str]:
    view = today.section(section)
    return [] if view is None else [i.name for i in view.items]


def log_line(store: Store, person_id: int, line: str) -> int:
    entry = parse_log_line(line, TODAY)
    at = None if entry.day == TODAY else days_ago((TODAY - entry.day).days)
    return store.log_interaction(
        person_id, entry.kind, direction=entry.direction, at=at, summary=entry.summary
    )


# ---- keep in touch ------------------------------------------------------------------


def test_cadence_defaults_by_closeness_and_overrides() -> None:
    table = cadence_table(Settings())
    kinds = ("close", "friend", "acquaintance", "met_once")
    assert [cadence_for(c, None, table) for c in kinds] == [21, 42, 90, 0]
    assert cadence_for("met_once", 14, table) == 14  # the person's own wins
    assert cadence_for("close", 0, table) == 0  # 0: never
    mine = cadence_table(Settings(cadence_friend_days=30))
    assert cadence_for("friend", None, mine) == 30
    assert keep_in_touch_due(TODAY, 21, None) == TODAY + timedelta(days=21)
    assert keep_in_touch_due(TODAY, 21, date(2027, 1, 5)) == date(2027, 1, 5)
    assert keep_in_touch_due(None, 21, None) is None  # never in touch: not "going cold"
    assert keep_in_touch_due(TODAY, 0, None) is None


def test_going_cold_follows_closeness_and_a_logged_coffee_resets_it(store: Store) -> None:
    close = store.add_person("Cara Close", closeness="close")
    friend = store.add_person("Fred Friend", closeness="friend")
    acquaintance = store.add_person("Ann Acquaintance", closeness="acquaintance")
    once = store.add_person("Otto Once", closeness="met_once")
    store.add_person("Never Contacted", closeness="close")
    for person, days in ((close, 22), (friend, 40), (acquaintance, 91), (once, 400)):
        store.log_interaction(person, "call", at=days_ago(days))
    today = agenda(store)
    assert names_in(today, Section.going_cold) == ["Cara Close", "Ann Acquaintance"]
    row = today.section(Section.going_cold).items[0]  # type: ignore[union-attr]
    assert (row.when, row.late) == ("1 day over", 1)
    assert "every 3 weeks" in row.what
    log_line(store, close, "coffee: caught up on her new team")
    assert names_in(agenda(store), Section.going_cold) == ["Ann Acquaintance"]


def test_per_person_cadence_and_settings_override(store: Store) -> None:
    fred = store.add_person("Fred Friend", closeness="friend")
    store.log_interaction(fred, "call", at=days_ago(30))
    assert names_in(agenda(store), Section.going_cold) == []
    assert names_in(agenda(store, Settings(cadence_friend_days=28)), Section.going_cold) == [
        "Fred Friend"
    ]
    store.set_cadence(fred, 14)
    assert store.keep_in_touch(fred) == (14, None)
    assert names_in(agenda(store), Section.going_cold) == ["Fred Friend"]
    store.set_cadence(fred, 0)
    assert names_in(agenda(store, Settings(cadence_friend_days=1)), Section.going_cold) == []


def test_snooze_moves_going_cold_without_logging_anything(store: Store) -> None:
    cara = store.add_person("Cara Close", closeness="close")
    store.log_interaction(cara, "call", at=days_ago(30))
    count = store.interaction_count(cara)
    assert store.snooze(cara, TODAY + timedelta(days=7)) is None
    assert names_in(agenda(store), Section.going_cold) == []
    assert store.interaction_count(cara) == count
    week = TODAY + timedelta(days=7)
    later = build_today(store.today_facts(Settings(), week), week, 5)
    assert names_in(later, Section.going_cold) == ["Cara Close"]
    assert later.section(Section.going_cold).items[0].when == "due today"  # type: ignore[union-attr]


def test_an_imported_message_resets_the_cadence_and_ends_a_snooze(store: Store) -> None:
    """Archive importers write timeline rows in bulk: the triggers reset keep-in-touch."""
    cara = store.add_person("Cara Close", closeness="close")
    store.log_interaction(cara, "call", at=days_ago(60))
    store.snooze(cara, TODAY + timedelta(days=30))
    with store.db.write() as conn:  # as a bulk import does
        conn.execute(
            "INSERT INTO interaction (person_id, kind, direction, at, summary, created_at) "
            "VALUES (?, 'message', 'in', ?, '3 messages', ?)",
            (cara, "2026-11-24 09:00:00", "2026-11-26 15:00:00"),
        )
    assert store.keep_in_touch(cara) == (None, None)
    assert names_in(agenda(store), Section.going_cold) == []
    # an older entry (an old archive) does not end a newer snooze
    store.snooze(cara, TODAY + timedelta(days=30))
    with store.db.write() as conn:
        conn.execute(
            "INSERT INTO interaction (person_id, kind, direction, at, summary, created_at) "
            "VALUES (?, 'email', 'in', '2024-01-01 09:00:00', 'old', '2026-11-26 15:00:00')",
            (cara,),
        )
    assert store.keep_in_touch(cara)[1] == TODAY + timedelta(days=30)


def test_going_cold_in_sql_is_the_rule_in_python(store: Store) -> None:
    """The store's going-cold query and cadence.keep_in_touch_due give the same people."""
    settings = Settings(cadence_close_days=10, cadence_met_once_days=200)
    table = cadence_table(settings)
    expected = set()
    closenesses = ("close", "friend", "acquaintance", "met_once")
    for k in range(48):
        closeness = closenesses[k % 4]
        pid = store.add_person(f"Person {k:02d}", closeness=closeness)
        ago = (k * 37) % 250
        store.log_interaction(pid, "email", direction="out", at=days_ago(ago))
        override = (None, 0, 30, 5)[k % 7 % 4] if k % 3 == 0 else None
        if override is not None:
            store.set_cadence(pid, override)
        snooze = TODAY + timedelta(days=k % 5 - 2) if k % 5 == 0 else None
        if snooze is not None:
            store.snooze(pid, snooze)
        due = keep_in_touch_due(TODAY - timedelta(days=ago),
                                cadence_for(closeness, override, table), snooze)  # fmt: skip
        if due is not None and due <= TODAY:
            expected.add(f"Person {k:02d}")
    found = agenda(store, settings).section(Section.going_cold)
    assert found is not None and set(i.name for i in found.items) == expected


# ---- the other sections -------------------------------------------------------------


def test_follow_ups_oldest_first_with_days_late(store: Store) -> None:
    for name, days in (("Late Two", 2), ("Due Today", 0), ("Late Nine", 9), ("Not Yet", -1)):
        pid = store.add_person(name, stage="reconnecting")
        store.set_follow_up(pid, TODAY - timedelta(days=days))
    view = agenda(store).section(Section.follow_ups)
    assert view is not None
    assert [(i.name, i.when) for i in view.items] == [
        ("Late Nine", "9 days late"), ("Late Two", "2 days late"), ("Due Today", "due today"),
    ]  # fmt: skip
    assert view.items[0].what == "catch up"  # the stage's hint when no next step is written


def test_meetings_soon_and_to_wrap_up(store: Store) -> None:
    priya = store.add_person("Priya Patel", company="Google")
    soon = store.plan_meeting(priya, NOW + timedelta(hours=20), place="Blue Bottle")
    store.plan_meeting(priya, NOW + timedelta(days=5), place="Later")
    past = store.plan_meeting(priya, NOW - timedelta(days=2), place="Ritual")
    done = store.plan_meeting(priya, NOW - timedelta(days=3), place="Sightglass")
    store.mark_done(done)
    today = agenda(store)
    meetings = today.section(Section.meetings)
    assert meetings is not None and [i.ref for i in meetings.items] == [soon]
    assert meetings.items[0].when == "tomorrow 11:00"
    wrap = today.section(Section.wrap_up)
    assert wrap is not None
    assert [(i.ref, i.what) for i in wrap.items] == [
        (done, "send the follow-up"), (past, "mark it done (how did it go?)"),
    ]  # fmt: skip
    store.settle_follow_up(priya)
    wrap = agenda(store).section(Section.wrap_up)
    assert wrap is not None and [i.ref for i in wrap.items] == [past]


def test_promised_intros_appear_and_clear(store: Store) -> None:
    sam = store.add_person("Sam Rivera", company="Stripe")
    kim = store.add_person("Kim Lee")
    log_line(store, sam, "ask intro yesterday: to someone on Payments")
    promise = log_line(store, sam, "promised intro: Dana on Payments")
    owed = log_line(store, kim, "owe intro: Kim wants to meet my old team lead")
    today = agenda(store)
    assert [(i.name, i.what) for i in today.section(Section.promised).items] == [  # type: ignore[union-attr]
        ("Sam Rivera", "said yes: Dana on Payments")
    ]
    assert [i.ref for i in today.section(Section.owed).items] == [owed]  # type: ignore[union-attr]
    # the intro arrives: the promise is kept
    log_line(store, sam, "intro from: met Dana by email")
    assert agenda(store).section(Section.promised) is None
    # the one you owe: done from Today, and undone
    store.close_entry(owed)
    assert agenda(store).section(Section.owed) is None
    store.close_entry(owed, reopen=True)
    assert agenda(store).section(Section.owed) is not None
    assert promise  # the promise stays on the timeline
    assert [e.kind for e in store.timeline(sam)][-2:] == ["promise", "intro"]


def test_replies_waiting_when_they_wrote_last(store: Store) -> None:
    lin = store.add_person("Lin Zhao")
    ravi = store.add_person("Ravi S")
    log_line(store, lin, "message 3d: hi")
    log_line(store, lin, "reply yesterday: yes, coffee next week?")
    log_line(store, ravi, "email in 2d: question about my resume")
    log_line(store, ravi, "note: remember to answer")  # a note is not an answer
    today = agenda(store)
    assert [(i.name, i.what) for i in today.section(Section.replies).items] == [  # type: ignore[union-attr]
        ("Ravi S", "question about my resume"), ("Lin Zhao", "yes, coffee next week?"),
    ]  # fmt: skip
    log_line(store, lin, "message: Tuesday works")
    assert names_in(agenda(store), Section.replies) == ["Ravi S"]


def test_job_changes_listed_until_dismissed_or_acted_on(store: Store, tmp_path: Path) -> None:
    store.import_records(parse_file(FIXTURES / "linkedin_current.csv"))
    moved = tmp_path / "Connections.csv"
    text = (FIXTURES / "linkedin_current.csv").read_text(encoding="utf-8")
    moved.write_text(text.replace('"Stripe, Inc.",Software Engineer', "Plaid,Staff Engineer"))
    store.import_records(parse_file(moved))
    view = agenda(store).section(Section.job_changes)
    assert view is not None
    assert [(i.name, i.what) for i in view.items] == [
        ("Ana Testa", "Now Staff Engineer at Plaid (was Software Engineer at Stripe, Inc.)"
         " · a reason to write"),
    ]  # fmt: skip
    store.close_entry(view.items[0].ref)
    assert agenda(store).section(Section.job_changes) is None
    store.close_entry(view.items[0].ref, reopen=True)
    assert names_in(agenda(store), Section.job_changes) == ["Ana Testa"]
    # acting on it (any contact after it) clears it too
    store.log_interaction(view.items[0].person_id, "message", direction="out", at=NOW)
    assert agenda(store).section(Section.job_changes) is None


def test_drafts_not_sent_until_marked_sent(store: Store) -> None:
    jose = store.add_person("José Núñez", email="jose@example.com")
    draft = store.save_draft(jose, intent="reconnect", tone="warm", channel="email",
                             subject="Hi", body="Hello José")  # fmt: skip
    view = agenda(store).section(Section.drafts)
    assert view is not None and [(i.ref, i.what) for i in view.items] == [
        (draft, "Reconnect / catch up")
    ]
    store.mark_sent(draft)
    assert agenda(store).section(Section.drafts) is None


def test_an_empty_network_has_no_sections(store: Store) -> None:
    today = agenda(store)
    assert today.empty
    assert today.progress_line == "0 of 5 conversations this week (5 to go)"
    assert today_lines(today)[-1].startswith("Nothing to do today")


# ---- conversations and progress -------------------------------------------------------


def test_what_counts_as_a_conversation(store: Store) -> None:
    assert is_conversation([Part.talk])
    assert is_conversation([Part.wrote, Part.heard])
    assert is_conversation([Part.both])
    assert not is_conversation([Part.wrote])
    assert not is_conversation([Part.heard])
    assert "two-way" in CONVERSATION_DEFINITION
    a, b, c, d = (store.add_person(n) for n in ("A A", "B B", "C C", "D D"))
    log_line(store, a, "coffee: talked")  # Thursday: a conversation
    log_line(store, b, "message: hi")
    log_line(store, b, "reply: hi back")  # both ways the same day: one
    log_line(store, c, "message yesterday: hi")  # one-way: none
    log_line(store, d, "reply 2d: hi")
    log_line(store, d, "message yesterday: back")  # a day apart: none
    log_line(store, a, "call 7d: last week")  # last week: not this week
    today = agenda(store, Settings(weekly_goal=2))
    assert today.week_conversations == 2
    assert today.progress_line == "2 of 2 conversations this week (goal met)"


def test_progress_numbers(store: Store) -> None:
    google = store.add_person("Priya Patel", company="Google", stage="engaged", email="p@x.io")
    store.add_person("Dan M", company="Google", stage="interviewing")
    store.add_person("Sam R", company="Stripe", stage="asked")
    store.add_person("New N", stage="new")
    store.add_person("Paused P", stage="paused")
    store.add_person("Olu O", company="Plaid", stage="paused")
    store.archive_person(store.add_person("Gone G", company="Plaid", stage="done"))
    for company in ("Google", "Stripe", "Plaid"):
        store.set_company_target(next(c.id for c in store.companies() if c.name == company), True)
    one = store.save_draft(google, intent="meet", tone="warm", channel="email", subject="Coffee?",
                           body="Coffee next week?")  # fmt: skip
    store.mark_sent(one)
    store.log_interaction(google, "reply", direction="in", at=NOW + timedelta(minutes=5))
    two = store.save_draft(google, intent="intro", tone="warm", channel="email", subject="Intro",
                           body="Could you introduce me?")  # fmt: skip
    store.log_interaction(google, "coffee", at=days_ago(15))
    store.log_interaction(google, "coffee", at=days_ago(200))  # older than 12 weeks
    progress = build_progress(store.progress_facts(), TODAY, 5)
    assert len(progress.weeks) == 12 and progress.weeks[-1][0] == date(2026, 11, 23)
    assert progress.conversations == 2  # the coffee, and today's message answered today
    assert dict(progress.weeks)[date(2026, 11, 9)] == 1
    assert dict(progress.weeks)[date(2026, 11, 23)] == 1
    assert progress.funnel == [
        ("reconnecting", 3), ("engaged", 3), ("asked", 2), ("introduced / referred", 1),
        ("interviewing", 1),
    ]  # fmt: skip
    assert [(r.label, r.sent, r.answered, r.percent) for r in progress.by_intent] == [
        ("Ask to meet (coffee)", 1, 1, 100)
    ]
    assert [(r.label, r.sent) for r in progress.by_channel] == [("Email", 1)]
    assert [(t.name, t.people, t.how_far) for t in progress.targets] == [
        ("Google", 2, "furthest: interviewing"), ("Stripe", 1, "furthest: asked"),
        ("Plaid", 1, "no one contacted yet"),
    ]  # fmt: skip
    assert two


@pytest.mark.parametrize("weeks_back", [0, 11])
def test_week_edges_are_counted(store: Store, weeks_back: int) -> None:
    pid = store.add_person("A A")
    monday = date(2026, 11, 23) - timedelta(weeks=weeks_back)
    store.log_interaction(pid, "call", at=days_ago((TODAY - monday).days, hour=0))
    progress = build_progress(store.progress_facts(), TODAY, 5)
    assert dict(progress.weeks)[monday] == 1


def test_hostile_text_stays_on_one_line_and_out_of_the_terminal(store: Store) -> None:
    pid = store.add_person("Eve Evil")
    store.log_interaction(pid, "reply", direction="in", at=NOW,
                          summary="line one\nline two \x1b]0;owned\x07 \u202eevil")  # fmt: skip
    lines = today_lines(agenda(store))
    (row,) = [line for line in lines if "Eve Evil" in line]
    assert "\n" not in row and "\x1b" not in row and "\u202e" not in row
    assert "line one line two" in row and "\\x1b" in row


def test_today_reads_from_a_read_only_connection(store: Store, db_path: Path) -> None:
    """The CLI's read-only fast path can answer Today from a `mode=ro` connection."""
    import sqlite3

    from netui.store.agenda import read_progress, read_today

    pid = store.add_person("Sam Rivera")
    store.set_follow_up(pid, TODAY)
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        facts = read_today(conn, Settings(), TODAY, NOW)
        progress = read_progress(conn, TODAY)
    finally:
        conn.close()
    assert [f.name for f in facts.rows[Section.follow_ups]] == ["Sam Rivera"]
    assert len(build_progress(progress, TODAY, 5).weeks) == 12


def test_an_older_database_is_backed_up_and_gains_keep_in_touch(tmp_path: Path) -> None:
    from netui.db import Database
    from netui.schema import MIGRATIONS

    path = tmp_path / "old.db"
    old = Database.open(path, steps=MIGRATIONS[:1])
    with old.write() as conn:
        conn.execute(
            "INSERT INTO person (full_name, closeness, created_at, updated_at) "
            "VALUES ('Cara Close', 'close', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
        conn.execute(
            "INSERT INTO interaction (person_id, kind, direction, at, created_at) "
            "VALUES (1, 'call', 'none', '2026-10-01 12:00:00', '2026-10-01 12:00:00')"
        )
    old.close()
    db = Database.open(path)
    try:
        assert list((tmp_path / "backups").glob("old-v1-*.db"))
        store = Store(db, today=lambda: TODAY, now=lambda: NOW)
        assert store.keep_in_touch(1) == (None, None)
        assert names_in(agenda(store), Section.going_cold) == ["Cara Close"]
    finally:
        db.close()
