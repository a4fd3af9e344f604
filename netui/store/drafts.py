"""Message drafts: save, list, copy and mark sent."""

from __future__ import annotations

from netui.store.people import PeopleMixin


class DraftMixin(PeopleMixin):
    pass
