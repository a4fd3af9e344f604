"""The Store: the one place with SQL. Each concept's methods live in their own module."""

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
from netui.store.rows import CompanyRow, PeopleQuery, PersonRow
from netui.store.timeline import TimelineMixin
from netui.store.vdir import VdirMixin

__all__ = ["CompanyRow", "PeopleQuery", "PersonRow", "Store"]


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
    """Every store operation; built on one `Database`."""
