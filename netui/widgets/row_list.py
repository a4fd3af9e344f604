"""A virtual list of in-memory rows with a column header (Line API): draws only what shows.

Textual's DataTable builds every row up front: 470 ms to open 1,200 companies and 2 s for
10,000 (LinkedIn networks have that many employers). This draws the visible lines only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from netui.widgets.bindings import KeyTable

T = TypeVar("T")


def fit(text: str, width: int) -> str:
    """Cut to width with an ellipsis, or pad."""
    if len(text) > width:
        return text[: max(0, width - 1)] + "…"
    return text.ljust(width)


class CursorView(KeyTable, ScrollView):
    """A scrolling list with a cursor on one of its `count` rows: it moves a step or a page
    at a time and never past either end."""

    cursor: reactive[int] = reactive(0, always_update=True)
    count = 0

    def action_move(self, delta: int) -> None:
        if self.count:
            self.cursor = max(0, min(self.count - 1, self.cursor + delta))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.scrollable_content_region.height - 2))


class RowList(CursorView, Generic[T], can_focus=True, keys="RowList"):
    """Rows under a fixed header line; ↑↓ j k PgUp PgDn Home End move, enter selects."""

    COMPONENT_CLASSES = {"row-list--header", "row-list--cursor", "row-list--muted"}
    DEFAULT_CSS = """
    RowList { height: 1fr; overflow-x: hidden; }
    RowList > .row-list--header { text-style: bold; color: $text-accent; background: $boost; }
    RowList > .row-list--cursor { background: $accent 40%; text-style: bold; }
    RowList:focus > .row-list--cursor { background: $accent; color: $text; }
    RowList > .row-list--muted { color: $text-muted; }
    """

    class Selected(Message):
        """Enter or a double click on a row."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(
        self,
        columns: Sequence[tuple[str, int]],
        cells: Callable[[T], Sequence[str]],
        *,
        empty: str = "Nothing here.",
        id: str | None = None,
    ) -> None:
        """`columns`: (title, width) pairs, width 0 takes what is left; `cells`: a row's texts."""
        super().__init__(id=id)
        self.columns = list(columns)
        self.cells = cells
        self.empty = empty
        self.rows: Sequence[T] = []

    @property
    def current(self) -> T | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def set_rows(self, rows: Sequence[T], *, keep: Callable[[T], bool] | None = None) -> None:
        """Show these rows; the cursor goes to the first row `keep` accepts, or stays put."""
        self.rows = rows
        self.count = len(rows)
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows) + 1)
        target = next((i for i, row in enumerate(rows) if keep(row)), None) if keep else None
        self.cursor = target if target is not None else min(self.cursor, max(0, len(rows) - 1))
        self.refresh()

    def cells_at(self, index: int) -> list[str]:
        return list(self.cells(self.rows[index]))

    # ---- drawing ------------------------------------------------------------------

    def _widths(self, width: int) -> list[int]:
        fixed = sum(w + 1 for _, w in self.columns if w)
        flex = [w for _, w in self.columns if not w]
        spare = max(4, width - fixed - len(flex)) // max(1, len(flex))
        return [w or spare for _, w in self.columns]

    def _line(self, texts: Sequence[str], width: int, style: Style) -> Strip:
        line = " ".join(fit(t, w) for t, w in zip(texts, self._widths(width), strict=False))
        return Strip([Segment(fit(line, width), style)], width)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            header = base + self.get_component_rich_style("row-list--header")
            return self._line([title for title, _ in self.columns], width, header)
        index = int(self.scroll_y) + y - 1
        if not self.rows and y == 1:
            muted = base + self.get_component_rich_style("row-list--muted")
            return Strip([Segment(fit(" " + self.empty, width), muted)], width)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("row-list--cursor")
        return self._line(self.cells(self.rows[index]), width, style)

    # ---- moving -------------------------------------------------------------------

    def watch_cursor(self, new: int) -> None:
        shown = max(1, self.scrollable_content_region.height - 1)  # less the header
        if new < self.scroll_y:
            self.scroll_to(y=new, animate=False)
        elif new >= self.scroll_y + shown:
            self.scroll_to(y=new - shown + 1, animate=False)
        self.refresh()

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self.cursor))

    def on_click(self, event: events.Click) -> None:
        index = int(self.scroll_y) + event.y - 1
        if event.y >= 1 and 0 <= index < len(self.rows):
            self.cursor = index
            if event.chain >= 2:
                self.action_select()
