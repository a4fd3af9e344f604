"""`netui sync --vdir DIR`: keep netui's people and a vdir (vdirsyncer's folder of .vcf
files, synced to a CardDAV server and phones) in step.

One run: read what changed in the folder since the last sync (edited, new, deleted or
renamed cards, found by file stamp and size, matched by UID), merge each person field by
field (netui.vdir.merge), write the cards netui changed (atomically, 0600), then apply
netui's side in one transaction. Files are written before the database commits: if the run
stops half-way, the next run finds those files changed and merges them again, losing nothing.
A card that cannot be read is reported and left alone, never taken as a deletion.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from netui.errors import NetuiError
from netui.person_spec import ENUM_DEFAULTS, ENUM_FIELDS
from netui.plural import count_of
from netui.store import Store
from netui.store.vdir import CardState, NewPerson, SyncPerson, SyncWrite
from netui.timeutil import parse_utc
from netui.validate import field_errors
from netui.vdir import (
    CARD_FIELDS,
    Card,
    Values,
    card_file_name,
    conflict_note,
    edited_card,
    flush_to_disk,
    merge,
    new_card,
    prepare_folder,
    read_card,
    rev_stamp,
    scan,
    values_hash,
    write_card,
)

# a card's choices (role, closeness, how we know) default as the person spec says
DEFAULTS = {k: v for k, v in ENUM_DEFAULTS.items() if k in CARD_FIELDS}


@dataclass
class SyncReport:
    folder: Path
    people: int = 0
    written: int = 0
    taken: int = 0  # people who took a change from their card
    added: int = 0
    archived: int = 0
    removed: int = 0
    conflicts: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{count_of(self.written, 'card')} written"]
        if self.taken:
            parts.append(f"{count_of(self.taken, 'person')} updated from their cards")
        if self.added:
            parts.append(f"{count_of(self.added, 'new person')} from new cards")
        if self.archived:
            parts.append(f"{self.archived:,} archived (card deleted; restore from Archived)")
        if self.removed:
            parts.append(f"{count_of(self.removed, 'card')} removed (archived or erased in netui)")
        if self.conflicts:
            parts.append(f"{self.conflicts:,} changed on both sides (the other value is a note)")
        return (
            f"Synced {count_of(self.people, 'person')} with {self.folder}: "
            + ", ".join(parts)
            + "."
        )


def _read(folder: Path, name: str) -> tuple[str, Card | str]:
    try:
        text = (folder / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return "", f"could not be read ({type(exc).__name__})"
    return text, read_card(text)


def _as_stored(values: Values) -> Values:
    """The values netui will hold for a card: its own categories default when absent."""
    out = dict(values)
    for key, default in DEFAULTS.items():
        if out.get(key) not in _CHOICES[key]:
            out[key] = default
    if not out.get("first_name"):
        parts = out.get("full_name", "").split()
        out["first_name"] = parts[0] if parts else ""
    return out


_ENUMS = {k: enum for k, enum in ENUM_FIELDS.items() if k in CARD_FIELDS}  # the card's choices
_CHOICES = {key: {m.value for m in enum} for key, enum in _ENUMS.items()}


class _Sync:
    def __init__(self, store: Store, folder: Path, allow_deletions: bool) -> None:
        self.store = store
        self.allow_deletions = allow_deletions
        target = folder.expanduser().absolute()
        try:
            self.folder = prepare_folder(target)
        except OSError as exc:
            raise NetuiError(
                f"{target} cannot be the vdir ({exc.strerror or exc}); nothing was changed."
            ) from None
        self.key = str(self.folder)
        self.report = SyncReport(self.folder)
        self.write = SyncWrite()
        self.rev = rev_stamp(store.now())
        self.pending: dict[str, tuple[CardState, str]] = {}  # file name -> (state, text)
        self.unlink: list[str] = []

    def run(self) -> SyncReport:
        state = self.store.vdir_state(self.key)
        people = self.store.vdir_people()
        files = scan(self.folder)
        by_file = {st.filename: st for st in state.values()}
        by_uid = {st.uid: st for st in state.values()}
        self._refuse_mass_deletion(state, people, files)
        known_cards: dict[int, tuple[str, Card]] = {}
        for name in sorted(set(files) - set(by_file)):
            text, card = _read(self.folder, name)
            if isinstance(card, str):
                self.report.problems.append(f"{name}: {card}; left as it is.")
                continue
            moved = by_uid.get(card.uid) if card.uid else None
            if moved is not None and moved.filename not in files:
                moved.filename = name  # the same card under a new file name
                known_cards[moved.person_id] = (text, card)
            elif moved is not None:
                self.report.problems.append(f"{name}: the same UID as {moved.filename}; skipped.")
            else:
                self._new_person(name, files[name], card)
        for person_id, st in state.items():
            person = people.get(person_id)
            if person is not None:
                self._known(person, st, files, known_cards.get(person_id))
        for person in people.values():
            if person.id not in state and not person.archived:
                self._new_card(person)
        for name in self.store.vdir_gone(self.key):
            self.unlink.append(name)
            self.write.forget_gone.append(name)
        self._commit()
        self.report.people = sum(1 for p in people.values() if not p.archived) + self.report.added
        return self.report

    def _refuse_mass_deletion(
        self,
        state: dict[int, CardState],
        people: dict[int, SyncPerson],
        files: Mapping[str, object],
    ) -> None:
        """A folder emptied or replaced (deleted, moved, a wrong path, a failed mount) is not
        'every card was deleted': refuse rather than archive most of the network."""
        shown = [st for st in state.values() if st.present and not people[st.person_id].archived]
        gone = sum(1 for st in shown if st.filename not in files)
        if gone > MASS_DELETION and gone * 2 > len(shown) and not self.allow_deletions:
            raise NetuiError(
                f"{gone:,} of the {len(shown):,} cards netui keeps in {self.folder} are gone; "
                "nothing was changed. If they were deleted on purpose, run again with "
                "--archive-missing to archive those people."
            )

    # ---- one person --------------------------------------------------------------------

    def _known(
        self,
        person: SyncPerson,
        st: CardState,
        files: dict[str, tuple[int, int]],
        moved: tuple[str, Card] | None,
    ) -> None:
        stamp = files.get(st.filename)
        if stamp is None:
            if st.present:  # deleted outside netui (on a phone, in khard, on the server)
                if not person.archived:
                    self.write.archive.append(person.id)
                    self.write.notes.append(
                        (person.id, f"Sync: the card was deleted in {self.folder}; archived.")
                    )
                    self.report.archived += 1
                st.present = False
                self.write.states.append(st)
            elif not person.archived:  # restored in netui: the card comes back
                self._rewrite(st, person.values)
            return
        if person.archived:
            if st.present:
                self.unlink.append(st.filename)
                st.present = False
                self.write.states.append(st)
                self.report.removed += 1
            return
        netui_changed = person.values_hash != st.netui_hash
        card_changed = moved is not None or (st.mtime_ns, st.size) != stamp or not st.present
        if not netui_changed and not card_changed:
            return
        base = self.store.vdir_base(self.key, person.id)
        text = ""
        theirs = base
        card_newer = False
        if card_changed:
            text, card = moved if moved is not None else _read(self.folder, st.filename)
            if isinstance(card, str):
                self.report.problems.append(f"{st.filename}: {card}; left as it is.")
                return
            theirs = {
                key: ("" if key in _ENUMS and value not in _CHOICES[key] else value)
                for key, value in card.values.items()
            }  # an unknown role on a card says nothing
            card_time = card.rev or _mtime(stamp)
            card_newer = card_time > parse_utc(person.updated_at)
        result = merge(base, person.values, theirs, card_newer)
        bad = field_errors({k: v for k, v in result.to_netui.items() if k not in _ENUMS})
        for key, message in bad.items():
            self.report.problems.append(f"{st.filename}: {message} Kept netui's.")
            result.values[key] = person.values.get(key, "")
            result.to_card[key] = result.values[key]
            result.to_netui.pop(key, None)
        if result.to_netui:
            self.write.updates[person.id] = result.to_netui
            self.report.taken += 1
        for key, kept, other in result.conflicts:
            side = "card" if key in result.to_netui else "netui"
            self.write.notes.append((person.id, conflict_note(key, kept, other, side)))
            self.report.conflicts += 1
        if result.to_card:
            if st.ours and not card_changed:
                new_text = new_card(result.values, st.uid, self.rev)
            else:
                try:
                    new_text = edited_card(
                        text or (self.folder / st.filename).read_text(encoding="utf-8"),
                        result.to_card,
                        base,
                        self.rev,
                    )
                except Exception as exc:  # vobject cannot re-serialise this card
                    self.report.problems.append(
                        f"{st.filename}: netui's changes could not be written into it "
                        f"({type(exc).__name__}); kept in netui, tried again next sync."
                    )
                    self.write.updates.pop(person.id, None)
                    return
                st.ours = False
            self.pending[st.filename] = (st, new_text)
        else:
            st.ours = st.ours and not card_changed
            st.mtime_ns, st.size = stamp
        st.present = True
        st.base_json = json.dumps(result.values, sort_keys=True)
        st.netui_hash = values_hash(result.values)
        self.write.states.append(st)

    def _rewrite(self, st: CardState, values: Values) -> None:
        st.present, st.ours = True, True
        st.base_json = json.dumps(values, sort_keys=True)
        st.netui_hash = values_hash(values)
        self.pending[st.filename] = (st, new_card(values, st.uid, self.rev))
        self.write.states.append(st)

    def _new_card(self, person: SyncPerson) -> None:
        uid = str(uuid.uuid4())
        st = CardState(person.id, uid, card_file_name(uid), 0, 0, True, True, "", "")
        self._rewrite(st, person.values)

    def _new_person(self, name: str, stamp: tuple[int, int], card: Card) -> None:
        values = _as_stored(card.values)
        bad = field_errors({k: v for k, v in values.items() if k not in _ENUMS})
        for key, message in bad.items():
            self.report.problems.append(f"{name}: {message} Left empty in netui.")
            values[key] = ""
        uid = card.uid or str(uuid.uuid4())
        st = CardState(
            0, uid, name, stamp[0], stamp[1], True, False, values_hash(values),
            json.dumps(values, sort_keys=True),
        )  # fmt: skip
        if bad:
            st.netui_hash = ""  # netui's (emptied) values go back to the card next time
        self.write.new_people.append(NewPerson(values, st))
        self.report.added += 1

    # ---- files, then the database ------------------------------------------------------

    def _commit(self) -> None:
        for name, (st, text) in self.pending.items():
            try:
                st.mtime_ns, st.size = write_card(self.folder, name, text)
            except OSError as exc:
                raise NetuiError(
                    f"Could not write {self.folder / name} ({exc.strerror or exc}); netui was "
                    f"not changed and the next sync takes up from here."
                ) from None
            self.report.written += 1
        for name in self.unlink:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.folder / name)
        if self.pending or self.unlink:
            flush_to_disk(self.folder)
        if self.write.updates or self.write.new_people or self.write.archive or \
                self.write.states or self.write.forget_gone:  # fmt: skip
            self.store.apply_vdir_sync(self.key, self.write)


def _mtime(stamp: tuple[int, int]) -> datetime:
    return datetime.fromtimestamp(stamp[0] / 1e9, tz=UTC)


LOCK_FILE = ".netui-sync.lock"
MASS_DELETION = 20  # more missing cards than this, and more than half: refused


def sync_vdir(store: Store, folder: Path, *, archive_missing: bool = False) -> SyncReport:
    """Sync netui's people with the vdir at `folder` (created 0700 if missing). One sync
    per folder at a time: a second one is refused with one sentence."""
    import fcntl

    sync = _Sync(store, folder, archive_missing)
    fd = os.open(sync.folder / LOCK_FILE, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise NetuiError(
                f"Another netui sync is writing {sync.folder}; try again when it is done."
            ) from None
        return sync.run()
    finally:
        os.close(fd)
