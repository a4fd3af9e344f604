"""The People screen driven like a user drives it: real app, real temp database."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Static

from netui.app import NetuiApp, make_app
from netui.demo import seed_demo
from netui.settings import Settings
from netui.store import PeopleQuery, Store
from netui.widgets.people_table import PeopleTable
from tests.conftest import TODAY


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def visible_names(app: NetuiApp) -> list[str]:
    table = app.screen.query_one(PeopleTable)
    return [
        table.store.people_page(table.people_query, i, 1)[0].full_name for i in range(table.count)
    ]


def count_label(app: NetuiApp) -> str:
    return str(app.screen.query_one("#people-count", Static).render())


def seeded(store: Store, settings: Settings) -> NetuiApp:
    for line in [
        "José Núñez @ Figma, em, school",
        "Joanna Park @ Stripe, engineer",
        "Mei Chen @ Bakery, non-tech, friend",
        "Sam Rivera @ Stripe, recruiter",
    ]:
        store.quick_add(line)
    return make_app(store, settings, today=lambda: TODAY)


async def test_filter_narrows_handles_accents_and_clears(store: Store, settings: Settings) -> None:
    app = seeded(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert count_label(app) == "4 people"
        await pilot.press("slash", "j", "o")
        await settle(pilot)
        assert sorted(visible_names(app)) == ["Joanna Park", "José Núñez"]
        assert count_label(app) == "2 of 4"
        await pilot.press("s", "e")  # "jose": the accent does not matter
        await settle(pilot)
        assert visible_names(app) == ["José Núñez"]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one("#filter", Input).value == ""
        assert len(visible_names(app)) == 4
        assert app.focused is app.screen.query_one(PeopleTable)


async def test_only_the_latest_keystroke_renders(store: Store, settings: Settings) -> None:
    app = seeded(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"stripe")
        await settle(pilot)
        assert sorted(visible_names(app)) == ["Joanna Park", "Sam Rivera"]
        assert count_label(app) == "2 of 4"


async def test_sort_key_cycles_and_header_click_reverses(store: Store, settings: Settings) -> None:
    app = seeded(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert visible_names(app)[0] == "Joanna Park"
        await pilot.press("s")  # company
        await settle(pilot)
        assert visible_names(app) == ["Mei Chen", "José Núñez", "Joanna Park", "Sam Rivera"]
        await pilot.click("#people-header", offset=(1, 0))  # the Name column
        await settle(pilot)
        assert app.screen.query_one(PeopleTable).people_query.sort == "name"
        await pilot.click("#people-header", offset=(1, 0))  # again: reversed
        await settle(pilot)
        assert visible_names(app)[0] == "Sam Rivera"


async def test_filters_dialog_and_due_toggle(store: Store, settings: Settings) -> None:
    app = seeded(store, settings)
    store.update_person(2, follow_up_on="2026-11-25")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert visible_names(app) == ["Joanna Park"]
        assert "follow-up due" in str(app.screen.query_one("#people-filters", Static).render())
        await pilot.press("exclamation_mark", "F")
        await pilot.pause()
        from textual.widgets import Select

        app.screen.query_one("#role", Select).value = "recruiter"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert visible_names(app) == ["Sam Rivera"]


async def test_add_through_the_form_validates_inline(store: Store, settings: Settings) -> None:
    app = seeded(store, settings)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Ada Lovelace")
        app.screen.query_one("#f-email", Input).value = "ada-at-example"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#e-email", Static).render())
        assert "not an email address" in error
        assert store.total_people() == 4  # nothing saved
        app.screen.query_one("#f-email", Input).value = "ada@example.com"
        app.screen.query_one("#f-company", Input).value = "Analytical Engines"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.total_people() == 5
        assert "Ada Lovelace" in visible_names(app)
        assert count_label(app) == "5 people"


async def test_escape_on_a_typed_form_asks_before_discarding(
    store: Store, settings: Settings
) -> None:
    app = seeded(store, settings)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Half Typed", "escape")
        await pilot.pause()
        assert "Discard" in str(app.screen.query_one(".dialog-question", Static).render())
        await pilot.press("n")  # keep typing
        await pilot.pause()
        assert app.screen.query_one("#f-full_name", Input).value == "Half Typed"


async def test_quick_add_line(store: Store, settings: Settings) -> None:
    app = seeded(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("plus", *"Lin Wu @ Notion, engineer, college", "enter")
        await pilot.pause()
        result = str(app.screen.query_one("#quick-result", Static).render())
        assert "Added Lin Wu @ Notion (engineer, college)" in result
        await pilot.press(*"@ nobody", "enter")
        await pilot.pause()
        assert "no name" in str(app.screen.query_one("#quick-result", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert "Lin Wu" in visible_names(app)
        assert store.total_people() == 5


async def test_archive_undo_and_restore(store: Store, settings: Settings) -> None:
    app = seeded(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = visible_names(app)[0]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert first not in visible_names(app)
        assert count_label(app) == "3 people"
        await pilot.press("u")
        await settle(pilot)
        assert first in visible_names(app)
        await pilot.press("d", "y")
        await settle(pilot)
        await pilot.press("x")  # the archived list
        await settle(pilot)
        assert visible_names(app) == [first]
        await pilot.press("r")
        await settle(pilot)
        assert visible_names(app) == []
        await pilot.press("x")
        await settle(pilot)
        assert first in visible_names(app)


async def test_list_shows_a_change_made_elsewhere(store: Store, settings: Settings) -> None:
    app = seeded(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("plus")  # another screen on top
        await pilot.pause()
        store.add_person("Added Elsewhere", company="Figma")
        await pilot.press("escape")
        await settle(pilot)
        assert "Added Elsewhere" in visible_names(app)


async def test_empty_database_explains_what_to_do(store: Store, settings: Settings) -> None:
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(PeopleTable)
        assert "No people yet" in table.render_line(0).text


async def test_overdue_follow_up_is_marked(store: Store, settings: Settings) -> None:
    app = seeded(store, settings)
    store.update_person(1, follow_up_on="2026-11-24")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(PeopleTable)
        lines = [table.render_line(y).text for y in range(4)]
        assert any("José Núñez" in line and "⚑ overdue 2d" in line for line in lines)


def test_people_screen_snapshot(store: Store, settings: Settings, snap_compare: Any) -> None:
    seed_demo(store.db, today=TODAY)
    app = make_app(store, settings, today=lambda: TODAY)

    async def ready(pilot: Pilot[Any]) -> None:
        await settle(pilot)

    assert snap_compare(app, terminal_size=(110, 30), run_before=ready)


async def test_keys_typed_right_after_slash_go_to_the_filter(
    store: Store, settings: Settings
) -> None:
    """A fast typist's '/chen' (one terminal read) must filter, not lose the letters or run
    list keys (seen in tmux: '/mei' left the box empty)."""
    from textual import events

    app = seeded(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app._driver is not None
        for key, char in (("slash", "/"), ("c", "c"), ("h", "h"), ("e", "e"), ("n", "n")):
            event = events.Key(key, char)
            event.set_sender(app)
            app._driver.send_message(event)  # all queued at once, as a terminal read does
        await settle(pilot)
        assert app.screen.query_one("#filter", Input).value == "chen"
        assert visible_names(app) == ["Mei Chen"]
        assert type(app.screen).__name__ == "PeopleScreen"  # c did not open the composer


async def test_a_write_in_progress_does_not_stop_the_list(store: Store, settings: Settings) -> None:
    """A bulk write holding the write lock (here, another thread) leaves reads free: the
    list filters while it runs, and shows the new people once it commits."""
    import threading

    app = seeded(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        held, release = threading.Event(), threading.Event()

        def hold() -> None:
            with store.db.write() as conn:
                conn.execute(
                    "INSERT INTO person (full_name, created_at, updated_at) "
                    "VALUES ('Mei Lin', '2026-11-26 15:00:00', '2026-11-26 15:00:00')"
                )
                held.set()
                release.wait(10)

        holder = threading.Thread(target=hold)
        holder.start()
        held.wait(10)
        await pilot.press("slash", *"mei")
        await settle(pilot)
        assert visible_names(app) == ["Mei Chen"]  # read at once, before the commit
        assert count_label(app) == "1 of 4"
        release.set()
        holder.join()
        await pilot.press("backspace")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert visible_names(app) == ["Mei Chen", "Mei Lin"]
        assert count_label(app) == "2 of 5"


async def test_erase_an_archived_person_for_good(store: Store, settings: Settings) -> None:
    app = seeded(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = visible_names(app)[0]
        await pilot.press("P")  # not archived: refused
        await settle(pilot)
        assert store.total_people() == 4
        await pilot.press("d", "y")
        await settle(pilot)
        await pilot.press("x", "P")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert visible_names(app) == []
        assert store.count_people(PeopleQuery(archived=True)) == 0
        assert first not in [r.full_name for r in store.search_people(first.split()[0])]
        raw = store.db.reader.execute("SELECT count(*) FROM person").fetchone()[0]
        assert raw == 3
