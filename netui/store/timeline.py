"""Interactions on a person's timeline, stages moved by what is logged, follow-ups."""

from __future__ import annotations

from netui.store.people import PeopleMixin


class TimelineMixin(PeopleMixin):
    pass
