"""Every label of the Add/Edit person form is read whole at 80x24 and at 120x40: a long
label wraps (or is short), it is never cut at the edge of its cell or of the dialog."""

from __future__ import annotations

from typing import Any

import pytest
from rich.cells import cell_len
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Input, Label

from netui.app import make_app
from netui.screens.person_form import PersonFormScreen
from netui.settings import Settings
from netui.store import Store
from tests.conftest import TODAY

LONG_NAME = "Maximiliane Alexandra Featherstonehaugh-Worthington"


def _drawn(label: Label) -> str:
    """The text the label draws in its own region, lines joined by spaces."""
    width, height = label.size
    lines = label.render_lines(Region(0, 0, width, height))
    return " ".join(" ".join(strip.text.split()) for strip in lines).strip()


async def _form(pilot: Pilot[Any], person_id: int | None) -> PersonFormScreen:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.push_screen(PersonFormScreen(person_id))
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, PersonFormScreen)
    return form


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("editing", [False, True], ids=["add", "edit"])
async def test_every_label_is_shown_whole(
    store: Store, settings: Settings, size: tuple[int, int], editing: bool
) -> None:
    pid = store.add_person(LONG_NAME, company="Stripe") if editing else None
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=size) as pilot:
        form = await _form(pilot, pid)
        dialog = form.query_one(".dialog").content_region
        labels = list(form.query(Label))
        assert any("How we know each other" in str(lb.render()) for lb in labels)
        for label in labels:
            whole = " ".join(str(label.render()).split())
            assert _drawn(label) == whole, f"cut at {size}: {whole!r}"
            room = label.parent.content_region.right if label.parent is not None else 0
            assert label.region.right <= min(room, dialog.right), f"cut at {size}: {whole!r}"
        for box in form.query(Input):
            hint = str(box.placeholder)
            assert cell_len(hint) <= box.content_size.width, f"example cut at {size}: {hint!r}"


async def test_a_name_with_brackets_is_shown_as_typed(store: Store, settings: Settings) -> None:
    """'[/b]' in a name is text, not markup: the Edit form opens and shows it."""
    pid = store.add_person("Sam [she/her] Rivera [/b]")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _form(pilot, pid)
        heading = " ".join(str(lb.render()) for lb in form.query(".form-title"))
        assert "Edit Sam [she/her] Rivera [/b]" in heading
