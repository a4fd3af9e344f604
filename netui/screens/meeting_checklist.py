"""The Meeting screen's checklist keys: tick (asking for the request first when there is
none), add, remove and undo, the default items, move."""

from __future__ import annotations

from textual import on
from textual.widgets import OptionList

from netui.enums import Phase
from netui.meeting import (
    ChecklistRow,
    MeetingRow,
    needs_request,
)
from netui.screens.base import NetuiScreen
from netui.screens.meeting_dialogs import (
    AddItemScreen,
    NewItem,
    RequestScreen,
)


class ChecklistActions(NetuiScreen[None]):
    """What MeetingScreen does on its checklist (the screen sets these and reloads)."""

    meeting_id: int | None
    meeting: MeetingRow | None
    items: list[ChecklistRow]
    removed: list[ChecklistRow]

    def reload(self) -> None:
        raise NotImplementedError

    def _current_item(self) -> ChecklistRow | None:
        option = self.query_one("#checklist", OptionList).highlighted_option
        if option is None or not option.id or not option.id.startswith("item-"):
            return None
        item_id = int(option.id.removeprefix("item-"))
        return next((i for i in self.items if i.id == item_id), None)

    # ---- the checklist ------------------------------------------------------------

    def action_tick(self) -> None:
        item = self._current_item()
        if item is None:
            return
        m = self.meeting
        if m is not None and not item.done and not m.ask and needs_request(item.phase, item.text):
            self._write_request(m.id)  # no request yet: write it, and it is ticked
            return
        self.attempt(lambda: self.store.toggle_item(item.id), lambda _: self.reload())

    def _write_request(self, meeting_id: int) -> None:
        def written(ask: str | None) -> None:
            if ask is None:
                return

            # the store ticks the request item once the meeting has its request
            self.attempt(
                lambda: self.store.update_meeting(meeting_id, ask=ask), lambda _: self.reload()
            )

        self.app.push_screen(RequestScreen(), written)

    @on(OptionList.OptionSelected, "#checklist")
    def _selected(self) -> None:
        self.action_tick()

    def action_add_item(self) -> None:
        if self.meeting_id is None:
            return
        current = self._current_item()
        phase = current.phase if current is not None else Phase.before

        def added(new: NewItem | None) -> None:
            meeting_id = self.meeting_id
            if new is None or meeting_id is None:
                return
            self.attempt(
                lambda: self.store.add_checklist_item(meeting_id, new.phase, new.text),
                self._reload_at,
            )

        self.app.push_screen(AddItemScreen(phase), added)

    def _reload_at(self, item_id: int) -> None:
        self.reload()
        self._highlight(item_id)

    def _highlight(self, item_id: int) -> None:
        checklist = self.query_one("#checklist", OptionList)
        checklist.highlighted = checklist.get_option_index(f"item-{item_id}")

    def action_remove_item(self) -> None:
        item = self._current_item()
        if item is None:
            return

        def removed(row: ChecklistRow) -> None:
            self.removed.append(row)
            self.notify(f"Removed “{item.text}”. u puts it back.", timeout=3)
            self.reload()

        self.attempt(lambda: self.store.remove_checklist_item(item.id), removed)

    def action_undo(self) -> None:
        if not self.removed or self.meeting_id is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        meeting_id = self.meeting_id
        item = self.removed[-1]

        def put_back() -> int:
            item_id = self.store.add_checklist_item(meeting_id, item.phase, item.text)
            if item.done:
                self.store.toggle_item(item_id)
            return item_id

        def put(item_id: int) -> None:
            self.removed.pop()
            self._reload_at(item_id)

        self.attempt(put_back, put)

    def action_add_defaults(self) -> None:
        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id

        def added(count: int) -> None:
            self.notify(f"Added the {count} default items.")
            self.reload()

        self.attempt(lambda: self.store.add_default_checklist(meeting_id), added)

    def action_move(self, delta: int) -> None:
        item = self._current_item()
        if item is None:
            return
        self.attempt(
            lambda: self.store.move_checklist_item(item.id, delta),
            lambda _: self._reload_at(item.id),
        )

    # ---- the meeting --------------------------------------------------------------
