"""`netui sync --vdir`: each rule on a real folder of .vcf files, and khard reading it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from netui.store import Store
from netui.vdir import read_card, rev_stamp
from netui.vdir_sync import sync_vdir
from tests.conftest import NOW


@pytest.fixture
def vdir(tmp_path: Path) -> Path:
    return tmp_path / "contacts" / "netui"


def _cards(folder: Path) -> dict[str, Path]:
    """Card files by the name on them."""
    out: dict[str, Path] = {}
    for path in folder.glob("*.vcf"):
        card = read_card(path.read_bytes().decode())
        assert not isinstance(card, str), card
        out[card.values["full_name"]] = path
    return out


def _edit(path: Path, old: str, new: str, rev: str | None = None) -> None:
    """Change one line of a card as a phone would (a new REV, a new file stamp)."""
    text = path.read_bytes().decode()
    assert old in text, text
    text = text.replace(old, new)
    if rev is not None:
        lines = [line for line in text.split("\r\n") if not line.startswith("REV:")]
        lines.insert(len(lines) - 2, f"REV:{rev}")
        text = "\r\n".join(lines)
    path.write_bytes(text.encode())  # bytes: CRLF line ends stay as they are


def _seed(store: Store) -> tuple[int, int]:
    jane = store.add_person(
        "Jane Doe", company="Stripe", title="Engineer", email="jane@stripe.example",
        phone="+1 555 010 0100", linkedin_url="https://www.linkedin.com/in/janedoe",
        role="engineer", closeness="friend", notes="Met at PyCon;\nlikes, commas",
    )  # fmt: skip
    bo = store.add_person("Bo Ek", company="Plaid", email="bo@plaid.example")
    store.log_interaction(jane, "note", summary="Private: only in netui")
    store.set_stage(jane, "engaged")
    return jane, bo


def test_first_sync_writes_one_private_card_per_person_and_a_second_writes_none(
    store: Store, vdir: Path
) -> None:
    _seed(store)
    report = sync_vdir(store, vdir)
    assert (report.people, report.written) == (2, 2)
    assert stat.S_IMODE(vdir.stat().st_mode) == 0o700
    cards = _cards(vdir)
    assert set(cards) == {"Jane Doe", "Bo Ek"}
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in cards.values())
    text = cards["Jane Doe"].read_bytes().decode()
    assert "VERSION:3.0\r\n" in text and f"REV:{rev_stamp(NOW)}\r\n" in text
    assert "URL:https://www.linkedin.com/in/janedoe\r\n" in text
    assert "X-NETUI-ROLE:engineer\r\n" in text and "X-NETUI-CLOSENESS:friend\r\n" in text
    assert "NOTE:Met at PyCon\\;\\nlikes\\, commas\r\n" in text
    assert "engaged" not in text and "Private" not in text  # netui-only data stays in netui
    card = read_card(text)
    assert not isinstance(card, str)
    assert card.values["notes"] == "Met at PyCon;\nlikes, commas"
    stamps = {p.name: p.stat().st_mtime_ns for p in vdir.iterdir()}
    again = sync_vdir(store, vdir)
    assert (again.written, again.taken, again.added, again.archived) == (0, 0, 0, 0)
    assert {p.name: p.stat().st_mtime_ns for p in vdir.iterdir()} == stamps
    assert not list(vdir.glob("*.part"))  # no temporary files left behind


def test_a_card_edited_outside_netui_is_taken(store: Store, vdir: Path) -> None:
    jane, _ = _seed(store)
    sync_vdir(store, vdir)
    path = _cards(vdir)["Jane Doe"]
    lines = path.read_bytes().decode().splitlines()
    uid_line = next(line for line in lines if line.startswith("UID:"))
    _edit(path, "TITLE:Engineer", "TITLE:Staff Engineer", rev=rev_stamp(NOW + timedelta(hours=1)))
    report = sync_vdir(store, vdir)
    assert (report.taken, report.written, report.conflicts) == (1, 0, 0)
    person = store.get_person(jane)
    assert person.title == "Staff Engineer"
    assert person.stage == "engaged" and person.email == "jane@stripe.example"
    assert uid_line in path.read_bytes().decode()
    assert sync_vdir(store, vdir).taken == 0


def test_a_change_in_netui_rewrites_the_card_with_the_same_uid(store: Store, vdir: Path) -> None:
    jane, _ = _seed(store)
    sync_vdir(store, vdir)
    path = _cards(vdir)["Jane Doe"]
    before = read_card(path.read_bytes().decode())
    store.update_person(jane, phone="+44 20 7946 0000", company="Plaid")
    report = sync_vdir(store, vdir)
    assert (report.written, report.taken) == (1, 0)
    after = read_card(path.read_bytes().decode())
    assert not isinstance(before, str) and not isinstance(after, str)
    assert after.uid == before.uid
    assert (after.values["phone"], after.values["company"]) == ("+44 20 7946 0000", "Plaid")


def test_changed_on_both_sides_the_later_wins_and_the_other_becomes_a_note(
    store: Store, vdir: Path
) -> None:
    jane, bo = _seed(store)
    sync_vdir(store, vdir)
    cards = _cards(vdir)
    store.update_person(jane, title="Netui Title")  # at NOW (the fixed clock)
    store.update_person(bo, title="Netui Title")
    later, earlier = rev_stamp(NOW + timedelta(hours=2)), rev_stamp(NOW - timedelta(hours=2))
    _edit(cards["Jane Doe"], "TITLE:Engineer", "TITLE:Phone Title", rev=later)
    _edit(cards["Bo Ek"], "ORG:Plaid", "ORG:Plaid\r\nTITLE:Phone Title", rev=earlier)
    report = sync_vdir(store, vdir)
    assert report.conflicts == 2
    assert store.get_person(jane).title == "Phone Title"  # the card changed later
    assert store.get_person(bo).title == "Netui Title"  # netui changed later
    notes = {p: [e.summary for e in store.timeline(p) if e.kind == "note"] for p in (jane, bo)}
    assert any("Netui Title" in n for n in notes[jane])  # nothing is lost
    assert any("Phone Title" in n for n in notes[bo])
    card = read_card(cards["Bo Ek"].read_bytes().decode())
    assert not isinstance(card, str) and card.values["title"] == "Netui Title"


def test_a_deleted_card_archives_undoably_and_never_erases(store: Store, vdir: Path) -> None:
    jane, _ = _seed(store)
    sync_vdir(store, vdir)
    path = _cards(vdir)["Jane Doe"]
    uid = read_card(path.read_bytes().decode())
    path.unlink()
    report = sync_vdir(store, vdir)
    assert report.archived == 1
    person = store.get_person(jane)
    assert person.archived_at is not None and person.stage == "engaged"
    assert any("deleted" in e.summary for e in store.timeline(jane))
    assert sync_vdir(store, vdir).archived == 0  # said once
    store.restore_person(jane)  # undo
    assert sync_vdir(store, vdir).written == 1
    back = read_card(_cards(vdir)["Jane Doe"].read_bytes().decode())
    assert not isinstance(back, str) and not isinstance(uid, str) and back.uid == uid.uid


def test_a_new_card_becomes_a_person_and_keeps_what_netui_does_not_hold(
    store: Store, vdir: Path
) -> None:
    _seed(store)
    sync_vdir(store, vdir)
    phone_card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-123\r\nFN:Zoë Park\r\nN:Park;Zoë;;;\r\n"
        "ORG:Figma\r\nEMAIL;TYPE=HOME:zoe@home.example\r\nEMAIL;TYPE=WORK:zoe@figma.example\r\n"
        "BDAY:1990-04-01\r\nREV:20261126T100000Z\r\nEND:VCARD\r\n"
    )
    (vdir / "phone-123.vcf").write_bytes(phone_card.encode())
    report = sync_vdir(store, vdir)
    assert (report.added, report.written) == (1, 0)
    [row] = store.search_people("zoe")
    person = store.get_person(row.id)
    assert (person.full_name, row.company, person.role) == ("Zoë Park", "Figma", "unknown")
    assert sync_vdir(store, vdir).added == 0  # matched by UID from now on
    store.update_person(row.id, title="Designer")
    assert sync_vdir(store, vdir).written == 1
    text = (vdir / "phone-123.vcf").read_bytes().decode()
    assert "Designer" in text and "BDAY" in text and "zoe@figma.example" in text
    assert "UID:phone-123" in text


def test_archived_or_erased_in_netui_removes_the_card(store: Store, vdir: Path) -> None:
    jane, bo = _seed(store)
    sync_vdir(store, vdir)
    store.archive_person(jane)
    store.purge_person(bo)
    report = sync_vdir(store, vdir)
    assert report.removed == 1
    assert list(vdir.glob("*.vcf")) == []
    assert sync_vdir(store, vdir).added == 0  # nothing comes back


def test_an_unreadable_card_is_reported_and_left_alone(store: Store, vdir: Path) -> None:
    jane, _ = _seed(store)
    sync_vdir(store, vdir)
    path = _cards(vdir)["Jane Doe"]
    path.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\n")  # cut short
    (vdir / "junk.vcf").write_bytes(b"\xff\xfe not a card")
    report = sync_vdir(store, vdir)
    assert len(report.problems) == 2 and report.archived == 0
    assert store.get_person(jane).archived_at is None
    assert path.read_bytes().decode().startswith("BEGIN:VCARD\r\nVERSION:3.0\r\nFN")


def test_the_cli_prints_one_summary(db_path: Path, vdir: Path) -> None:
    def netui(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "netui", "--db", str(db_path), *args],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    assert netui("add", "Jane Doe @ Stripe, jane@stripe.example").returncode == 0
    result = netui("sync", "--vdir", str(vdir))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Synced 1 person with {vdir}: 1 card written.\n"


def test_khard_lists_the_vdir(store: Store, vdir: Path, tmp_path: Path) -> None:
    _seed(store)
    store.add_person("José Núñez", company="Café Olé", email="jose@cafe.example")
    sync_vdir(store, vdir)
    config = tmp_path / "khard.conf"
    config.write_text(f"[addressbooks]\n[[netui]]\npath = {vdir}\n", encoding="utf-8")
    khard = Path(sys.executable).with_name("khard")
    env = {**os.environ, "EDITOR": "true"}
    listed = subprocess.run(
        [str(khard), "-c", str(config), "email", "--parsable", "--remove-first-line"],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    addresses = sorted(line.split("\t")[:2] for line in listed.stdout.splitlines())
    assert addresses == [
        ["bo@plaid.example", "Bo Ek"],
        ["jane@stripe.example", "Jane Doe"],
        ["jose@cafe.example", "José Núñez"],
    ]


def test_two_syncs_of_one_folder_at_once_are_refused(store: Store, vdir: Path) -> None:
    import fcntl

    from netui.errors import NetuiError
    from netui.vdir_sync import LOCK_FILE

    _seed(store)
    sync_vdir(store, vdir)
    with open(vdir / LOCK_FILE, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(NetuiError, match="Another netui sync"):
            sync_vdir(store, vdir)
    assert sync_vdir(store, vdir).written == 0


def test_an_emptied_folder_archives_nobody(store: Store, vdir: Path) -> None:
    import shutil

    from netui.errors import NetuiError

    for i in range(30):
        store.add_person(f"Person {i}", email=f"p{i}@x.example")
    sync_vdir(store, vdir)
    shutil.rmtree(vdir)  # a deleted folder, a wrong path, an unmounted disk
    with pytest.raises(NetuiError, match=r"30 of the 30 cards netui keeps .* are gone"):
        sync_vdir(store, vdir)
    assert store.total_people() == 30
    assert sync_vdir(store, vdir, archive_missing=True).archived == 30


def test_a_file_where_the_folder_should_be_is_one_sentence(store: Store, tmp_path: Path) -> None:
    from netui.errors import NetuiError

    _seed(store)
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(NetuiError, match="cannot be the vdir"):
        sync_vdir(store, tmp_path / "notes.txt")
    assert (tmp_path / "notes.txt").read_text() == "mine"
