"""Meetings and their checklists."""

from __future__ import annotations

from netui.store.people import PeopleMixin


class MeetingMixin(PeopleMixin):
    pass
