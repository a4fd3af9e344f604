"""Settings: who you are (used in every message) and your defaults."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Static, TextArea

from netui.errors import NetuiError
from netui.screens.dialogs import FormModal, dialog_buttons, dialog_title
from netui.settings import save_settings
from netui.textsafe import escape_markup as escape

FIELDS = (
    ("my_name", "Your name (signs your messages; you in WhatsApp chats)", "Alex Morgan"),
    ("my_emails", "Your mail addresses, comma-separated (you in a mail archive)",
     "alex@example.com, alex.morgan@work.example"),
    ("target_role", "The role you are looking for", "backend engineer"),
    ("blurb", "One or two sentences about you, in the first person (intro requests)",
     "I'm a backend engineer with 4 years of Python…"),
    ("city", "Your city (meeting places near them and you)", "Berlin"),
    ("follow_up_days", "Days before a follow-up is due after you write", "5"),
)  # fmt: skip
MULTILINE = frozenset({"blurb"})


class SettingsScreen(FormModal[bool], keys="Settings"):
    """ctrl+s saves to settings.toml (0600); escape leaves them as they were."""

    BUTTONS = {"save": "save"}

    def compose(self) -> ComposeResult:
        settings = self.settings
        with VerticalScroll(classes="dialog wide"):
            yield dialog_title("Settings", "ctrl+s saves")
            for key, label, placeholder in FIELDS:
                yield Label(label, classes="field-label")
                value = str(getattr(settings, key))
                if key in MULTILINE:  # a blurb is a few sentences: shown whole, wrapped
                    yield TextArea(
                        value, id=f"s-{key}", classes="notes", soft_wrap=True,
                        placeholder=placeholder,
                    )  # fmt: skip
                else:
                    yield Input(value, placeholder=placeholder, id=f"s-{key}")
            yield Static("", id="settings-error", classes="error")
            yield dialog_buttons(("Save (ctrl+s)", "save"))

    def on_mount(self) -> None:
        self.query_one("#s-my_name", Input).focus()  # typing goes somewhere at once

    def _value(self, key: str) -> str:
        if key in MULTILINE:
            return self.query_one(f"#s-{key}", TextArea).text.strip()
        return self.query_one(f"#s-{key}", Input).value.strip()

    def action_save(self) -> None:
        values = {key: self._value(key) for key, _, _ in FIELDS}
        days = values.pop("follow_up_days")
        if not days.isdigit() or not 1 <= int(days) <= 365:
            self.query_one("#settings-error", Static).update(
                "Not saved: follow-up days must be a whole number from 1 to 365, "
                f"not '{escape(days)}'."
            )
            return
        updated = replace(
            self.settings,
            my_name=values["my_name"],
            my_emails=values["my_emails"],
            target_role=values["target_role"],
            blurb=values["blurb"],
            city=values["city"],
            follow_up_days=int(days),
        )
        try:
            save_settings(updated, demo=self.netui.demo)
        except (NetuiError, OSError) as exc:
            self.query_one("#settings-error", Static).update(f"Not saved: {escape(str(exc))}")
            return
        self.netui.settings = updated
        self.store.follow_up_days = updated.follow_up_days
        self.dismiss(True)
