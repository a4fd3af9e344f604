"""The Import screen: pick a file, see what netui found and what will happen, then import."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from subprocess import Popen
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    DataTable,
    Header,
    Input,
    ProgressBar,
    Select,
    Static,
)

from netui.enums import HowWeKnow
from netui.errors import NetuiError
from netui.importers import (
    ArchiveSource,
    ContactsSource,
    Me,
    ParseResult,
    RestoreSource,
    Source,
    Table,
)
from netui.importers.archive_import import also_line, read_line
from netui.importers.registry import hints, said
from netui.importers.spreadsheet import SKIP, apply_overrides
from netui.screens.base import NetuiScreen
from netui.screens.dialogs import ConfirmScreen
from netui.screens.import_load import read_preview, whole
from netui.screens.import_messages import Finished, Loaded, LoadFailed, Progressed, Streamed
from netui.screens.import_parts import FieldPicker, PathInput
from netui.screens.import_views import (
    archive_summary,
    fill_first_rows,
    fill_mapping,
    fill_preview,
    review_screen,
    summary_text,
)
from netui.store.imports import ImportReport
from netui.textsafe import escape_markup as escape
from netui.widgets.footer import Footer


class ImportScreen(NetuiScreen[ImportReport | None], keys="Import"):
    """Import people from a file: detect, map columns, preview, confirm, import."""

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.initial_path = path
        self.path: Path | None = None
        self.source: Source | None = None
        self.table: Table | None = None
        self.result: ParseResult | None = None
        self.report: ImportReport | None = None
        self.json_data: dict[str, Any] | None = None
        self.mapping: dict[str, str] = {}
        self.read_mapping: dict[str, str] | None = None  # how the file was read, to read it again
        self.readers: list[Popen[bytes]] = []  # processes reading a preview
        self.busy = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="import-body"):
            with Horizontal(id="import-bar"):
                yield PathInput(
                    self.initial_path,
                    placeholder="File, folder or zip: Connections.csv, takeout.zip (tab completes)",
                    id="import-path",
                )
                options = [
                    (f"from {h.value}", h.value) for h in HowWeKnow if h is not HowWeKnow.other
                ]
                yield Select(options, prompt="how you know them", id="import-how")
            files = said([*hints("contacts"), *hints("restore")])
            yield Static(
                f"Type a path and press enter: {files}; or a mail, LinkedIn, WhatsApp, "
                "Instagram, Snapchat or Facebook archive (a zip, a folder or an .mbox).",
                id="import-status",
            )
            yield DataTable(id="import-mapping", cursor_type="row", zebra_stripes=True)
            yield DataTable(id="import-preview", cursor_type="row", zebra_stripes=True)
            yield Static("", id="import-summary")
            yield ProgressBar(total=100, show_eta=False, id="import-progress")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#import-mapping", DataTable).display = False
        self.query_one("#import-progress", ProgressBar).display = False
        self.query_one("#import-path", Input).focus()
        if self.initial_path:
            self._load(self.initial_path)

    # ---- loading and preview -----------------------------------------------------------

    @on(Input.Submitted, "#import-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        self._load(event.value)

    @on(Select.Changed, "#import-how")
    def _how_changed(self) -> None:
        if self.path is not None and isinstance(self.source, ContactsSource):
            self._start_load(self.path, self.source, self.mapping or None)

    def _how(self) -> str:
        value = self.query_one("#import-how", Select).value
        return value if isinstance(value, str) else ""

    def _load(self, text: str) -> None:
        if not text.strip():
            return
        self.source = self.table = None
        self.mapping = {}
        self._start_load(Path(text.strip()).expanduser(), None, None)

    def _start_load(
        self, path: Path, source: ContactsSource | None, mapping: dict[str, str] | None
    ) -> None:
        self.path = path
        self.read_mapping = mapping
        self.result = self.report = self.json_data = None
        self._status(f"Reading {escape(path.name)}…")
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=100, progress=0)
        bar.display = True
        self.load_file(path, source, mapping, self._how())

    @work(thread=True, exclusive=True, group="import-load")
    def load_file(
        self, path: Path, source: ContactsSource | None, mapping: dict[str, str] | None, how: str
    ) -> None:
        """Read (once), parse and plan in a thread; the result arrives as a Loaded message."""
        try:
            me = Me(emails=self.settings.my_email_list, name=self.settings.my_name)
            reading = self._reading(path.name)
            loaded = read_preview(self.store, path, source, mapping, how, me, self.post_message,
                                  self.patiently, self.readers.append, reading)  # fmt: skip
            self.post_message(loaded)
        except NetuiError as exc:
            self.post_message(LoadFailed(str(exc)))
        except Exception as exc:  # never a traceback on screen (it could hold personal data)
            self.post_message(LoadFailed(f"{path.name} could not be read ({type(exc).__name__})."))

    def on_unmount(self) -> None:
        for child in self.readers:  # a preview still being read elsewhere: not needed now
            if child.poll() is None:
                child.kill()

    @on(Streamed)
    def _streamed(self, message: Streamed) -> None:
        """The first rows while the rest is read: no counts yet."""
        source = message.source
        self._status(f"[b]{escape(source.label)}[/b] · reading all of {escape(source.path.name)}…")
        self.table = source.table
        self.mapping = dict(source.result.mapping)
        self._show_mapping(source.result if source.result.format == "csv" else None)
        fill_first_rows(self.query_one("#import-preview", DataTable), source.result)

    def _reading(self, name: str) -> Callable[[int, int], None]:
        """A progress callback for the reading thread: a message at most every 50 ms."""
        last = [0.0]

        def report(done: int, total: int) -> None:
            now = time.monotonic()
            if total and (now - last[0] >= 0.05 or done >= total):
                last[0] = now
                self.post_message(Progressed(100 * done / total, f"Reading {name}…"))

        return report

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self._loading_done()
        source = self.source = message.source
        if isinstance(source, RestoreSource):
            self.table = None
            self.json_data = source.data
            people = source.people
            self._status(
                f"[b]{escape(source.label)}[/b] · {people:,} "
                f"{'person' if people == 1 else 'people'}. It restores a whole network into an "
                "empty database. ctrl+s restores."
            )
            self._show_mapping(None)
            self._show_preview(None, None)
            return
        if isinstance(source, ArchiveSource):
            self.table = None
            also = also_line(source)
            self._status(
                f"[b]{escape(read_line(source))}[/b]" + (f"\n{escape(also)}" if also else "")
            )
            self._show_mapping(None)
            view = self.query_one("#import-preview", DataTable)
            text = archive_summary(view, source, message.report, message.preview)
            self.query_one("#import-summary", Static).update(text)
            return
        self.table = source.table
        self.result, self.report = source.result, message.report
        assert self.report is not None
        self.mapping = dict(self.result.mapping)
        encoding = self.table.encoding if self.table else ""
        sep = f" · {self.table.delimiter_name}-separated" if self.table else ""
        header = f" · header on line {self.table.header_line}" if self.table else ""
        self._status(
            f"[b]{escape(source.label)}[/b] · "
            f"{self.result.rows:,} {'cards' if self.result.format == 'vcard' else 'rows'}"
            f"{sep}{header}" + (f" · {encoding}" if encoding else "")
        )
        self._show_mapping(self.result if self.result.format == "csv" else None)
        self._show_preview(self.result, self.report)

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self._loading_done()
        from netui.channels.whatsapp import MISSING_NAME

        text = message.text
        if text == MISSING_NAME:  # in the app, settings are a key away
            text = (
                "WhatsApp chats need your name as it appears in them: set it in settings "
                "(, on People)."
            )
        self._status(f"[b red]✗[/] {escape(text)}")
        self._show_mapping(None)
        self._show_preview(None, None)

    def _loading_done(self) -> None:
        if not self.busy:
            self.query_one("#import-progress", ProgressBar).display = False

    def _status(self, text: str) -> None:
        self.query_one("#import-status", Static).update(text)

    def _show_mapping(self, result: ParseResult | None) -> None:
        table = self.query_one("#import-mapping", DataTable)
        table.display = result is not None and self.table is not None
        fill_mapping(table, self.table if result is not None else None, self.mapping)

    def _show_preview(self, result: ParseResult | None, report: ImportReport | None) -> None:
        fill_preview(self.query_one("#import-preview", DataTable), result, report)
        text = "" if result is None or report is None else summary_text(result, report)
        self.query_one("#import-summary", Static).update(text)

    # ---- column mapping ------------------------------------------------------------------

    @on(DataTable.RowSelected, "#import-mapping")
    def _pick_field(self, event: DataTable.RowSelected) -> None:
        column = str(event.row_key.value)
        current = self.mapping.get(column, SKIP)
        self.app.push_screen(FieldPicker(column, current), lambda f: self._remap(column, f))

    def _remap(self, column: str, field: str | None) -> None:
        source = self.source
        if field is None or self.table is None or not isinstance(source, ContactsSource):
            return
        mapping = apply_overrides(self.table.header, self.mapping, [f"{column}={field}"])
        self._start_load(source.path, source, mapping)

    # ---- importing -----------------------------------------------------------------------

    def action_confirm(self) -> None:
        if self.busy:
            return
        if isinstance(self.source, ArchiveSource):
            self._begin("Bringing it in…", indeterminate=True)
            self.save_archive(self.source, self._how())
            return
        if self.json_data is not None:
            self._begin("Restoring…")
            self.restore(self.json_data, self.path.name if self.path else "the file")
            return
        if self.result is None or self.report is None:
            self.notify("Load a file first (type its path and press enter).", severity="warning")
            return
        if self.report.new == 0 and self.report.updated == 0:
            self.notify("Nothing to import: everyone in this file is already here.")
            return
        self._begin("Importing…")
        assert isinstance(self.source, ContactsSource)
        self.run_import(self.result, self._how(), self.source, self.read_mapping)

    def _begin(self, text: str, *, indeterminate: bool = False) -> None:
        self.busy = True
        bar = self.query_one("#import-progress", ProgressBar)
        bar.display = True
        bar.update(total=None if indeterminate else 100, progress=0)
        self._status(text)

    @work(thread=True, exclusive=True, group="import-run")
    def save_archive(self, source: ArchiveSource, how: str) -> None:
        """Import the contact list it holds (if any), then match the archive's contacts and
        keep the rest as candidates, off the UI thread."""
        said: list[str] = []
        try:
            if source.contacts is not None:
                contacts = source.contacts.result
                report = self.patiently(lambda: self.store.import_records(contacts, how))
                said.append(f"Imported {contacts.source}: {report.summary()}.")
            summary = self.patiently(lambda: self.store.ingest_channel(source.result))
            said.append(summary.text())
        except Exception as exc:  # nothing was saved: the transaction rolled back
            self.post_message(self._failed(exc))
        else:
            waiting = summary.new_candidates + summary.known_candidates
            self.post_message(Finished(None, " ".join(said), review=waiting > 0))

    def _failed(self, exc: Exception) -> Finished:
        """A failed write as one sentence: the error's own, else its kind (never a trace)."""
        if isinstance(exc, NetuiError):
            return Finished(None, str(exc), failed=True)
        what = f"The import failed ({type(exc).__name__}); nothing was saved."
        return Finished(None, what, failed=True)

    @work(thread=True, exclusive=True, group="import-run")
    def run_import(
        self,
        result: ParseResult,
        how: str,
        source: ContactsSource | None = None,
        mapping: dict[str, str] | None = None,
    ) -> None:
        """The one-transaction import, off the UI thread, reporting progress."""
        last = [0.0]

        def progress(done: int, total: int, phase: str) -> None:
            now = time.monotonic()
            if now - last[0] < 0.05 and done < total:
                return
            last[0] = now
            share = done / total if total else 1.0
            percent = share * 50 + (50 if phase == "writing" else 0)
            self.post_message(Progressed(percent, phase))

        try:
            records = whole(source, result, mapping) if source is not None else result
            report = self.patiently(lambda: self.store.import_records(records, how, progress))
        except Exception as exc:  # nothing was saved: the transaction rolled back
            self.post_message(self._failed(exc))
        else:
            self.post_message(Finished(report, f"Imported {result.source}: {report.summary()}."))

    @work(thread=True, exclusive=True, group="import-run")
    def restore(self, data: dict[str, Any], source: str) -> None:
        try:
            counts = self.patiently(lambda: self.store.restore_json(data, source))
        except NetuiError as exc:
            self.post_message(Finished(None, str(exc), failed=True))
        else:
            people = counts.get("person", 0)
            noun = "person" if people == 1 else "people"
            self.post_message(Finished(None, f"Restored {source}: {people:,} {noun}."))

    @on(Progressed)
    def _progressed(self, message: Progressed) -> None:
        self.query_one("#import-progress", ProgressBar).update(progress=message.percent)
        phase = message.phase
        self._status(escape(phase) if phase.endswith("…") else f"Importing… {phase}")

    @on(Finished)
    def _finished(self, message: Finished) -> None:
        self.busy = False
        self.query_one("#import-progress", ProgressBar).display = False
        if message.failed:
            self._status(f"[b red]✗[/] {escape(message.text)}")
            return
        if not message.review:
            self.app.notify(message.text, title="Import", timeout=8)
            self.dismiss(message.report)
            return

        def answered(yes: bool | None) -> None:
            self.dismiss(None)
            if yes:
                self.app.push_screen(review_screen())
            else:  # the dialog said it; a notice keeps it in view on People
                self.app.notify(message.text, title="Import", timeout=8)

        question = f"{escape(message.text)}\n\nReview the candidates now, one key each?"
        self.app.push_screen(ConfirmScreen(question, yes="Review"), answered)

    def action_close(self) -> None:
        if self.busy:
            self.notify("The import is still running; it finishes in a moment.")
            return
        self.dismiss(None)
