"""A meeting's checklist: tick, add, remove, move, the default items (and the meeting
lookup the checklist and the meeting methods share)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from netui.enums import Phase
from netui.errors import InputError
from netui.store.sql import insert, record
from netui.store.timeline import TimelineMixin

if TYPE_CHECKING:
    from netui.meeting import ChecklistRow

_PHASE_ORDER_SQL = "CASE phase WHEN 'before' THEN 0 WHEN 'during' THEN 1 ELSE 2 END"

# One item as the checklist's writes handle it: its stored id (None until inserted),
# phase, text and position.
Item = dict[str, Any]


def _insert_at_phase_end(ordered: list[Item], item: Item) -> None:
    from netui.meeting import PHASES

    rank = PHASES.index(Phase(item["phase"]))
    at = max(
        (k + 1 for k, i in enumerate(ordered) if PHASES.index(Phase(i["phase"])) <= rank),
        default=0,
    )
    ordered.insert(at, item)


class ChecklistMixin(TimelineMixin):
    def _meeting_record(self, conn: sqlite3.Connection, meeting_id: int) -> dict[str, Any]:
        """The meeting's row (column -> stored value), or "There is no meeting #N."."""
        return record(conn, "meeting", meeting_id, "meeting")

    # ---- the checklist ------------------------------------------------------------

    def checklist(self, meeting_id: int) -> list[ChecklistRow]:
        """Items by phase (before, during, after), then position."""
        from netui.meeting import ChecklistRow

        sql = (
            "SELECT id, meeting_id, phase, text, done, position FROM checklist_item"
            f" WHERE meeting_id = ? ORDER BY {_PHASE_ORDER_SQL}, position, id"
        )
        with self.db.read() as conn:
            rows = conn.execute(sql, (meeting_id,)).fetchall()
        return [ChecklistRow(r[0], r[1], Phase(r[2]), r[3], bool(r[4]), r[5]) for r in rows]

    @staticmethod
    def _item(conn: sqlite3.Connection, item_id: int) -> Item:
        return record(conn, "checklist_item", item_id, "checklist item")

    def toggle_item(self, item_id: int) -> bool:
        """Tick or untick; returns the new state. The request item is not ticked while the
        meeting has no request (write it first: `update_meeting(ask=...)`)."""
        from netui.meeting import needs_request

        with self._write() as conn:
            item = self._item(conn, item_id)
            done = bool(item["done"])
            if (
                not done
                and needs_request(item["phase"], item["text"])
                and not str(self._meeting_record(conn, item["meeting_id"])["ask"]).strip()
            ):
                raise InputError("There is no request yet: write the one clear request first.")
            conn.execute(
                "UPDATE checklist_item SET done = ? WHERE id = ?", (int(not done), item_id)
            )
            return not done

    def add_checklist_item(self, meeting_id: int, phase: Phase | str, text: str) -> int:
        """A new item at the end of its phase."""
        from netui.meeting import clean_item_text

        try:
            chosen = Phase(phase)
        except ValueError:
            raise InputError(f"'{phase}' is not a phase; use before, during or after.") from None
        cleaned = clean_item_text(text)
        with self._write() as conn:
            self._meeting_record(conn, meeting_id)
            ordered = self._ordered_items(conn, meeting_id)
            item: Item = {"id": None, "phase": chosen.value, "text": cleaned, "position": 0}
            _insert_at_phase_end(ordered, item)
            self._place(conn, meeting_id, ordered, [item])
            assert item["id"] is not None
            return int(item["id"])

    def add_default_checklist(self, meeting_id: int) -> int:
        """Append the default items (for a meeting made without them); returns how many."""
        from netui.meeting import clean_item_text, load_default_checklist

        items = [(phase, clean_item_text(text)) for phase, text in load_default_checklist()]
        with self._write() as conn:
            self._meeting_record(conn, meeting_id)
            ordered = self._ordered_items(conn, meeting_id)
            new = [{"id": None, "phase": Phase(ph).value, "text": tx, "position": 0}
                   for ph, tx in items]  # fmt: skip
            for item in new:
                _insert_at_phase_end(ordered, item)
            self._place(conn, meeting_id, ordered, new)
            return len(items)

    def remove_checklist_item(self, item_id: int) -> ChecklistRow:
        """Delete one item; returns it (so the screen can undo by adding it back)."""
        from netui.meeting import ChecklistRow

        with self._write() as conn:
            item = self._item(conn, item_id)
            removed = ChecklistRow(
                int(item["id"]), int(item["meeting_id"]), Phase(item["phase"]),
                str(item["text"]), bool(item["done"]), int(item["position"]),
            )  # fmt: skip
            conn.execute("DELETE FROM checklist_item WHERE id = ?", (item_id,))
            return removed

    def move_checklist_item(self, item_id: int, delta: int) -> None:
        """Move up (-1) or down (+1); past the edge of its phase it joins the next phase."""
        with self._write() as conn:
            meeting_id = int(self._item(conn, item_id)["meeting_id"])
            ordered = self._ordered_items(conn, meeting_id)
            k = next(n for n, i in enumerate(ordered) if i["id"] == item_id)
            item = ordered[k]
            target = k + delta
            if not 0 <= target < len(ordered):
                return
            neighbour = ordered[target]
            if neighbour["phase"] != item["phase"]:
                # crosses into the neighbouring phase, at its edge
                item["phase"] = neighbour["phase"]
                conn.execute(
                    "UPDATE checklist_item SET phase = ? WHERE id = ?", (item["phase"], item_id)
                )
            else:
                ordered[k], ordered[target] = neighbour, item
            self._place(conn, meeting_id, ordered)

    @staticmethod
    def _ordered_items(conn: sqlite3.Connection, meeting_id: int) -> list[Item]:
        from netui.meeting import PHASES

        cursor = conn.execute(
            "SELECT id, phase, text, position FROM checklist_item WHERE meeting_id = ?",
            (meeting_id,),
        )
        names = [d[0] for d in cursor.description]
        items = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        items.sort(key=lambda i: (PHASES.index(Phase(i["phase"])), i["position"], i["id"]))
        return items

    @staticmethod
    def _place(
        conn: sqlite3.Connection, meeting_id: int, items: list[Item], new: Sequence[Item] = ()
    ) -> None:
        """Number the items 0.. in this order: a stored item whose position changed is
        updated; then the `new` ones (among them, not yet stored) are inserted in the
        order they were added, so their ids rise in that order."""
        for position, item in enumerate(items):
            if item["position"] != position:
                item["position"] = position
                if item["id"] is not None:
                    conn.execute(
                        "UPDATE checklist_item SET position = ? WHERE id = ?",
                        (position, item["id"]),
                    )
        for item in new:
            item["id"] = insert(
                conn, "checklist_item",
                {"meeting_id": meeting_id, "phase": item["phase"], "text": item["text"],
                 "position": item["position"]},
            )  # fmt: skip
