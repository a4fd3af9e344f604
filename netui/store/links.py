"""Who knows whom: links between people."""

from __future__ import annotations

from netui.store.timeline import TimelineMixin


class LinkMixin(TimelineMixin):
    pass
