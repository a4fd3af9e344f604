"""The person form: its fields come from the person spec, and 'keep in touch every N days'
is shown, edited and checked there (#14) like any other field."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, TextArea

from netui.app import make_app
from netui.errors import InputError
from netui.person_spec import FIELDS, FORM_LAYOUT
from netui.screens.person_form import PersonFormScreen
from netui.settings import Settings
from netui.store import Store
from tests.conftest import TODAY


async def _settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _open_form(pilot: Pilot[Any], person_id: int | None) -> PersonFormScreen:
    await _settle(pilot)
    await pilot.app.push_screen(PersonFormScreen(person_id))
    await _settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, PersonFormScreen)
    return form


async def test_the_form_shows_every_field_of_its_layout_with_the_stored_values(
    store: Store, settings: Settings
) -> None:
    pid = store.add_person(
        "Ada Lovelace", company="Analytical Engines", email="ada@example.com",
        closeness="friend", notes="first\nsecond", cadence_days=14,
    )  # fmt: skip
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        form = await _open_form(pilot, pid)
        for row in FORM_LAYOUT:
            for name in row:
                assert form.query(f"#f-{name}"), f"{name} is not on the form"
                label = FIELDS[name].info.prompt or FIELDS[name].label
                labels = [str(w.render()) for w in form.query(".field-label")]
                assert label in labels
        assert form.query_one("#f-company", Input).value == "Analytical Engines"
        assert form.query_one("#f-email", Input).value == "ada@example.com"
        assert form.query_one("#f-closeness", Select).value == "friend"
        assert form.query_one("#f-notes", TextArea).text == "first\nsecond"
        assert form.query_one("#f-cadence_days", Input).value == "14"


async def test_keep_in_touch_every_n_days_is_edited_in_the_form(
    store: Store, settings: Settings
) -> None:
    pid = store.add_person("Sam Rivera", closeness="acquaintance")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        form = await _open_form(pilot, pid)
        cadence = form.query_one("#f-cadence_days", Input)
        assert cadence.value == ""  # from their closeness, and it says what that is
        assert cadence.placeholder == "from closeness: every 3 months"
        form.query_one("#f-closeness", Select).value = "close"
        await pilot.pause()
        assert cadence.placeholder == "from closeness: every 3 weeks"
        form.query_one("#f-closeness", Select).value = "acquaintance"
        cadence.focus()
        await pilot.press(*"30", "ctrl+s")
        await _settle(pilot)
        assert not isinstance(app.screen, PersonFormScreen)
        assert store.keep_in_touch(pid) == (30, None)
        assert store.get_person(pid).cadence_days == 30

        form = await _open_form(pilot, pid)
        assert form.query_one("#f-cadence_days", Input).value == "30"
        form.query_one("#f-cadence_days", Input).value = ""  # back to their closeness
        await pilot.press("ctrl+s")
        await _settle(pilot)
        assert store.keep_in_touch(pid) == (None, None)

        form = await _open_form(pilot, pid)
        form.query_one("#f-cadence_days", Input).value = "0"  # never
        await pilot.press("ctrl+s")
        await _settle(pilot)
        assert store.keep_in_touch(pid) == (0, None)


async def test_a_bad_cadence_is_one_clear_message_and_nothing_is_saved(
    store: Store, settings: Settings
) -> None:
    pid = store.add_person("Sam Rivera", cadence_days=21)
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        for bad in ("two weeks", "-3", "4000", "1.5"):
            form = await _open_form(pilot, pid)
            form.query_one("#f-city", Input).value = "Lisbon"
            form.query_one("#f-cadence_days", Input).value = bad
            await pilot.pause()
            inline = str(form.query_one("#e-cadence_days", Static).render())
            assert inline == (
                "Keep in touch every 0 to 3650 days (0: never; empty: from their "
                f"closeness), not '{bad}'."
            )
            await pilot.press("ctrl+s")
            await _settle(pilot)
            assert app.screen is form  # still open, with what was typed
            assert str(form.query_one("#form-error", Static).render()) == (
                "Not saved: 1 field(s) to fix."
            )
            assert form.query_one("#f-cadence_days", Input).value == bad
            assert app.focused is form.query_one("#f-cadence_days", Input)
            assert store.keep_in_touch(pid) == (21, None)
            assert store.get_person(pid).city == ""  # nothing saved half-way
            form.dismiss(None)
            await _settle(pilot)


def test_the_store_refuses_a_bad_cadence_with_the_same_sentence(store: Store) -> None:
    pid = store.add_person("Sam Rivera")
    with pytest.raises(InputError, match=r"^Keep in touch every 0 to 3650 days .*'soon'\.$"):
        store.update_person(pid, cadence_days="soon")
    store.update_person(pid, cadence_days="45")
    assert store.keep_in_touch(pid) == (45, None)


async def test_escape_on_an_untouched_form_leaves_at_once_and_asks_once_typed(
    store: Store, settings: Settings
) -> None:
    pid = store.add_person("Sam Rivera", title="Senior Software Engineer", role="unknown")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        for person_id in (pid, None):  # editing someone, and adding someone
            form = await _open_form(pilot, person_id)
            await pilot.press("escape")
            await _settle(pilot)
            assert not isinstance(app.screen, PersonFormScreen), person_id
        form = await _open_form(pilot, pid)
        form.query_one("#f-cadence_days", Input).value = "10"
        await pilot.press("escape")
        await _settle(pilot)
        assert "Discard" in str(app.screen.query_one(".dialog-question", Static).render())
        await pilot.press("y")
        await _settle(pilot)
        assert not isinstance(app.screen, PersonFormScreen)
        assert store.keep_in_touch(pid) == (None, None)
