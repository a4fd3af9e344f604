"""A meeting's checklist: tick, add, remove, move, the default items (and the meeting
lookup the checklist and the meeting methods share)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netui.enums import Phase
from netui.errors import InputError
from netui.store.base import found
from netui.store.timeline import TimelineMixin

if TYPE_CHECKING:
    from sqlmodel import Session

    from netui.meeting import ChecklistRow
    from netui.models import ChecklistItem, Meeting


_PHASE_ORDER_SQL = "CASE phase WHEN 'before' THEN 0 WHEN 'during' THEN 1 ELSE 2 END"


def _insert_at_phase_end(ordered: list[ChecklistItem], item: ChecklistItem) -> None:
    from netui.meeting import PHASES

    rank = PHASES.index(Phase(item.phase))
    at = max(
        (k + 1 for k, i in enumerate(ordered) if PHASES.index(Phase(i.phase)) <= rank), default=0
    )
    ordered.insert(at, item)


class ChecklistMixin(TimelineMixin):
    def _meeting(self, s: Session, meeting_id: int) -> Meeting:
        from netui.models import Meeting

        return found(s.get(Meeting, meeting_id), "meeting", meeting_id)

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

    def _item(self, s: Session, item_id: int) -> ChecklistItem:
        from netui.models import ChecklistItem

        return found(s.get(ChecklistItem, item_id), "checklist item", item_id)

    def toggle_item(self, item_id: int) -> bool:
        """Tick or untick; returns the new state. The request item is not ticked while the
        meeting has no request (write it first: `update_meeting(ask=...)`)."""
        from netui.meeting import needs_request

        with self._tx() as s:
            item = self._item(s, item_id)
            if (
                not item.done
                and needs_request(item.phase, item.text)
                and not self._meeting(s, item.meeting_id).ask.strip()
            ):
                raise InputError("There is no request yet: write the one clear request first.")
            item.done = not item.done
            return item.done

    def add_checklist_item(self, meeting_id: int, phase: Phase | str, text: str) -> int:
        """A new item at the end of its phase."""
        from netui.meeting import clean_item_text
        from netui.models import ChecklistItem

        try:
            chosen = Phase(phase)
        except ValueError:
            raise InputError(f"'{phase}' is not a phase; use before, during or after.") from None
        cleaned = clean_item_text(text)
        with self._tx() as s:
            self._meeting(s, meeting_id)
            item = ChecklistItem(meeting_id=meeting_id, phase=chosen, text=cleaned)
            s.add(item)
            s.flush()
            assert item.id is not None
            ordered = self._ordered_items(s, meeting_id)
            ordered.remove(item)
            _insert_at_phase_end(ordered, item)
            self._renumber(ordered)
            return item.id

    def add_default_checklist(self, meeting_id: int) -> int:
        """Append the default items (for a meeting made without them); returns how many."""
        from netui.meeting import clean_item_text, load_default_checklist
        from netui.models import ChecklistItem

        items = [(phase, clean_item_text(text)) for phase, text in load_default_checklist()]
        with self._tx() as s:
            self._meeting(s, meeting_id)
            ordered = self._ordered_items(s, meeting_id)
            for phase, text in items:
                item = ChecklistItem(meeting_id=meeting_id, phase=phase, text=text)
                s.add(item)
                _insert_at_phase_end(ordered, item)
            self._renumber(ordered)
            return len(items)

    def remove_checklist_item(self, item_id: int) -> ChecklistRow:
        """Delete one item; returns it (so the screen can undo by adding it back)."""
        from netui.meeting import ChecklistRow

        with self._tx() as s:
            item = self._item(s, item_id)
            assert item.id is not None
            removed = ChecklistRow(
                item.id, item.meeting_id, Phase(item.phase), item.text, item.done, item.position
            )
            s.delete(item)
            return removed

    def move_checklist_item(self, item_id: int, delta: int) -> None:
        """Move up (-1) or down (+1); past the edge of its phase it joins the next phase."""
        with self._tx() as s:
            item = self._item(s, item_id)
            ordered = self._ordered_items(s, item.meeting_id)
            k = ordered.index(item)
            target = k + delta
            if not 0 <= target < len(ordered):
                return
            neighbour = ordered[target]
            if neighbour.phase != item.phase:
                item.phase = neighbour.phase  # crosses into the neighbouring phase, at its edge
            else:
                ordered[k], ordered[target] = neighbour, item
            self._renumber(ordered)

    def _ordered_items(self, s: Session, meeting_id: int) -> list[ChecklistItem]:
        from sqlmodel import select

        from netui.meeting import PHASES
        from netui.models import ChecklistItem

        items = list(s.exec(select(ChecklistItem).where(ChecklistItem.meeting_id == meeting_id)))
        items.sort(key=lambda i: (PHASES.index(Phase(i.phase)), i.position, i.id or 0))
        return items

    @staticmethod
    def _renumber(items: list[ChecklistItem]) -> None:
        for position, item in enumerate(items):
            if item.position != position:
                item.position = position
