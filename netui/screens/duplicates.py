"""Likely duplicates: compare a pair field by field, choose each value, merge, undo."""

from __future__ import annotations

from typing import cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Header, Static
from textual.worker import get_current_worker

from netui.plural import count_of
from netui.screens.base import NetuiScreen
from netui.store.duplicates import (
    DuplicatePair,
    DuplicatePairs,
    MergeField,
    MergeUndo,
    SearchCancelled,
)
from netui.textsafe import escape_markup as escape
from netui.widgets.footer import Footer
from netui.widgets.row_list import RowList

_LABELS = {"full_name": "name", "linkedin_url": "LinkedIn", "how_we_know_text": "how we met",
           "follow_up_on": "follow up on", "connected_on": "connected on"}  # fmt: skip


def _show(value: object, width: int = 28) -> str:
    text = "" if value is None else str(value).replace("\n", " ⏎ ")
    return text if len(text) <= width else text[: width - 1] + "…"


class DuplicatesScreen(NetuiScreen[None], keys="Duplicates"):
    """Pairs that look like one person; merge keeps the left record and moves everything."""

    class PairsLoaded(Message):
        def __init__(self, pairs: DuplicatePairs) -> None:
            super().__init__()
            self.pairs = pairs

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[DuplicatePair] = []
        self.total = 0
        self.limit = 500  # pairs listed (the strongest); the status says how many in all
        self.dismissed: set[tuple[int, int]] = set()
        self.pair: DuplicatePair | None = None
        self.fields: list[MergeField] = []
        self.undo_stack: list[MergeUndo] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Looking for duplicates…", id="dup-status")
        yield RowList[DuplicatePair](
            [("Why", 22), ("Left (kept)", 0), ("Right", 0)],
            lambda pair: (pair.reason, pair.a.label, pair.b.label),
            empty="No pairs to show.",
            id="dup-pairs",
        )
        yield Static("", id="dup-pair-title")
        yield DataTable(id="dup-fields", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.pair_list.focus()
        self.query_one("#dup-fields", DataTable).display = False
        self.load_pairs()

    # ---- the list of pairs ----------------------------------------------------------------

    @work(thread=True, exclusive=True, group="duplicates")
    def load_pairs(self) -> None:
        # Closing the screen (or a newer search) cancels this worker; the search asks
        # between steps and stops, so nothing keeps the CPU busy behind the People list.
        worker = get_current_worker()
        try:
            pairs = self.store.likely_duplicates(
                self.limit, should_stop=lambda: worker.is_cancelled
            )
        except SearchCancelled:
            return
        if not worker.is_cancelled:
            self.post_message(self.PairsLoaded(pairs))

    @on(PairsLoaded)
    def _pairs_loaded(self, message: PairsLoaded) -> None:
        self.pairs = [p for p in message.pairs if (p.a.id, p.b.id) not in self.dismissed]
        self.total = message.pairs.total - (len(message.pairs) - len(self.pairs))
        self.pair_list.set_rows(self.pairs)  # virtual: drawn a screenful at a time
        self._status()

    @property
    def pair_list(self) -> RowList[DuplicatePair]:
        return cast("RowList[DuplicatePair]", self.query_one("#dup-pairs", RowList))

    def _status(self) -> None:
        count = len(self.pairs)
        if count == 0:
            text = (
                "No likely duplicates (same LinkedIn, email or phone, or a similar name at "
                "one company)."
            )
        else:
            text = count_of(count, "likely duplicate")
            if self.total > count:  # never a silent cap
                text = f"The strongest {count:,} of {self.total:,} likely duplicates"
            text += " · enter compares a pair"
        if self.undo_stack:
            text += f" · u undoes merging {escape(self.undo_stack[-1].label)}"
        self.query_one("#dup-status", Static).update(text)

    @on(RowList.Selected)
    def _open_pair(self, event: RowList.Selected) -> None:
        self._open(self.pairs[event.index])

    def _open(self, pair: DuplicatePair) -> None:
        if not self.attempt(
            lambda: self.store.merge_fields(pair.a.id, pair.b.id), self._set_fields
        ):
            self.load_pairs()
            return
        self.pair = pair
        self.query_one("#dup-pair-title", Static).update(
            f"[b]{escape(pair.a.label)}[/b] (#{pair.a.id}, kept)  ←  [b]{escape(pair.b.label)}[/b] "
            f"(#{pair.b.id}) · a / b picks a value · m merges · esc back"
        )
        self._fill_fields()
        fields = self.query_one("#dup-fields", DataTable)
        fields.display = True
        fields.focus()

    def _set_fields(self, fields: list[MergeField]) -> None:
        self.fields = fields

    def _fill_fields(self) -> None:
        table = self.query_one("#dup-fields", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        table.add_columns("Field", "Left", "Right")
        same = 0
        for f in self.fields:
            if not f.differs:
                same += 1
                continue
            left, right = _show(f.a), _show(f.b)
            table.add_row(
                _LABELS.get(f.name, f.name.replace("_", " ")),
                Text("✓ " + left, style="bold green")
                if f.choice == "a"
                else Text("  " + left, style="dim"),
                Text("✓ " + right, style="bold green")
                if f.choice == "b"
                else Text("  " + right, style="dim"),
                key=f.name,
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        if same:
            table.add_row(Text(f"{same} fields are the same", style="dim"), "", "", key="_same")

    # ---- choosing and merging -------------------------------------------------------------

    def action_choose(self, side: str) -> None:
        table = self.query_one("#dup-fields", DataTable)
        if self.pair is None or not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self.fields = [
            MergeField(f.name, f.a, f.b, side) if f.name == key else f for f in self.fields
        ]
        self._fill_fields()
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)

    def action_merge(self) -> None:
        if self.pair is None:
            self.notify("Open a pair first (enter on it).", severity="warning")
            return
        pair = self.pair
        values = {f.name: (f.a if f.choice == "a" else f.b) for f in self.fields if f.differs}

        def merged(undo: MergeUndo) -> None:
            self.undo_stack.append(undo)
            self.notify(f"Merged {undo.label}. u undoes it.", title="Duplicates")
            self._close_pair()
            self.load_pairs()

        self.attempt(lambda: self.store.merge_people(pair.a.id, pair.b.id, values), merged)

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo here.")
            return
        undo = self.undo_stack[-1]

        def undone(_: object) -> None:
            self.undo_stack.pop()
            self.notify(f"Undone: {undo.drop_row['full_name']} is back.", title="Duplicates")
            self._close_pair()
            self.load_pairs()

        self.attempt(lambda: self.store.undo_merge(undo), undone)

    def action_not_duplicate(self) -> None:
        pair = self.pair
        if pair is None:
            pair = self.pair_list.current
            if pair is None:
                return
        self.dismissed.add((pair.a.id, pair.b.id))
        self._close_pair()
        self.load_pairs()

    def _close_pair(self) -> None:
        self.pair = None
        self.fields = []
        self.query_one("#dup-fields", DataTable).display = False
        self.query_one("#dup-pair-title", Static).update("")
        self.pair_list.focus()

    def action_back(self) -> None:
        if self.pair is not None:
            self._close_pair()
            return
        self.workers.cancel_group(self, "duplicates")  # now, not when the screen unmounts
        self.dismiss(None)
