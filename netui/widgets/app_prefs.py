"""The app's share of the user's preferences: their [keymap] (checked against the key table
in netui/keys.py and applied in NetuiApp.__init__, shown in the keys list) and the theme
(applied at start, saved when changed from the palette)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from netui.keymap import theme_notice
from netui.settings import Settings
from netui.widgets.bindings import KeyTable

if TYPE_CHECKING:
    from textual.binding import BindingType
    from textual.theme import Theme


class PreferencesApp(KeyTable, App[None]):
    """Keymap and theme handling for NetuiApp (which sets these attributes)."""

    settings: Settings
    demo: bool
    user_keymap: dict[str, str]
    startup_notices: list[str]

    @property
    def _settings_name(self) -> str:
        from netui.settings import settings_path

        return settings_path(demo=self.demo).name

    def keys_of(self, binding: BindingType) -> str:
        """A binding's keys as the user has them (their [keymap] applied)."""
        if not isinstance(binding, Binding):
            return binding[0]
        return self.user_keymap.get(binding.id, binding.key) if binding.id else binding.key

    def _apply_theme(self) -> None:
        """The saved theme; a theme picked later (ctrl+p, Theme) is saved in settings."""
        notice = theme_notice(self.settings.theme, self.available_themes, self._settings_name)
        if notice is not None:
            self.startup_notices.append(notice)
        elif self.settings.theme:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name == self.settings.theme:
            return
        from netui.settings import save_settings

        self.settings.theme = theme.name
        try:
            save_settings(self.settings, demo=self.demo)
        except OSError as exc:
            self.notify(f"The theme could not be saved ({exc.strerror}).", severity="error")
