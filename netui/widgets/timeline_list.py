"""A person's timeline as a virtual list (Line API): month headers and entries, newest first.

An OptionList measures every option when it is filled (the screen used to show only the
newest 500 entries for that reason). This widget asks the store for the count per month
(one indexed GROUP BY) and reads the ~120 entries around the viewport, so 20,000 entries
open, scroll and reach their end as fast as 20.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from rich.segment import Segment
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from netui.pipeline import kind_label
from netui.store import Store
from netui.store.timeline import InteractionRow
from netui.textsafe import for_terminal
from netui.widgets.row_list import CursorView, fit

WINDOW = 120  # entries read around the viewport
MARGIN = 30
ARROWS = {"out": "→", "in": "←", "none": " "}
EMPTY = "Nothing logged yet: press l to log a message or a coffee."


@dataclass(frozen=True, slots=True)
class TimelineLayout:
    """What a reload reads: entries per month (newest first), the kept entry's number."""

    months: list[tuple[date, int]]
    position: int | None


def entry_text(row: InteractionRow) -> tuple[str, str]:
    """(day, arrow and kind; the summary on one line) as the list shows an entry."""
    kind = f"{ARROWS.get(row.direction, ' ')} {kind_label(row.kind, row.direction)}"
    summary = for_terminal(" ".join(row.summary.splitlines()))
    return f"{row.day:%a %d}  {kind:<11} ", summary


class TimelineList(CursorView, can_focus=True, keys="TimelineList"):
    """↑↓ PgUp PgDn Home End move over entries (month headers are skipped), enter edits."""

    COMPONENT_CLASSES = {"timeline-list--month", "timeline-list--cursor", "timeline-list--muted"}
    DEFAULT_CSS = """
    TimelineList { overflow-x: hidden; }
    TimelineList > .timeline-list--month { color: $accent; text-style: bold; }
    TimelineList > .timeline-list--cursor { background: $accent 30%; }
    TimelineList:focus > .timeline-list--cursor { background: $accent; color: $text; }
    TimelineList > .timeline-list--muted { color: $text-muted; }
    """

    # the cursor is an entry's number, 0 = newest

    class Selected(Message):
        """Enter or a double click on an entry."""

        def __init__(self, timeline: TimelineList, interaction_id: int) -> None:
            super().__init__()
            self.timeline = timeline
            self.interaction_id = interaction_id

        @property
        def control(self) -> TimelineList:
            return self.timeline

    def __init__(self, store: Store, person_id: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.person_id = person_id
        self.count = 0
        self._months: list[date] = []
        self._starts: list[int] = []  # the line of each month's header
        self._first_entry: list[int] = []  # the number of each month's first entry
        self._rows: dict[int, InteractionRow] = {}

    # ---- data ---------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Read the layout again. The cursor goes to entry `select` (an interaction id),
        else stays on the entry it was on, else on the entry now at its place."""
        self.show_layout(self.read_layout(self.keep_id(select)))

    def keep_id(self, select: int | None = None) -> int | None:
        """The entry the cursor should stay on after a reload (UI thread)."""
        return select if select is not None else self.highlighted_id

    def read_layout(self, keep: int | None) -> TimelineLayout:
        """The store's part of a reload; touches no widget state, so a worker may run it."""
        months = self.store.timeline_months(self.person_id)
        found = None if keep is None else self.store.timeline_position(self.person_id, keep)
        return TimelineLayout(months, found)

    def show_layout(self, layout: TimelineLayout) -> None:
        """Lay out what `read_layout` read (UI thread)."""
        months = layout.months
        self._months = [m for m, _ in months]
        self._starts = []
        line = 0  # the lines before this month
        for _, n in months:
            self._starts.append(line)
            line += n + 1
        self.count = sum(n for _, n in months)
        self._first_entry = [start - i for i, start in enumerate(self._starts)]
        self._rows.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self.line_count)
        target = layout.position if layout.position is not None else self.cursor
        self.cursor = max(0, min(target, self.count - 1))

    @property
    def line_count(self) -> int:
        """Lines of the whole list: a header per month and a line per entry (or the hint)."""
        return len(self._months) + self.count if self.count else 1

    def _line_of(self, entry: int) -> int:
        """The line an entry is drawn on (one header line per month above it)."""
        month = bisect_right(self._first_entry, entry) - 1
        return entry + month + 1

    def _at_line(self, line: int) -> tuple[date | None, int | None]:
        """(month, None) for a header line, (None, entry number) for an entry line."""
        month = bisect_right(self._starts, line) - 1
        if month < 0:
            return None, None
        if line == self._starts[month]:
            return self._months[month], None
        entry = line - month - 1
        return (None, entry) if entry < self.count else (None, None)

    def entry(self, number: int) -> InteractionRow | None:
        """Entry `number` (0 = newest), read with the window around it when not at hand."""
        if not 0 <= number < self.count:
            return None
        if number not in self._rows:
            start = max(0, number - MARGIN)
            rows = self.store.timeline_page(self.person_id, start, WINDOW)
            if len(self._rows) > 4 * WINDOW:
                self._rows.clear()
            self._rows.update({start + i: row for i, row in enumerate(rows)})
        return self._rows.get(number)

    @property
    def highlighted_id(self) -> int | None:
        row = self.entry(self.cursor) if self.count else None
        return row.id if row is not None else None

    def line_text(self, line: int) -> str:
        """The plain text of one line of the whole list (tests and screen readers)."""
        if not self.count:
            return EMPTY if line == 0 else ""
        month, number = self._at_line(line)
        if month is not None:
            return f"{month:%B %Y}"
        row = self.entry(number) if number is not None else None
        if row is None:
            return ""
        head, summary = entry_text(row)
        return head + (summary or "—")

    # ---- drawing ------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        line = int(self.scroll_y) + y
        if not self.count:
            if line != 0:
                return Strip.blank(width, base)
            muted = base + self.get_component_rich_style("timeline-list--muted")
            return Strip([Segment(fit(EMPTY, width), muted)], width)
        month, number = self._at_line(line)
        if month is not None:
            style = base + self.get_component_rich_style("timeline-list--month")
            return Strip([Segment(fit(f"{month:%B %Y}", width), style)], width)
        row = self.entry(number) if number is not None else None
        if row is None:
            return Strip.blank(width, base)
        style = base
        if number == self.cursor:
            style = base + self.get_component_rich_style("timeline-list--cursor")
        head, summary = entry_text(row)
        if summary:
            return Strip([Segment(fit(head + summary, width), style)], width)
        dash = style + self.get_component_rich_style("timeline-list--muted")
        text = fit(head + "—", width)
        return Strip([Segment(text[: len(head)], style), Segment(text[len(head) :], dash)], width)

    # ---- moving -------------------------------------------------------------------

    def watch_cursor(self, new: int) -> None:
        if not self.count:
            return
        line = self._line_of(new)
        shown = max(1, self.scrollable_content_region.height)
        if line - 1 < self.scroll_y:  # keep its month header in view when it is just above
            self.scroll_to(y=max(0, line - 1), animate=False)
        elif line >= self.scroll_y + shown:
            self.scroll_to(y=line - shown + 1, animate=False)
        self.refresh()

    def action_select(self) -> None:
        row_id = self.highlighted_id
        if row_id is not None:
            self.post_message(self.Selected(self, row_id))

    def on_click(self, event: events.Click) -> None:
        _, number = self._at_line(int(self.scroll_y) + event.y)
        if number is not None:
            self.cursor = number
            if event.chain >= 2:
                self.action_select()
