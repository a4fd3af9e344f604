"""The composer's drafts: reopen one, save, pick another, leave (saving first), mark sent."""

from __future__ import annotations

from textual.widgets import TextArea

from netui.compose import CHANNELS, Channel, Intent, Message, Tone
from netui.errors import NetuiError
from netui.screens.composer_parts import Choice, ComposerBase, DraftPickerScreen
from netui.store.drafts import SentDraft
from netui.textsafe import escape_markup as escape
from netui.timeutil import relative_day


class ComposerDrafts(ComposerBase):
    """Drafts and sending; ComposerScreen supplies the text, the pickers and the check."""

    # ---- reopening a draft --------------------------------------------------------

    def _draft_choice(self, draft_id: int) -> tuple[Choice, Message] | None:
        """A saved draft's choice and text, or None (and a message saying why)."""
        try:
            draft = self.store.get_draft(draft_id)
        except NetuiError as exc:
            self._problems.append(str(exc))
            return None
        if draft.person_id != self.person_id:
            self._problems.append(f"Draft #{draft_id} is for someone else.")
            return None
        key = draft.template_key if draft.template_key in self.templates.templates else ""
        if not key:
            key = self.templates.default_for(Intent(draft.intent)).key
        self.status = str(draft.status)
        choice = Choice(key, Tone(draft.tone), Channel(draft.channel))
        return choice, Message(draft.subject, draft.body)

    def _load_draft(self, draft_id: int) -> None:
        """Reopen another saved draft in place (from the drafts picker)."""
        self._problems = []
        loaded = self._draft_choice(draft_id)
        for problem in self._problems:
            self.notify(problem, severity="error")
        if loaded is None:
            return
        choice, message = loaded
        self.draft_id = draft_id
        self._apply_choice(choice)
        self._rendered = self._render_choice(choice)
        self._saved = message
        self._write(message, rendered=False)
        self.query_one("#composer-body", TextArea).focus()

    # ---- saving -------------------------------------------------------------------

    def _save(self) -> bool:
        choice = self._current_choice()
        message = self._message()
        template = self._template(choice.template_key)

        def saved(draft_id: int) -> None:
            self.draft_id = draft_id
            self.status = self.status or "draft"
            self._saved = message
            self._refresh_status()

        return self.attempt(
            lambda: self.store.save_draft(
                self.person_id,
                intent=template.intent.value,
                tone=choice.tone.value,
                channel=choice.channel.value,
                subject=message.subject,
                body=message.body,
                template_key=template.key,
                draft_id=self.draft_id,
            ),
            saved,
        )

    def action_save(self) -> None:
        if self._choice is not None and self._save():
            self.notify(f"Draft #{self.draft_id} saved.")

    def action_back(self) -> None:
        """Leave; a changed message is saved first, so nothing typed is lost."""
        unsaved = self._choice is not None and self._edited() and self._message() != self._saved
        if unsaved:
            if not self._save():
                return  # not saved (said why): stay, so nothing typed is lost
            self.notify(f"Draft #{self.draft_id} saved.")
        self.dismiss(None)

    def action_pick_draft(self) -> None:
        drafts = self.store.drafts_for(self.person_id)
        if not drafts:
            self.notify(f"No saved drafts for {self.recipient.first_name or 'them'} yet.")
            return

        def chosen(draft_id: int | None) -> None:
            if draft_id is None or draft_id == self.draft_id:
                return
            if self._edited() and self._message() != self._saved:
                self._save()
            self._load_draft(draft_id)

        self.app.push_screen(DraftPickerScreen(drafts), chosen)

    def action_mark_sent(self) -> None:
        from netui.screens.dialogs import ConfirmScreen

        if self._choice is None:
            return
        spec = CHANNELS[self._current_choice().channel]
        name = self.recipient.first_name or self.recipient.full_name

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._mark_sent()

        question = (
            f"Mark this {spec.label.lower()} as sent? It goes on {escape(name)}'s timeline and "
            "sets the follow-up date."
        )
        self.app.push_screen(ConfirmScreen(question, yes="Mark sent"), confirmed)

    def _mark_sent(self) -> None:
        if not self._save():
            return
        draft_id = self.draft_id
        assert draft_id is not None

        def sent(result: SentDraft) -> None:
            when = (
                f"follow up {relative_day(result.follow_up_on, self.today())}"
                if result.follow_up_on
                else "no follow-up date"
            )
            settled = " The meeting's follow-up is done." if result.settled_meetings else ""
            self.notify(f"Marked sent. Stage: {result.stage.value}; {when}.{settled}", title="Sent")
            self.dismiss(None)

        self.attempt(lambda: self.store.mark_sent(draft_id), sent)
