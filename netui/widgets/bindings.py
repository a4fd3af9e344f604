"""Textual bindings from netui's key table (netui/keys.py).

A screen, widget or the app names its table in its class line and gets exactly those
bindings as its `BINDINGS`:

    class PeopleScreen(NetuiScreen[None], keys="People"): ...
    class RowList(KeyTable, ScrollView, keys="RowList"): ...   # not a netui screen: mix in

NetuiScreen, NetuiModal and the app already have KeyTable among their bases.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType

from netui.keys import KeySpec, specs_for


def binding_of(spec: KeySpec) -> Binding:
    return Binding(
        spec.keys,
        spec.action,
        spec.description,
        show=spec.show,
        priority=spec.priority,
        id=spec.id,
    )


def bindings_for(owner: str) -> list[BindingType]:
    """The bindings of one screen, widget or the app, as its table in netui/keys.py has them."""
    return [binding_of(spec) for spec in specs_for(owner)]


class KeyTable:
    """`keys="Owner"` in a class line sets the class's BINDINGS from that table, before
    Textual merges them with the base classes' (DOMNode.__init_subclass__)."""

    BINDINGS: ClassVar[list[BindingType]]

    def __init_subclass__(cls, keys: str | None = None, **kwargs: Any) -> None:
        if keys is not None:
            cls.BINDINGS = bindings_for(keys)
        super().__init_subclass__(**kwargs)
