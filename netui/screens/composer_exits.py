"""The composer's ways out: copy (clipboard or OSC 52), $EDITOR, the mail app."""

from __future__ import annotations

from textual import work

from netui.clipboard import CopyRoute, copy_text
from netui.compose import CHANNELS
from netui.errors import NetuiError
from netui.mailto import can_open_links, mailto_url, open_link
from netui.screens.composer_parts import ComposerBase, EditorError, edit_in_editor


class ComposerExits(ComposerBase):
    """Copy and the other exits; ComposerScreen supplies the draft and its text."""

    # ---- copy ---------------------------------------------------------------------

    def action_copy(self) -> None:
        """Save, then copy the body: the system clipboard, or the terminal (OSC 52)."""
        if self._choice is None or not self._save():
            return
        self._copy_worker(self._message().body)

    @work(exclusive=True, group="composer-copy")
    async def _copy_worker(self, text: str) -> None:
        result = await copy_text(self.app, text)
        draft_id = self.draft_id
        if draft_id is not None and self.attempt(lambda: self.store.mark_copied(draft_id)):
            self.status = "copied" if self.status == "draft" else self.status
        saved = f" Draft #{self.draft_id} saved."
        if result.route is CopyRoute.system:
            self.notify(result.message + saved, title="Copied")
        else:
            self.notify(result.message + saved, title="Sent to the terminal", timeout=10)
        if self.is_mounted:
            self._refresh_status()

    # ---- other ways out -----------------------------------------------------------

    def action_edit_outside(self) -> None:
        """Edit in $VISUAL / $EDITOR: the app steps aside, a 0600 temp file, read back."""
        if self._choice is None:
            return
        message = self._message()
        has_subject = CHANNELS[self._current_choice().channel].has_subject
        try:
            with self.app.suspend():
                edited = edit_in_editor(message, has_subject)
        except EditorError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return
        except Exception as exc:  # SuspendNotSupported and the like: say it, don't crash
            self.notify(f"Can't hand the terminal to an editor here ({exc}).", severity="error")
            return
        if edited != message:
            self._write(edited, rendered=False)
            self.notify("Edited in your editor: ctrl+z undoes it.")

    def action_open_mail(self) -> None:
        if self._choice is None:
            return
        if not can_open_links():
            self.notify(
                "No desktop to open a mail app from here: copy it with ctrl+y instead.",
                severity="warning",
            )
            return
        if not self._save():
            return
        message = self._message()
        self._open_worker(mailto_url(self.recipient.email, message.subject, message.body))

    @work(thread=True, exclusive=True, group="composer-open")
    def _open_worker(self, url: str) -> None:
        try:
            opened = open_link(url)
        except NetuiError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        text = (
            "Opened in your mail app: send it there, then ctrl+t marks it sent."
            if opened
            else "No mail app answered: copy it with ctrl+y instead."
        )
        self.app.call_from_thread(self.notify, text)
