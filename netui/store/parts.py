"""Every part of the Store, in method-resolution order: the one list of its mixins."""

from __future__ import annotations

from netui.store.agenda import AgendaMixin
from netui.store.candidates import CandidateMixin
from netui.store.drafts import DraftMixin
from netui.store.exports import ExportMixin
from netui.store.imports import ImportMixin
from netui.store.links import LinkMixin
from netui.store.meetings import MeetingMixin
from netui.store.paths import PathsMixin
from netui.store.people import PeopleMixin
from netui.store.timeline import TimelineMixin
from netui.store.vdir import VdirMixin


class Store(
    VdirMixin,
    AgendaMixin,
    PathsMixin,
    DraftMixin,
    MeetingMixin,
    ImportMixin,
    ExportMixin,
    LinkMixin,
    CandidateMixin,
    TimelineMixin,
    PeopleMixin,
):
    """Every store operation; built on one `Database`. This is `netui.store.Store` as type
    checkers see it; at run time that class takes these bases when it is first asked for
    a name People's part lacks (netui/store/__init__.py)."""
