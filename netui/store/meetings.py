"""Meetings and their checklists."""

from __future__ import annotations

from netui.store.timeline import TimelineMixin


class MeetingMixin(TimelineMixin):
    pass
