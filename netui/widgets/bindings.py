"""Textual bindings from netui's key table (netui/keys.py): `BINDINGS = bindings_for("People")`."""

from __future__ import annotations

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
