"""Who knows whom: links between people, including stub people you have only heard of."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from netui.enums import LinkKind
from netui.errors import InputError
from netui.store.sql import insert, record, update
from netui.store.timeline import TimelineMixin

# knows and works_with go both ways; introduced_by has a direction:
# (person_a=X, person_b=Y, introduced_by) means "X was introduced to you by Y".
SYMMETRIC = frozenset({LinkKind.knows, LinkKind.works_with})
LINK_LABELS = {
    LinkKind.knows: "knows",
    LinkKind.works_with: "works with",
    LinkKind.introduced_by: "introduced by",
}
REVERSE_LABELS = {**LINK_LABELS, LinkKind.introduced_by: "introduced you to"}
_STUB_AT = re.compile(r"^(?P<name>.+?)\s+(?:at|@)\s+(?P<company>[^@]+)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class LinkRow:
    """A link seen from one person: who is on the other end and how."""

    id: int
    other_id: int
    other_name: str
    other_company: str
    other_is_stub: bool
    kind: str
    label: str  # "knows", "works with", "introduced by", "introduced you to"
    note: str


@dataclass(frozen=True, slots=True)
class Introduction:
    """What `record_introduction` did, so the screen can say it and undo it."""

    person_id: int
    name: str
    link_id: int
    note_id: int
    created: bool  # a new person (undo erases them); else someone already in netui
    was_stub: bool  # they had been a stub until now
    approach: str  # pipeline.approach_text for them: how to start


@dataclass(frozen=True, slots=True)
class RemovedLink:
    """What `restore_link` needs to undo a delete."""

    person_a: int
    person_b: int
    kind: str
    note: str


def coerce_link_kind(kind: LinkKind | str) -> LinkKind:
    try:
        return LinkKind(kind)
    except ValueError:
        raise InputError(
            f"Link '{kind}' is not one of: knows, introduced_by, works_with."
        ) from None


def split_stub(description: str) -> tuple[str, str]:
    """'Sam's roommate at Stripe' -> ("Sam's roommate at Stripe", 'Stripe').

    The words stay the name (that is how you know them); a trailing 'at X' is the company.
    """
    text = " ".join(description.split())
    match = _STUB_AT.match(text)
    return text, match.group("company").strip() if match else ""


class LinkMixin(TimelineMixin):
    def _insert_link(
        self, conn: sqlite3.Connection, a: int, b: int, kind: LinkKind, note: str
    ) -> int:
        if a == b:
            raise InputError("A person cannot be linked to themselves.")
        if kind in SYMMETRIC:
            a, b = min(a, b), max(a, b)
        for pid in (a, b):
            record(conn, "person", pid, "person", "id")
        existing = conn.execute(
            "SELECT id FROM link WHERE person_a = ? AND person_b = ? AND kind = ?",
            (a, b, kind.value),
        ).fetchone()
        if existing:
            return int(existing[0])
        values = {"person_a": a, "person_b": b, "kind": kind, "note": note.strip()}
        return insert(conn, "link", {**values, "created_at": self.now()})

    def add_link(
        self, person_id: int, other_id: int, kind: LinkKind | str = "knows", note: str = ""
    ) -> int:
        """Link two people ('introduced_by': person_id was introduced by other_id).

        Linking the same pair the same way twice keeps the one link; returns its id.
        """
        kind_ = coerce_link_kind(kind)
        with self._write() as conn:
            return self._insert_link(conn, person_id, other_id, kind_, note)

    def add_stub_and_link(
        self, person_id: int, description: str, kind: LinkKind | str = "knows"
    ) -> tuple[int, int]:
        """Create a stub person ('Sam's roommate at Stripe') linked to person_id, at once.

        Returns (stub id, link id). A trailing 'at <company>' also sets the company.
        """
        kind_ = coerce_link_kind(kind)
        name, company = split_stub(description)
        if not name:
            raise InputError('Describe the person, e.g. "Sam\'s roommate at Stripe".')
        with self._write() as conn:
            record(conn, "person", person_id, "person", "id")
            now = self.now()
            stub_id = insert(conn, "person", {
                "full_name": name, "first_name": "", "is_stub": True,
                "company_id": self._company_id_for(conn, company) if company else None,
                "created_at": now, "updated_at": now,
            })  # fmt: skip
            return stub_id, self._insert_link(conn, person_id, stub_id, kind_, "")

    def delete_link(self, link_id: int) -> RemovedLink:
        with self._write() as conn:
            row = record(conn, "link", link_id, "link", "person_a, person_b, kind, note")
            conn.execute("DELETE FROM link WHERE id = ?", (link_id,))
        return RemovedLink(
            int(row["person_a"]), int(row["person_b"]), str(row["kind"]), str(row["note"])
        )

    def restore_link(self, removed: RemovedLink) -> int:
        return self.add_link(removed.person_a, removed.person_b, removed.kind, removed.note)

    def links_for(self, person_id: int) -> list[LinkRow]:
        """Everyone linked to this person (either end), archived people left out."""
        sql = """
        SELECT l.id, o.id, o.full_name, coalesce(c.name, ''), o.is_stub, l.kind, l.note,
               l.person_a = :pid
        FROM link l
        JOIN person o ON o.id = CASE WHEN l.person_a = :pid THEN l.person_b ELSE l.person_a END
        LEFT JOIN company c ON c.id = o.company_id
        WHERE (l.person_a = :pid OR l.person_b = :pid) AND o.archived_at IS NULL
        ORDER BY l.kind, o.full_name COLLATE NOCASE, l.id
        """
        with self.db.read() as conn:
            rows = conn.execute(sql, {"pid": person_id}).fetchall()
        result = []
        for r in rows:
            kind = LinkKind(r[5])
            labels = LINK_LABELS if bool(r[7]) else REVERSE_LABELS
            result.append(
                LinkRow(
                    id=int(r[0]),
                    other_id=int(r[1]),
                    other_name=str(r[2]),
                    other_company=str(r[3]),
                    other_is_stub=bool(r[4]),
                    kind=kind.value,
                    label=labels[kind],
                    note=str(r[6]),
                )
            )
        return result

    def record_introduction(
        self, introducer_id: int, *, person_id: int | None = None, line: str = ""
    ) -> Introduction:
        """`introducer_id` introduced you to someone: one of your people (`person_id`) or a
        new one (a quick-add `line`: "Dana Ruiz @ Stripe, engineer"). They are linked
        ("introduced by"), a stub becomes a real contact, their timeline notes who
        introduced you, and a new person starts at the pipeline's start (stage new)."""
        from netui.pipeline import approach_text

        introducer = self.get_person(introducer_id)
        created = person_id is None
        if person_id is None:
            if not line.strip():
                raise InputError('Name them, e.g. "Dana Ruiz @ Stripe, engineer".')
            person_id = self.quick_add(line)
        elif person_id == introducer_id:
            raise InputError("Someone cannot introduce you to themselves.")
        try:
            with self._write() as conn:
                person = self._person_or_raise(conn, person_id)
                was_stub = bool(person["is_stub"])
                if was_stub:  # you have been introduced: now you know them
                    update(conn, "person", person_id, {"is_stub": False, "updated_at": self.now()})
                link_id = self._insert_link(
                    conn, person_id, introducer_id, LinkKind.introduced_by, ""
                )
                note_id = self._log_interaction(
                    conn, person_id, "note", summary=f"Introduced by {introducer.full_name}"
                )
                name, role = str(person["full_name"]), str(person["role"])
                company = self._company_name_in(conn, person["company_id"])
        except Exception:
            if created:
                self.purge_person(person_id)  # all or nothing: no half-made person stays
            raise
        return Introduction(
            person_id, name, link_id, note_id, created, was_stub, approach_text(role, company)
        )

    def undo_introduction(self, intro: Introduction) -> None:
        if intro.created:
            self.purge_person(intro.person_id)
            return
        self.delete_link(intro.link_id)
        self.delete_interaction(intro.note_id)
        if intro.was_stub:
            self.update_person(intro.person_id, is_stub=True)
