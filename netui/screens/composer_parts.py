"""The composer's helpers: the check panel, the recipient line, $EDITOR, the drafts picker, and
ComposerBase: what the composer's mixins and its screen use of each other."""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from netui.compose import Channel, Message, Template, Tone, channel_label, intent_label
from netui.enums import closeness_label
from netui.message_lint import LintIssue
from netui.recipient import Recipient
from netui.screens.base import NetuiModal, NetuiScreen
from netui.store.drafts import DraftRow
from netui.textsafe import escape_markup as escape
from netui.timeutil import format_utc
from netui.widgets.bindings import KeyTable

if TYPE_CHECKING:
    from netui.templates import TemplateSet

# ---- what the screen shows -----------------------------------------------------------


def recipient_line(recipient: Recipient, tone: Tone, tone_labels: Mapping[Tone, str]) -> str:
    """'To Priya Patel · Senior Software Engineer at Google · acquaintance: polite tone'."""
    work = " at ".join(part for part in (recipient.title, recipient.company) if part)
    closeness = closeness_label(recipient.closeness)
    parts = [f"To [b]{escape(recipient.full_name)}[/b]"]
    if work:
        parts.append(escape(work))
    parts.append(f"{escape(closeness)} [dim]→[/dim] {escape(tone_labels[tone].split(' (')[0])}")
    return " · ".join(parts)


def lint_markup(issues: Sequence[LintIssue], recipient: Recipient) -> str:
    """The check panel: each warning, then what you know about them."""
    lines = [""]
    if issues:
        lines += [f"[$warning]•[/] {escape(issue.text)}" for issue in issues]
    else:
        lines.append("[$success]✓[/] A clear ask, something about them, within the limit.")
    about = [
        ("how you know them", recipient.how_we_know_note or recipient.how_we_know),
        ("last time", recipient.last_summary),
        ("you planned to ask", recipient.meeting_ask),
        ("introduced by", recipient.connector),
        ("notes", recipient.notes),
    ]
    known = [(label, value) for label, value in about if value.strip()]
    lines += ["", f"[b]About {escape(recipient.first_name or recipient.full_name)}[/b]"]
    if known:
        lines += [f"[dim]{label}:[/dim] {escape(value.strip())}" for label, value in known]
    else:
        lines.append("[dim]Nothing noted yet: one specific line about them goes a long way.[/dim]")
    return "\n".join(lines)


# ---- $EDITOR -------------------------------------------------------------------------


class EditorError(Exception):
    """Editing outside failed; the message is one sentence and the draft is unchanged."""


def editor_command(environ: Mapping[str, str] | None = None) -> list[str]:
    env = os.environ if environ is None else environ
    raw = env.get("VISUAL", "").strip() or env.get("EDITOR", "").strip()
    if raw:
        try:
            return shlex.split(raw)
        except ValueError:
            raise EditorError(f"$EDITOR '{raw}' cannot be read as a command.") from None
    for name in ("nano", "vi"):
        if shutil.which(name):
            return [name]
    raise EditorError("No editor found: set $EDITOR (for example EDITOR=nano).")


SUBJECT_PREFIX = "Subject: "


def to_file_text(message: Message, has_subject: bool) -> str:
    head = f"{SUBJECT_PREFIX}{message.subject}\n\n" if has_subject else ""
    return f"{head}{message.body}\n"


def from_file_text(text: str, has_subject: bool, old_subject: str) -> Message:
    """Read the edited file back: an optional 'Subject:' first line, then the body."""
    text = text.replace("\r\n", "\n")
    subject = old_subject
    if has_subject and text.startswith(SUBJECT_PREFIX.strip()):
        first, _, rest = text.partition("\n")
        subject = first[len(SUBJECT_PREFIX.strip()) :].strip()
        text = rest[1:] if rest.startswith("\n") else rest
    return Message(subject, text.rstrip("\n"))


def edit_in_editor(
    message: Message,
    has_subject: bool,
    run: Callable[..., Any] = subprocess.run,
    environ: Mapping[str, str] | None = None,
) -> Message:
    """Write a 0600 temp file, run the editor on it (no shell), read it back, delete it."""
    command = editor_command(environ)
    fd, name = tempfile.mkstemp(prefix="netui-draft-", suffix=".txt")
    path = Path(name)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(to_file_text(message, has_subject))
        try:
            completed = run([*command, str(path)], check=False)
        except FileNotFoundError:
            raise EditorError(f"The editor '{command[0]}' was not found: set $EDITOR.") from None
        if completed.returncode != 0:
            raise EditorError(
                f"The editor exited with status {completed.returncode}: the message is unchanged."
            )
        text = path.read_text(encoding="utf-8", errors="replace")
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return from_file_text(text, has_subject, message.subject)


# ---- reopening a saved draft -----------------------------------------------------------


def draft_label(draft: DraftRow) -> str:
    intent, channel = intent_label(draft.intent), channel_label(draft.channel)
    what = draft.subject or draft.preview
    when = format_utc(draft.updated_at)[:10]
    return (
        f"[b]{escape(intent)}[/b] [dim]{escape(channel)} · {escape(draft.status)} · {when}[/dim]"
        f"\n  {escape(what[:70])}"
    )


class DraftPickerScreen(NetuiModal[int | None], keys="DraftPicker"):
    """This person's saved drafts, newest first; enter reopens one."""

    def __init__(self, drafts: Sequence[DraftRow]) -> None:
        super().__init__()
        self.drafts = list(drafts)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("[b]Saved drafts[/b] [dim]enter reopens · escape closes[/dim]")
            yield OptionList(
                *[Option(draft_label(d), id=str(d.id)) for d in self.drafts],
                id="composer-draft-list",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(int(event.option.id))

    def action_close(self) -> None:
        self.dismiss(None)


TONE_LABELS = {
    Tone.casual: "Casual (close)",
    Tone.warm: "Warm (friend)",
    Tone.polite: "Polite",
}


class CountLine(Widget):
    """The length against the channel's limit: repainted per keystroke, never re-laid out."""

    text: reactive[str] = reactive("", layout=False)

    def render(self) -> str:
        return self.text


class MessageArea(KeyTable, TextArea, keys="MessageArea"):
    """The body editor. ctrl+y belongs to the composer (copy), so redo moves to ctrl+r."""


@dataclass(frozen=True)
class Choice:
    template_key: str
    tone: Tone
    channel: Channel


class ComposerBase(NetuiScreen[None]):
    """What the composer's mixins (composer_drafts.py, composer_exits.py) use of each other
    and of ComposerScreen, which puts them together: the draft, the person, the text."""

    if TYPE_CHECKING:
        person_id: int
        draft_id: int | None
        status: str
        templates: TemplateSet
        recipient: Recipient
        _choice: Choice | None
        _saved: Message | None
        _rendered: Message
        _problems: list[str]

        def _save(self) -> bool: ...

        def _template(self, key: str) -> Template: ...

        def _current_choice(self) -> Choice: ...

        def _render_choice(self, choice: Choice) -> Message: ...

        def _apply_choice(self, choice: Choice) -> None: ...

        def _message(self) -> Message: ...

        def _edited(self) -> bool: ...

        def _refresh_status(self) -> None: ...

        def _write(
            self, message: Message, *, replace: bool = True, rendered: bool = True
        ) -> None: ...
