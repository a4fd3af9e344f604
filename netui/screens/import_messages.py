"""The messages the Import screen's workers send it: the file read (or not), progress, done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from netui.importers.source import ContactsSource, Source
    from netui.store.candidates import ChannelPreview
    from netui.store.imports import ImportReport


class Loaded(Message):
    def __init__(
        self,
        source: Source,
        report: ImportReport | None,
        preview: ChannelPreview | None = None,
    ) -> None:
        super().__init__()
        self.source = source
        self.report = report
        self.preview = preview


class Streamed(Message):
    """The first rows of a big contacts file, shown while the whole of it is read."""

    def __init__(self, source: ContactsSource) -> None:
        super().__init__()
        self.source = source


class LoadFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class Progressed(Message):
    def __init__(self, percent: float, phase: str) -> None:
        super().__init__()
        self.percent = percent
        self.phase = phase


class Finished(Message):
    """The import, restore or archive is done (or failed: nothing was saved)."""

    def __init__(
        self,
        report: ImportReport | None,
        text: str,
        *,
        failed: bool = False,
        review: bool = False,
    ) -> None:
        super().__init__()
        self.report = report
        self.text = text
        self.failed = failed
        self.review = review  # candidates wait: offer the Review screen
