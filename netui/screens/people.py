"""The People screen (home): find, sort, filter, add, edit, archive; the way to everything."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Header, Input, Static

from netui.plural import count_of
from netui.screens.base import NetuiScreen
from netui.screens.undo import Undo, UndoStack
from netui.store import PeopleQuery
from netui.store.rows import SORT_KEYS
from netui.textsafe import escape_markup as escape
from netui.widgets.footer import Footer
from netui.widgets.people_table import FIRST_BUDGET, PeopleHeader, PeopleTable, shown_sort_keys


class FilterInput(Input):
    """The find box. It filters while the keystroke is handled, not in a later message, so
    the typed letter and the matching rows reach the screen in the same frame."""

    def __init__(self, on_value: Callable[[str], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._on_value = on_value

    def watch_value(self, value: str) -> None:
        if self.is_mounted:
            self._on_value(value)


class PeopleScreen(NetuiScreen[None], keys="People"):
    """Home: the people list with a filter line, a count and every action a key away."""

    def __init__(self) -> None:
        super().__init__()
        self.undo_stack = UndoStack()
        self._seen_version = -1

    @property
    def table(self) -> PeopleTable:
        return self.query_one(PeopleTable)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="people-bar"):
            yield FilterInput(
                self._filter_changed,
                placeholder="/ find: name, company, title, email, notes, how you know them",
                id="filter",
            )
            yield Static("", id="people-count")
        yield Static("", id="people-filters")
        table = PeopleTable(self.store, self.today(), id="people")
        yield PeopleHeader(table, id="people-header")
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.table.focus()
        self._seen_version = self.store.data_version()
        self.table.set_query(self.table.people_query, budget=FIRST_BUDGET)
        if self.table.loaded:  # read inline: the count is in the first frame, not a later one
            self._show_count(self.table.count, self.table.total, self.table.people_query)
        self._show_filters()
        # back from another window (a CLI import there, say): show what it changed
        self.watch(self.app, "app_focus", self._app_focus_changed, init=False)

    def on_screen_resume(self) -> None:
        """Show what another screen (or another process) changed."""
        self._reload_if_changed()

    def _app_focus_changed(self, focused: bool) -> None:
        if focused and self.is_current:
            self._reload_if_changed()

    def _reload_if_changed(self) -> None:
        """Reload when anything committed since the list was read (SQLite's data_version
        moves for another process's commits too)."""
        version = self.store.data_version()
        if version != self._seen_version:
            self._seen_version = version
            self.table.reload()

    def _refresh(self) -> None:
        self._seen_version = self.store.data_version()
        self.table.reload()

    # ---- find, filter, sort -------------------------------------------------------

    def _filter_changed(self, value: str) -> None:
        self.table.set_query(replace(self.table.people_query, text=value))

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.set_focus(self.table)

    def action_focus_filter(self) -> None:
        # Focus now, not after the queue: keys typed right after '/' belong to the filter.
        self.set_focus(self.query_one("#filter", Input))

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
        self.set_focus(self.table)

    @on(PeopleTable.Loaded)
    def _loaded(self, event: PeopleTable.Loaded) -> None:
        self.query_one(PeopleHeader).refresh()  # the scrollbar may have come or gone
        self._show_count(event.count, event.total, event.people_query)
        self.netui.first_screen_shown()  # start-up work waits for this first count

    def _show_count(self, count: int, total: int, query: PeopleQuery) -> None:
        noun = "archived" if query.archived else count_of(total, "person")
        text = (
            (f"{total:,} {noun}" if query.archived else noun)
            if count == total
            else f"{count:,} of {total:,}"
        )
        self.query_one("#people-count", Static).update(text)

    def _set_query(self, query: PeopleQuery) -> None:
        self.table.set_query(query)
        self._show_filters()

    def _show_filters(self) -> None:
        q = self.table.people_query
        header = self.query_one(PeopleHeader)
        header.show_sort(q.sort, q.descending)
        parts = []
        if q.archived:
            parts.append("[b]archived[/b] (r restores, P erases for good, x goes back)")
        for label, value in (("stage", q.stage), ("role", q.role), ("closeness", q.closeness)):
            if value:
                parts.append(f"{label}: [b]{value}[/b]")
        if q.company_id is not None:
            parts.append(f"company: [b]{self.store.company_name(q.company_id)}[/b]")
        if q.due_only:
            parts.append("[b]follow-up due[/b]")
        if q.tech_only:
            parts.append("[b]at a tech company[/b]")
        bar = self.query_one("#people-filters", Static)
        bar.update(("Filters: " + " · ".join(parts) + "  [dim](F changes)[/dim]") if parts else "")
        bar.display = bool(parts)

    def action_cycle_sort(self) -> None:
        """The next column shown (a narrow terminal hides some: the arrow stays in sight)."""
        q = self.table.people_query
        width = self.table.scrollable_content_region.width or self.size.width
        shown = shown_sort_keys(width)
        keys = [c.key for c in shown]
        after = [k for k in SORT_KEYS[SORT_KEYS.index(q.sort) + 1 :] if k in keys]
        next_key = after[0] if after else keys[0]
        self._set_query(replace(q, sort=next_key, descending=False))
        title = next(c.title for c in shown if c.key == next_key)
        self.notify(f"Sorted by {title.lower()} (S reverses)", timeout=2)

    def action_reverse_sort(self) -> None:
        q = self.table.people_query
        self._set_query(replace(q, descending=not q.descending))

    @on(PeopleHeader.SortClicked)
    def _header_clicked(self, event: PeopleHeader.SortClicked) -> None:
        q = self.table.people_query
        descending = not q.descending if q.sort == event.key else False
        self._set_query(replace(q, sort=event.key, descending=descending))

    def action_filters(self) -> None:
        from netui.screens.filters import FiltersScreen

        def chosen(query: PeopleQuery | None) -> None:
            if query is not None:
                self._set_query(replace(query, text=self.table.people_query.text))

        self.app.push_screen(FiltersScreen(self.table.people_query), chosen)

    def action_toggle_due(self) -> None:
        q = self.table.people_query
        self._set_query(replace(q, due_only=not q.due_only))

    def action_toggle_archived(self) -> None:
        q = self.table.people_query
        self._set_query(replace(q, archived=not q.archived))

    # ---- people -------------------------------------------------------------------

    @on(PeopleTable.PersonSelected)
    def _open(self, event: PeopleTable.PersonSelected) -> None:
        self.netui.open_person(event.person_id)

    def _current_id(self) -> int | None:
        row = self.table.current
        if row is None:
            self.notify("No one selected.", severity="warning", timeout=2)
            return None
        return row.id

    def action_add(self) -> None:
        from netui.screens.person_form import PersonFormScreen

        def added(person_id: int | None) -> None:
            if person_id is not None:
                person = self.store.get_person(person_id)
                self.notify(f"Added {person.full_name}.")
                self._refresh()

        self.app.push_screen(PersonFormScreen(), added)

    def action_quick_add(self) -> None:
        from netui.screens.dialogs import QuickAddScreen

        def closed(person_id: int | None) -> None:
            if person_id is not None:
                self._refresh()

        self.app.push_screen(QuickAddScreen(), closed)

    def action_edit(self) -> None:
        from netui.screens.person_form import PersonFormScreen

        person_id = self._current_id()
        if person_id is None:
            return

        def saved(result: int | None) -> None:
            if result is not None:
                self._refresh()

        self.app.push_screen(PersonFormScreen(person_id), saved)

    def action_archive(self) -> None:
        from netui.screens.dialogs import ConfirmScreen

        row = self.table.current
        if row is None or row.archived:
            if row is not None:
                self.notify("Already archived: r restores.", timeout=2)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.attempt(lambda: self.store.archive_person(row.id), archived)

        def archived(_: object) -> None:
            self.undo_stack.append(
                Undo(f"archive of {row.full_name}", lambda: self.store.restore_person(row.id))
            )
            self.notify(f"Archived {row.full_name}. u undoes; x shows archived people.")
            self._refresh()

        self.app.push_screen(
            ConfirmScreen(
                f"Archive [b]{escape(row.full_name)}[/b]?\n"
                "They leave the list but keep every note; "
                "u undoes, and the archived list (x) restores them.",
                yes="Archive",
            ),
            answered,
        )

    def action_restore(self) -> None:
        row = self.table.current
        if row is None or not row.archived:
            self.notify("r restores archived people: x shows them.", timeout=3)
            return

        def restored(_: object) -> None:
            self.undo_stack.append(
                Undo(f"restore of {row.full_name}", lambda: self.store.archive_person(row.id))
            )
            self.notify(f"Restored {row.full_name}.")
            self._refresh()

        self.attempt(lambda: self.store.restore_person(row.id), restored)

    def action_purge(self) -> None:
        """Erase an archived person for good (privacy): only from the archived list."""
        from netui.screens.dialogs import ConfirmScreen
        from netui.screens.erase import erase_person

        row = self.table.current
        if row is None or not row.archived:
            self.notify("P erases archived people only: d archives, x shows them.", timeout=4)
            return

        def answered(yes: bool | None) -> None:
            if yes:  # "Erased" only once the file is scrubbed (another reader may delay it)
                erase_person(self, row.id, row.full_name, self._refresh)

        self.app.push_screen(
            ConfirmScreen(
                f"Erase [b]{escape(row.full_name)}[/b] for good?\n"
                "Their timeline, drafts, meetings and links go too, and the file is scrubbed. "
                "This cannot be undone (backups made earlier still hold them).",
                yes="Erase",
            ),
            answered,
        )

    def action_undo(self) -> None:
        if self.undo_stack.undo(self.notify):
            self._refresh()

    # ---- other screens --------------------------------------------------------------

    # Other screens are imported when first opened: start-up only pays for this one.

    def action_compose(self) -> None:
        from netui.screens.composer import ComposerScreen

        if (person_id := self._current_id()) is not None:
            self.app.push_screen(ComposerScreen(person_id))

    def action_meeting(self) -> None:
        from netui.screens.meeting import MeetingScreen

        if (person_id := self._current_id()) is not None:
            self.app.push_screen(MeetingScreen(person_id))

    def action_follow_up(self) -> None:
        from netui.screens.followup import FollowUpScreen

        if (person_id := self._current_id()) is not None:
            self.app.push_screen(FollowUpScreen(person_id))

    def action_companies(self) -> None:
        from netui.screens.companies import CompaniesScreen

        self.app.push_screen(CompaniesScreen())

    def action_upcoming(self) -> None:
        from netui.screens.upcoming import UpcomingScreen

        self.app.push_screen(UpcomingScreen())

    def action_today(self) -> None:
        self.netui.open_today()

    def action_import(self) -> None:
        from netui.screens.importer import ImportScreen

        self.app.push_screen(ImportScreen())

    def action_settings(self) -> None:
        from netui.screens.settings import SettingsScreen

        def saved(changed: bool | None) -> None:
            if changed:
                self.notify("Settings saved.")

        self.app.push_screen(SettingsScreen(), saved)

    def action_duplicates(self) -> None:
        from netui.screens.duplicates import DuplicatesScreen

        self.app.push_screen(DuplicatesScreen())

    def action_review(self) -> None:
        from netui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen())
