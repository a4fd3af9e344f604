"""The Store: the one place with SQL. Each concept's methods live in their own module.

`Store` is one class with every store method (its parts: netui/store/parts.py), and the one
callers use. Importing every part costs ~30 ms, and the app's first screen needs only the
People list's reads, so at run time `Store` starts as `PeopleMixin` alone and takes on all
its parts (its `__bases__` become parts.Store's) the first time an instance, a subclass or
the class is asked for a name it does not have yet, or when `assemble()` is called (the
app does, after its first paint). Nothing else changes: the same instance, isinstance and
subclasses keep working, and type checkers see the whole class.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from netui.store.people import PeopleMixin
from netui.store.rows import CompanyRow, PeopleQuery, PersonRow

__all__ = ["CompanyRow", "PeopleQuery", "PersonRow", "Store", "assemble"]

_assembling = threading.Lock()


def assemble() -> bool:
    """Give `Store` all its parts (imports them); True if this call did it."""
    with _assembling:
        if Store.__bases__ != (PeopleMixin,):
            return False
        from netui.store import parts

        Store.__bases__ = parts.Store.__bases__
        return True


def _missing(owner: str, name: str) -> AttributeError:
    return AttributeError(f"{owner!r} has no attribute {name!r}", name=name)


class _Assembled(type):
    """Store's metaclass: a name the class lacks is looked up again after `assemble()`."""

    def __getattr__(cls, name: str) -> Any:
        if name.startswith("__") or not assemble():
            raise _missing(cls.__name__, name)
        return getattr(cls, name)


if TYPE_CHECKING:
    from netui.store.parts import Store
else:

    class Store(PeopleMixin, metaclass=_Assembled):
        """Every store operation; built on one `Database` (its parts are loaded on first
        use: see the module's docstring)."""

        def __getattr__(self, name: str) -> Any:
            if name.startswith("__") or not assemble():
                raise _missing(type(self).__name__, name)
            return getattr(self, name)
