"""What the Import screen shows of a contacts file: the column mapping, the preview rows and
the summary under them."""

from __future__ import annotations

import textwrap
from typing import Any

from rich.text import Text
from textual.screen import Screen
from textual.widgets import DataTable

from netui.importers import ArchiveSource, ParseResult, Table
from netui.importers.archive_import import identity_line
from netui.importers.spreadsheet import SKIP
from netui.plural import count_of
from netui.store.candidates import ChannelPreview
from netui.store.imports import ImportReport
from netui.textsafe import escape_markup as escape

PREVIEW_ROWS = 200
_ACTION_WORDS = {"new": "new", "updated": "update", "unchanged": "no change"}


def fill_mapping(view: DataTable[object], table: Table | None, mapping: dict[str, str]) -> None:
    """One row per CSV column: what it holds (changeable) and an example value."""
    view.clear(columns=True)
    if table is None:
        return
    view.add_columns("Column", "holds", "for example")
    for i, name in enumerate(table.header):
        example = next((r[i] for _l, r in table.rows[:20] if r[i].strip()), "")
        field = mapping.get(name, SKIP)
        label = Text(field.replace("_", " ")) if field != SKIP else Text("skip", style="dim")
        view.add_row(Text(name or f"(column {i + 1})"), label, Text(example[:40]), key=name)


def fill_preview(
    view: DataTable[object], result: ParseResult | None, report: ImportReport | None
) -> None:
    """The first PREVIEW_ROWS records and what the import will do with each."""
    view.clear(columns=True)
    if result is None or report is None:
        return
    view.add_columns("Line", "Name", "Will be", "Company", "Title", "Email", "Change")
    for record, outcome in zip(result.records[:PREVIEW_ROWS], report.outcomes, strict=False):
        what = _ACTION_WORDS.get(outcome.action, outcome.action)
        cells = (record.full_name, what, record.company, record.title, record.email)
        # Text cells: a DataTable parses plain strings as markup ('[/b]' in a name crashed it)
        view.add_row(str(record.line), *map(Text, (*cells, outcome.detail)))


def fill_first_rows(view: DataTable[object], result: ParseResult) -> None:
    """The first rows of a file still being read: what each will be is not known yet."""
    view.clear(columns=True)
    view.add_columns("Line", "Name", "Will be", "Company", "Title", "Email", "Change")
    for record in result.records[:PREVIEW_ROWS]:
        cells = (record.full_name, "…", record.company, record.title, record.email, "")
        view.add_row(str(record.line), *map(Text, cells))


def summary_text(result: ParseResult, report: ImportReport) -> str:
    """The counts, the first problems, warnings and skips, and the keys (markup)."""
    lines = [
        report.summary()
        + (
            f" · {count_of(report.companies_added, 'new company')}"
            if report.companies_added
            else ""
        )
    ]
    lines += [f"[red]{escape(str(p))}[/red]" for p in report.problems[:2]]
    if report.errors > 2:
        lines.append(f"[red]… and {count_of(report.errors - 2, 'more error')}[/red]")
    if report.warnings:
        first = report.warnings[0]
        more = f" and {len(report.warnings) - 1:,} more" if len(report.warnings) > 1 else ""
        lines.append(f"[yellow]{escape(str(first))}{more}[/yellow]")
    if report.skipped:
        lines.append(
            f"[dim]skipped: {escape(report.skipped[0].message)} (line {report.skipped[0].line})"
            + (f" and {len(report.skipped) - 1:,} more" if len(report.skipped) > 1 else "")
            + "[/dim]"
        )
    lines.append(
        "ctrl+s imports · enter on a column changes what it holds · esc goes back"
        if result.format == "csv"
        else "ctrl+s imports · esc goes back"
    )
    return "\n".join(lines)


def archive_summary(
    view: DataTable[object],
    source: ArchiveSource,
    report: ImportReport | None,
    preview: ChannelPreview | None,
) -> str:
    """An archive's preview: the contact list it holds (rows in `view`) or what bringing it
    in would do (one line a row), then who you are in it and the keys (markup)."""
    lines = []
    if source.contacts is not None and report is not None:
        contacts = source.contacts.result
        fill_preview(view, contacts, report)
        lines.append(f"{escape(contacts.source)}: {report.summary()}")
        lines += [escape(line) for line in (preview.lines() if preview else [])]
    else:
        fill_preview(view, None, None)
        if preview is not None:
            view.add_column("If you bring it in")
            width = max(30, (view.size.width or 80) - 2)  # a long line wraps, never cut
            for line in preview.lines():
                wrapped = textwrap.fill(line, width)
                view.add_row(Text(wrapped), height=wrapped.count("\n") + 1)
    if you := identity_line(source.result):
        lines.append(f"[dim]{escape(you)}[/dim]")
    if preview is not None or source.contacts is not None:
        lines.append(
            "ctrl+s brings it in (people get the evidence; the rest wait for review) · "
            "esc goes back"
        )
    return "\n".join(lines)


def review_screen() -> Screen[Any]:
    """The Review (triage) screen, where the candidates an archive brought wait."""
    from netui.screens.review import ReviewScreen

    return ReviewScreen()
