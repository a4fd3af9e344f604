"""The composer: a personalized message from a template, a live lint, copy, send, mark sent.

This screen lays out the pickers and the editor and keeps the check current; saving,
reopening and marking drafts sent is composer_drafts.py, copy and the other ways out
composer_exits.py, the widgets and the drafts picker composer_parts.py.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Input, Label, Select, Static, TextArea

from netui.compose import (
    CHANNELS,
    Channel,
    Intent,
    Message,
    Template,
    Tone,
    render,
    suggested_intent,
    tone_for,
)
from netui.errors import NetuiError
from netui.message_lint import length_label, lint
from netui.recipient import (
    INTRO_TO_PERSON,
    IntroTarget,
    Recipient,
    Sender,
    placeholder_values,
    with_intro,
)
from netui.screens.composer_drafts import ComposerDrafts
from netui.screens.composer_exits import ComposerExits
from netui.screens.composer_parts import (
    TONE_LABELS,
    Choice,
    CountLine,
    MessageArea,
    lint_markup,
    recipient_line,
)
from netui.templates import TemplateSet, default_templates
from netui.widgets.footer import Footer


class ComposerScreen(ComposerDrafts, ComposerExits, keys="Composer"):
    """Write to one person: pick intent, channel and tone; edit; copy or send; mark sent."""

    # Priority bindings fire while the body or the subject has focus; none of these keys
    # is a TextArea or Input editing key (ctrl+a/e/k/u/w/z/d/x/c/v).

    def __init__(
        self,
        person_id: int,
        intent: str | None = None,
        draft_id: int | None = None,
        intro_to: IntroTarget | None = None,
    ) -> None:
        super().__init__()
        self.person_id = person_id
        self.requested_intent = intent
        self.draft_id = draft_id
        self.intro_to = intro_to  # from a path: the person to ask them to introduce you to
        self.status = ""  # draft / copied / sent, once saved
        self.templates = TemplateSet()
        self.recipient = Recipient()
        self._rendered = Message("", "")  # the text as the template last wrote it
        self._saved: Message | None = None  # the text as last saved
        self._choice: Choice | None = None
        self._start = Message("", "")  # what the editor opens with
        self._problems: list[str] = []  # said once the screen is up
        self._failed = ""  # the person could not be read: say so and leave
        self._shown: dict[str, str] = {}  # what each Static shows now

    # ---- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        self._prepare()
        choice = self._current_choice()
        yield Header()
        yield Static("", id="composer-to")
        with Horizontal(id="composer-pickers"):
            yield Select[str](
                [(t.label, t.key) for t in self.templates.ordered()],
                value=choice.template_key,
                id="composer-intent",
                allow_blank=False,
                compact=True,
            )
            yield Select[str](
                [(spec.label, ch.value) for ch, spec in CHANNELS.items()],
                value=choice.channel.value,
                id="composer-channel",
                allow_blank=False,
                compact=True,
            )
            yield Select[str](
                [(label, tone.value) for tone, label in TONE_LABELS.items()],
                value=choice.tone.value,
                id="composer-tone",
                allow_blank=False,
                compact=True,
            )
        with Horizontal(id="composer-subject-row"):
            yield Label("Subject ", id="composer-subject-label")
            yield Input(id="composer-subject", compact=True, placeholder="Subject")
        with Horizontal(id="composer-main"):
            with Vertical(id="composer-left"):
                yield MessageArea(id="composer-body", soft_wrap=True)
                yield Static("", id="composer-status")
            with VerticalScroll(id="composer-side") as side:
                side.border_title = "Check"
                yield CountLine(id="composer-length")
                yield Static("", id="composer-lint")
        yield Footer()

    def _prepare(self) -> None:
        """Templates, what we know about them, and the first choice: before the widgets exist,
        so the pickers start on the right values."""
        self.templates = default_templates()
        self._problems = list(self.templates.problems)
        first = self.templates.default_for(Intent.reconnect)
        self._choice = Choice(first.key, Tone.polite, Channel.email)
        try:
            self.recipient = self.store.recipient_for(self.person_id)
        except NetuiError as exc:
            self._failed = str(exc)
            return
        if self.intro_to is not None:
            self.recipient = with_intro(self.recipient, self.intro_to)
        if self.draft_id is not None:
            loaded = self._draft_choice(self.draft_id)
            if loaded is not None:
                self._choice, self._start = loaded
                self._saved = self._start
                self._rendered = self._render_choice(self._choice)
                return
            self.draft_id = None
        intent = self._requested_intent()
        template = self.templates.default_for(intent)
        named = self.templates.templates.get(INTRO_TO_PERSON)
        if self.intro_to is not None and intent is Intent.intro and named is not None:
            template = named
        self._choice = Choice(
            template.key, tone_for(self.recipient.closeness), self._first_channel()
        )
        self._start = self._rendered = self._render_choice(self._choice)

    def on_mount(self) -> None:
        if self._failed:
            self.notify(self._failed, severity="error")
            self.app.pop_screen()
            return
        for problem in self._problems:
            self.notify(problem, title="Template skipped", severity="warning", timeout=8)
        self.sub_title = f"Message to {self.recipient.full_name}"
        self._apply_choice(self._current_choice())
        self._write(self._start, replace=False, rendered=False)
        self.query_one("#composer-body", TextArea).focus()

    def _requested_intent(self) -> Intent:
        if self.requested_intent:
            try:
                return Intent(self.requested_intent)
            except ValueError:
                self._problems.append(f"'{self.requested_intent}' is not an intent.")
        return suggested_intent(self.recipient)

    def _first_channel(self) -> Channel:
        try:
            return Channel(self.recipient.channel)
        except ValueError:
            return Channel.email

    # ---- state --------------------------------------------------------------------

    def _template(self, key: str) -> Template:
        return self.templates.templates[key]

    def _current_choice(self) -> Choice:
        assert self._choice is not None
        return self._choice

    def _render_choice(self, choice: Choice) -> Message:
        settings = self.settings
        sender = Sender(settings.my_name, settings.target_role, settings.blurb)
        values = placeholder_values(self.recipient, sender)
        return render(self._template(choice.template_key), choice.tone, choice.channel, values)

    def _apply_choice(self, choice: Choice) -> None:
        """Set the pickers without their Changed handlers rewriting the text."""
        self._choice = choice
        with self.prevent(Select.Changed):
            self.query_one("#composer-intent", Select).value = choice.template_key
            self.query_one("#composer-channel", Select).value = choice.channel.value
            self.query_one("#composer-tone", Select).value = choice.tone.value
        has_subject = CHANNELS[choice.channel].has_subject
        self.query_one("#composer-subject-row").display = has_subject
        self.refresh_bindings()

    def _message(self) -> Message:
        subject = self.query_one("#composer-subject", Input).value
        body = self.query_one("#composer-body", TextArea).text
        if not CHANNELS[self._current_choice().channel].has_subject:
            subject = ""
        return Message(subject, body)

    def _edited(self) -> bool:
        """Has the user changed the text since the template (or the saved draft) wrote it?"""
        message = self._message()
        reference = self._saved or self._rendered
        return message.body != reference.body or (
            bool(message.subject) and message.subject != reference.subject
        )

    def _write(self, message: Message, *, replace: bool = True, rendered: bool = True) -> None:
        """Put a message in the editor; `replace` keeps it undoable (ctrl+z)."""
        area = self.query_one("#composer-body", TextArea)
        if replace:
            area.replace(message.body, area.document.start, area.document.end)
        else:
            area.load_text(message.body)
        with self.prevent(Input.Changed):
            self.query_one("#composer-subject", Input).value = message.subject
        if rendered:
            self._rendered = message
        self._refresh_check()

    def _refresh_check(self) -> None:
        choice = self._current_choice()
        message = self._message()
        sent_before = self.store.template_sent_before(
            self.person_id, choice.template_key, exclude_draft_id=self.draft_id
        )
        issues = lint(message, choice.channel, self.recipient, sent_before=sent_before)
        self.query_one("#composer-length", CountLine).text = length_label(
            message.body, choice.channel
        )
        self._show("#composer-lint", lint_markup(issues, self.recipient))
        self._show("#composer-to", recipient_line(self.recipient, choice.tone, TONE_LABELS))
        self._refresh_status()

    def _show(self, selector: str, markup: str) -> None:
        """Update a Static only when its text changes (an update re-lays out the screen)."""
        if self._shown.get(selector) != markup:
            self._shown[selector] = markup
            self.query_one(selector, Static).update(markup)

    def _refresh_status(self) -> None:
        if self.draft_id is None:
            where = "Not saved yet"
        else:
            dirty = self._saved is None or self._message() != self._saved
            where = f"Draft #{self.draft_id} · {self.status}" + (" · changed" if dirty else "")
        keys = "ctrl+r redo · tab next field"
        self._show("#composer-status", f"{where}  [dim]{keys}[/dim]")

    # ---- pickers and typing -------------------------------------------------------

    @on(Select.Changed)
    def _picked(self, event: Select.Changed) -> None:
        if self._choice is None or event.value is Select.NULL:
            return
        old = self._choice
        value = str(event.value)
        if event.select.id == "composer-intent":
            choice = Choice(value, old.tone, old.channel)
        elif event.select.id == "composer-tone":
            choice = Choice(old.template_key, Tone(value), old.channel)
        else:
            choice = Choice(old.template_key, old.tone, Channel(value))
        if choice == old:
            return
        edited = self._edited()
        self._apply_choice(choice)
        only_channel = choice.template_key == old.template_key and choice.tone == old.tone
        if only_channel and edited:
            # Same words, another channel: keep the user's text, check it again.
            self._rendered = self._render_choice(choice)
            self._refresh_check()
            return
        self._write(self._render_choice(choice))
        if edited:
            self.notify("Rewrote it from the template: ctrl+z brings your words back.")

    @on(TextArea.Changed, "#composer-body")
    @on(Input.Changed, "#composer-subject")
    def _typed(self) -> None:
        if self._choice is not None:
            self._refresh_check()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_mail" and self._choice is not None:
            return self._choice.channel is Channel.email
        return True
