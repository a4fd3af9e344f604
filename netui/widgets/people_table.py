"""A virtual people list (Line API): renders only the visible rows, fetched a window at a time.

A widget row per person measured ~11 s to show 50,000 rows; this widget asks the store for
the count and the ~120 rows around the viewport, so it costs about the same at 30 or 30,000.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from netui.enums import closeness_label, role_label
from netui.pipeline import list_hint
from netui.store import PeopleQuery, PersonRow, Store
from netui.store.rows import PeopleWindow
from netui.textsafe import for_terminal
from netui.timeutil import parse_utc, relative_day
from netui.widgets.bindings import KeyTable
from netui.widgets.row_list import fit

WINDOW = 120  # rows fetched around the viewport
INLINE_BUDGET = 0.008  # seconds a read may take on the UI thread before a worker does it
FIRST_BUDGET = 0.1  # the same for the first screen's first read (a cold cache: ~7 ms at 100k)
MARGIN = 30


@dataclass(frozen=True)
class Column:
    key: str  # also the sort key
    title: str
    width: int  # minimum width
    flex: int = 0  # share of the spare width
    drop: int = 99  # lower drops first when the terminal is narrow


COLUMNS = (
    Column("name", "Name", 16, flex=3),
    Column("company", "Company", 10, flex=2, drop=6),
    Column("title", "Title", 10, flex=2, drop=2),
    Column("role", "Role", 12, drop=3),
    Column("closeness", "Closeness", 12, drop=1),
    Column("stage", "Stage", 12, drop=7),
    Column("follow_up", "Next step", 18, drop=8),
    Column("last_contact", "Last contact", 12, drop=4),
)


def layout_columns(width: int) -> list[tuple[Column, int]]:
    """Columns that fit `width` (one space between), with spare width shared by flex."""
    shown = list(COLUMNS)
    while len(shown) > 2 and sum(c.width + 1 for c in shown) > width:
        shown.remove(min(shown, key=lambda c: c.drop))
    spare = max(0, width - sum(c.width + 1 for c in shown))
    flex_total = sum(c.flex for c in shown) or 1
    widths = [c.width + spare * c.flex // flex_total for c in shown]
    return list(zip(shown, widths, strict=True))


def shown_sort_keys(width: int) -> list[Column]:
    """The columns shown at `width`, in sort-cycle order: `s` never sorts by a hidden one."""
    return [column for column, _ in layout_columns(width)]


class PeopleTable(KeyTable, ScrollView, can_focus=True, keys="PeopleTable"):
    """Keyboard-first list of people over store pages."""

    COMPONENT_CLASSES = {
        "people-table--cursor",
        "people-table--overdue",
        "people-table--owed",
        "people-table--stub",
        "people-table--muted",
    }
    DEFAULT_CSS = """
    PeopleTable {
        height: 1fr;
        overflow-x: hidden;
    }
    PeopleTable > .people-table--cursor { background: $accent 40%; text-style: bold; }
    PeopleTable:focus > .people-table--cursor { background: $accent; color: $text; }
    PeopleTable > .people-table--overdue { color: $error; text-style: bold; }
    PeopleTable > .people-table--owed { color: $warning; text-style: bold; }
    PeopleTable > .people-table--stub { color: $text-muted; text-style: italic; }
    PeopleTable > .people-table--muted { color: $text-muted; }
    """

    cursor: reactive[int] = reactive(0, always_update=True)

    class PersonSelected(Message):
        """The user chose a person (enter or double click)."""

        def __init__(self, person_id: int) -> None:
            super().__init__()
            self.person_id = person_id

    class Loaded(Message):
        """A query's count arrived: the screen updates its count label."""

        def __init__(self, count: int, total: int, query: PeopleQuery) -> None:
            super().__init__()
            self.count = count
            self.total = total  # everyone in this list (archived or not), unfiltered
            self.people_query = query

    class _Fetched(Message):
        def __init__(self, generation: int, window: PeopleWindow) -> None:
            super().__init__()
            self.generation = generation
            self.window = window

    def __init__(self, store: Store, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.today = today
        self.people_query = PeopleQuery()
        self.count = 0
        self.total = 0  # everyone in this list (archived or not), unfiltered
        self._loading = True
        self._rows: dict[int, PersonRow] = {}
        self._generation = 0

    # ---- data ---------------------------------------------------------------------

    def set_query(
        self, query: PeopleQuery, *, keep_cursor: bool = False, budget: float = INLINE_BUDGET
    ) -> None:
        """Show another query; the latest one wins (earlier results are dropped).

        The read is tried here first with a budget shorter than a frame, so the typed
        letter and the new rows reach the screen together; a read that would take longer
        (or finds the reader busy) is handed to a worker instead. (The first screen's read
        gets a longer budget: its first frame has nothing to show without the result.)
        """
        self.people_query = query
        self._generation += 1
        if not keep_cursor:
            self.cursor = 0
            self.scroll_to(y=0, animate=False)
        start = 0 if not keep_cursor else max(0, int(self.scroll_y) - MARGIN)
        try:
            window = self.store.people_window(query, start, WINDOW, budget=budget)
        except sqlite3.Error:
            window = None  # the worker reports it
        if window is not None:
            self._apply(self._generation, window)
        else:
            self._fetch(self._generation, query, start)

    @property
    def loaded(self) -> bool:
        """A result has been applied (count and total hold it)."""
        return not self._loading

    def reload(self) -> None:
        """Fetch again (after a change) keeping the cursor where it was."""
        self.set_query(self.people_query, keep_cursor=True)

    @work(thread=True, exclusive=True, group="people-fetch")
    def _fetch(self, generation: int, query: PeopleQuery, offset: int) -> None:
        # A newer keystroke makes this read stale: it is cut off, not finished and dropped.
        stale = lambda: generation != self._generation  # noqa: E731
        try:
            window = self.store.people_window(query, offset, WINDOW, should_stop=stale)
        except sqlite3.Error as exc:  # e.g. locked for longer than busy_timeout
            self.app.call_from_thread(
                self.notify, f"Could not read the list ({exc}); try again.", severity="error"
            )
            return
        if window is not None:  # (None: stopped, a newer query is on its way)
            self.post_message(self._Fetched(generation, window))

    def on_people_table__fetched(self, message: _Fetched) -> None:
        message.stop()
        self._apply(message.generation, message.window)

    def _apply(self, generation: int, window: PeopleWindow) -> None:
        if generation != self._generation:
            return  # a newer keystroke already asked for something else
        self._loading = False
        self.count = window.count
        self.total = window.total
        self._rows = {window.offset + i: row for i, row in enumerate(window.rows)}
        self.virtual_size = Size(self.scrollable_content_region.width, self.count)
        if self.cursor >= self.count:
            self.cursor = max(0, self.count - 1)
        self.refresh()
        self.post_message(self.Loaded(self.count, window.total, self.people_query))

    def _ensure_rows(self, first: int, last: int) -> None:
        """Fetch the window around rows first..last if any is missing (~1 ms a page)."""
        if all(i in self._rows for i in range(first, min(last, self.count))):
            return
        start = max(0, first - MARGIN)
        rows = self.store.people_page(self.people_query, start, WINDOW)
        if len(self._rows) > 4 * WINDOW:
            self._rows.clear()
        self._rows.update({start + i: row for i, row in enumerate(rows)})

    @property
    def current(self) -> PersonRow | None:
        if not 0 <= self.cursor < self.count:
            return None
        self._ensure_rows(self.cursor, self.cursor + 1)
        return self._rows.get(self.cursor)

    # ---- rendering ----------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= self.count:
            if index == 0 and not self._loading:
                return self._empty_line(width, base)
            return Strip.blank(width, base)
        height = self.scrollable_content_region.height
        self._ensure_rows(int(self.scroll_y), int(self.scroll_y) + height)
        row = self._rows.get(index)
        if row is None:
            return Strip([Segment(fit("…", width), base)], width)
        segments = self._row_segments(row, width, base)
        if index == self.cursor:
            cursor = self.get_component_rich_style("people-table--cursor")
            segments = [Segment(s.text, (s.style or base) + cursor) for s in segments]
        return Strip(segments, width)

    def _empty_line(self, width: int, base: Style) -> Strip:
        if self.people_query.text:
            text = f" No one matches '{self.people_query.text}'. Esc clears the filter."
        elif self.people_query.archived:
            text = " No archived people."
        elif self.people_query != PeopleQuery(
            sort=self.people_query.sort, descending=self.people_query.descending
        ):
            text = " No one matches these filters. F changes them."
        else:
            text = " No people yet: a adds one, + quick-adds a line, i imports a file."
        muted = self.get_component_rich_style("people-table--muted")
        return Strip([Segment(fit(text, width), base + muted)], width)

    def _cell(self, row: PersonRow, key: str) -> tuple[str, str | None]:
        """Text of one cell and the component class that styles it, if any."""
        if key == "name":
            return row.full_name, None
        if key == "company":
            return row.company, None
        if key == "title":
            return row.title, None
        if key == "role":
            return role_label(row.role), None
        if key == "closeness":
            value = row.closeness
            return closeness_label(value), None
        if key == "stage":
            return row.stage, None
        if key == "follow_up":
            if row.follow_up_owed:
                return "⚑ follow-up owed", "people-table--owed"
            if row.follow_up_on:
                try:
                    day = date.fromisoformat(row.follow_up_on)
                except ValueError:  # a stored value netui cannot read: show it as it is
                    return f"? {for_terminal(row.follow_up_on)}", "people-table--overdue"
                late = (self.today - day).days
                if late > 0:
                    return f"⚑ overdue {late}d", "people-table--overdue"
                if late == 0:
                    return "⚑ follow up today", "people-table--overdue"
                return f"follow up {relative_day(day, self.today)}", None
            return row.next_step or list_hint(row.stage, row.role), "people-table--muted"
        if key == "last_contact":
            if not row.last_contact:
                return "never", "people-table--muted"
            try:
                when = parse_utc(row.last_contact)
            except ValueError:
                return f"? {for_terminal(row.last_contact)}", "people-table--overdue"
            return relative_day(when.astimezone().date(), self.today), None
        return "", None

    def _row_segments(self, row: PersonRow, width: int, base: Style) -> list[Segment]:
        segments: list[Segment] = []
        for column, col_width in layout_columns(width):
            text, component = self._cell(row, column.key)
            style = base
            if component:
                style = base + self.get_component_rich_style(component)
            segments.append(Segment(fit(text, col_width) + " ", style))
        used = sum(len(s.text) for s in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return segments

    # ---- movement -----------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        height = max(1, self.scrollable_content_region.height)
        if new < self.scroll_y:
            self.scroll_to(y=new, animate=False)
        elif new >= self.scroll_y + height:
            self.scroll_to(y=new - height + 1, animate=False)
        self.refresh()

    def _move(self, delta: int) -> None:
        if self.count:
            self.cursor = max(0, min(self.count - 1, self.cursor + delta))

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_page_up(self) -> None:
        self._move(-max(1, self.scrollable_content_region.height - 1))

    def action_page_down(self) -> None:
        self._move(max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self._move(-self.count)

    def action_last(self) -> None:
        self._move(self.count)

    def action_select(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.PersonSelected(row.id))

    def on_click(self, event: events.Click) -> None:
        index = int(self.scroll_y) + event.y
        if 0 <= index < self.count:
            self.cursor = index
            if event.chain >= 2:
                self.action_select()


class PeopleHeader(Widget):
    """The column titles; clicking one sorts by it (again: reverses)."""

    DEFAULT_CSS = """
    PeopleHeader { height: 1; text-style: bold; color: $text-accent; }
    """

    class SortClicked(Message):
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, table: PeopleTable, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.table = table  # the header lines up with the table's rows, not its scrollbar
        self.sort = "name"
        self.descending = False

    def show_sort(self, key: str, descending: bool) -> None:
        self.sort, self.descending = key, descending
        self.refresh()

    def _columns_width(self) -> int:
        return min(self.size.width, self.table.scrollable_content_region.width or self.size.width)

    def render_line(self, y: int) -> Strip:
        width = self._columns_width()
        parts: list[Segment] = []
        for column, col_width in layout_columns(width):
            arrow = (" ↓" if self.descending else " ↑") if column.key == self.sort else ""
            title = fit(column.title, col_width - len(arrow)).rstrip() + arrow  # arrow never cut
            parts.append(Segment(fit(title, col_width) + " ", self.rich_style))
        return Strip(parts).adjust_cell_length(self.size.width, self.rich_style)

    def on_click(self, event: events.Click) -> None:
        x = 0
        for column, col_width in layout_columns(self._columns_width()):
            if x <= event.x < x + col_width + 1:
                self.post_message(self.SortClicked(column.key))
                return
            x += col_width + 1
