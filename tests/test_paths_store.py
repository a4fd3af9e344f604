"""Paths read from a real database: the counts triggers keep, job changes, the CLI."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from netui.errors import NotFoundError
from netui.network import PathKind
from netui.path_explain import explain
from netui.store import Store
from netui.timeutil import utcnow
from tests.conftest import NOW
from tests.test_cli import netui


def stats(store: Store, person_id: int) -> tuple[int, int, str] | None:
    with store.db.read() as conn:
        row = conn.execute(
            "SELECT interactions, replies, last_kind FROM contact_stats WHERE person_id = ?",
            (person_id,),
        ).fetchone()
    return None if row is None else (row[0], row[1], row[2])


def test_contact_counts_follow_every_write(store: Store) -> None:
    pid = store.add_person("Priya Patel")
    assert stats(store, pid) is None
    store.log_interaction(pid, "note", summary="likes Go")  # notes are not interactions
    assert stats(store, pid) is None
    first = store.log_interaction(pid, "message", direction="out", at=NOW - timedelta(days=9))
    store.log_interaction(pid, "coffee", at=NOW - timedelta(days=2))
    store.log_interaction(pid, "reply", direction="in", at=NOW - timedelta(days=5))
    assert stats(store, pid) == (3, 1, "coffee")  # the latest by date, not by entry
    edited = store.update_interaction(first, kind="call")
    assert stats(store, pid) == (3, 1, "coffee")
    store.restore_interaction(edited)  # undo of an edit: counted once, not twice
    assert stats(store, pid) == (3, 1, "coffee")
    removed = store.delete_interaction(first)
    assert stats(store, pid) == (2, 1, "coffee")
    store.restore_interaction(removed)
    assert stats(store, pid) == (3, 1, "coffee")
    store.purge_person(pid)
    assert stats(store, pid) is None


def seed(store: Store, now: datetime = NOW) -> dict[str, int]:
    ids = {
        "dana": store.add_person("Dana Ruiz", company="Stripe", role="engineer"),
        "priya": store.add_person("Priya Patel", company="Acme", closeness="close"),
        "marcus": store.add_person("Marcus Lee", company="Stripe", role="non_tech"),
        "ana": store.add_person("Ana Lopez", company="Globex", closeness="friend"),
        "old": store.add_person("Old Friend", closeness="close"),
    }
    store.log_interaction(ids["priya"], "coffee", at=now - timedelta(days=3))
    store.log_interaction(ids["priya"], "reply", direction="in", at=now - timedelta(days=4))
    store.log_interaction(ids["marcus"], "message", direction="out", at=now - timedelta(days=240))
    store.add_link(ids["priya"], ids["dana"], "knows")
    store.add_link(ids["old"], ids["dana"], "knows")
    store.archive_person(ids["old"])
    store.add_stub_and_link(ids["ana"], "Sam's roommate at Stripe")
    # what an import writes when someone moved (store/import_plan.py)
    store.log_interaction(ids["ana"], "note", summary="Now at Globex (was Stripe Inc.)")
    stripe, _ = store.find_company("stripe")
    store.set_company_target(stripe, True)
    return ids


def test_company_paths_from_the_database(store: Store) -> None:
    ids = seed(store)
    stripe, name = store.find_company("STRIPE, Inc.")
    assert name == "Stripe"
    result = store.company_paths(stripe)
    lines = [explain(p, result.network) for p in result.paths]
    assert lines[0] == (
        "Priya Patel (close friend, coffee 3 days ago) → knows Dana Ruiz, engineer at Stripe"
        " → pitch"
    )
    kinds = {p.first: p.kind for p in result.paths}
    assert kinds[ids["marcus"]] is PathKind.direct
    assert kinds[ids["ana"]] in (PathKind.former, PathKind.linked)  # both: best one kept
    assert ids["old"] not in kinds  # archived
    assert ids["dana"] not in kinds or kinds[ids["dana"]] is PathKind.direct
    with pytest.raises(NotFoundError, match="No company called 'Strpe'"):
        store.find_company("Strpe")


def test_former_colleagues_come_from_job_change_notes(store: Store) -> None:
    ana = store.add_person("Ana Lopez", company="Globex", closeness="friend")
    store.log_interaction(ana, "note", summary="Now Staff Engineer at Globex (was SRE at Stripe)")
    store.add_person("Dana Ruiz", company="Stripe", role="engineer")
    stripe, _ = store.find_company("Stripe")
    (_dana, ana_path) = store.company_paths(stripe).paths
    assert ana_path.kind is PathKind.former and ana_path.first == ana


def test_targets_overview_counts_and_orders(store: Store) -> None:
    seed(store)
    google = store.add_person("Gina Go", company="Google", role="engineer", is_stub=True)
    store.set_company_target(store.get_person(google).company_id, True)
    rows = store.targets_overview()
    names = [store.company_name(r.company_id) for r in rows]
    assert names == ["Google", "Stripe"]  # no way in first
    assert rows[0].word == "none" and rows[1].paths >= 3


def test_netui_path_prints_the_ranked_paths(db_path: Path) -> None:
    from netui.db import Database

    db = Database.open(db_path)
    seed(Store(db), now=utcnow())  # the command reads the real clock: so does the data
    db.close()
    result = netui("--db", str(db_path), "path", "stripe")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Stripe (target): 4 people can get you in (best: good)"
    assert lines[1] == (
        "good    Priya Patel (close friend, coffee 3 days ago) → knows Dana Ruiz, engineer at "
        "Stripe → pitch"
    )
    assert any("Marcus Lee (acquaintance, message 8 months ago)" in line for line in lines)
    missing = netui("--db", str(db_path), "path", "Initech")
    assert missing.returncode == 1
    assert (
        missing.stderr.strip() == "netui: No company called 'Initech' (Companies lists them all)."
    )
    assert missing.stdout == ""
    bad = netui("--db", str(db_path), "path", "Stripe", "--hops", "9")
    assert bad.stderr.strip() == "netui: --hops must be 0 to 3, not 9."


def test_netui_path_escapes_control_characters_in_names(db_path: Path) -> None:
    from netui.db import Database

    db = Database.open(db_path)
    store = Store(db)
    store.add_person("Dana Ruiz", company="Stripe", role="engineer")
    with db.write() as conn:  # a name written before names were cleaned on the way in
        conn.execute("UPDATE person SET full_name = 'Dana\x1b[2J Ruiz'")
    db.close()
    result = netui("--db", str(db_path), "path", "Stripe")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "Dana\\x1b[2J Ruiz (acquaintance, nothing logged yet)" in result.stdout
