"""Message drafts: save, list, copy and mark sent."""

from __future__ import annotations

from netui.store.timeline import TimelineMixin


class DraftMixin(TimelineMixin):
    pass
