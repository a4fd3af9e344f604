"""Who knows whom: links between people."""

from __future__ import annotations

from netui.store.people import PeopleMixin


class LinkMixin(PeopleMixin):
    pass
