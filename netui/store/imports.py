"""Bulk import and export of records (driver-level executemany in one transaction)."""

from __future__ import annotations

from netui.store.timeline import TimelineMixin


class ImportMixin(TimelineMixin):
    pass
