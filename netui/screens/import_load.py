"""How the Import screen reads a file for its preview (in its worker thread), and reads a
previewed file again to import it.

A big contacts file is read and planned in a child process (store/import_preview.py), so
the app gives its memory back when the preview closes; its first rows are shown at once
from the file's start (importers/peek.py) while that runs. Everything else (small files,
archives, JSON exports) is read in the app, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from subprocess import Popen
from typing import Any

from textual.message import Message

from netui.errors import InputError
from netui.importers import ArchiveSource, ContactsSource, Me, ParseResult, open_source
from netui.importers.peek import digest_of, peek, separate
from netui.screens.import_messages import Loaded, Streamed
from netui.store import Store


def read_preview(
    store: Store,
    path: Path,
    source: ContactsSource | None,
    mapping: dict[str, str] | None,
    how: str,
    me: Me,
    post: Callable[[Message], object],
    patiently: Callable[[Callable[[], Any]], Any],
    started: Callable[[Popen[bytes]], None],
    reading: Callable[[int, int], None],
) -> Loaded:
    """Read (once), parse and plan `path`, or re-map `source`: what the screen shows.
    Errors are NetuiErrors naming the file, as `open_source` raises them."""
    if (source is None or source.partial) and separate(path):
        if source is None and (first := peek(path)) is not None:
            post(Streamed(first))
        got = store.preview_elsewhere(path, how, mapping, me=me, started=started)
        if got is not None:
            return Loaded(got.source, got.report)
    if source is None or source.partial:
        read = open_source(path, me=me, progress=reading)
        if mapping is not None and isinstance(read, ContactsSource):
            read = read.remapped(mapping)
    else:
        read = source.remapped(mapping) if mapping is not None else source
    report = preview = None
    if isinstance(read, ContactsSource):
        report = store.preview_import(read.result, how)
    elif isinstance(read, ArchiveSource):
        if read.contacts is not None:  # LinkedIn's Connections.csv beside messages
            report = store.preview_import(read.contacts.result, how)
        archive = read.result
        preview = patiently(lambda: store.preview_channel(archive))
    return Loaded(read, report, preview)


def whole(
    source: ContactsSource, result: ParseResult, mapping: dict[str, str] | None
) -> ParseResult:
    """The records to import: `result` itself, or for a preview that kept only its first
    rows, the file read again (the same way), refused if it changed since the preview."""
    if not source.partial:
        return result
    path = source.path
    if digest_of(path) != source.digest:
        raise InputError(
            f"{path.name} changed since its preview; nothing was imported. "
            "Press enter on its path to read it again."
        )
    read = open_source(path)
    if not isinstance(read, ContactsSource):
        raise InputError(f"{path.name} is no longer a contact list; nothing was imported.")
    return (read.remapped(mapping) if mapping is not None else read).result
