"""One module per import format; each registers itself with `netui.importers.registry`.

Adding a format is adding a module here (and its tests): `load_formats` imports every
module of this package, so the registry, `netui import --format`, the help text, the Import
screen and `open_source` all know it.
"""

from __future__ import annotations

import importlib
import pkgutil


def load_formats() -> None:
    """Import every format module of this package (each registers its format)."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        importlib.import_module(f"{__name__}.{info.name}")
