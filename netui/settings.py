"""User settings in `settings.toml` in the config folder: who I am and my defaults."""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from netui.errors import InputError
from netui.path_strength import DEFAULT_MAX_HOPS
from netui.paths import config_dir

SETTINGS_FILE = "settings.toml"
# `netui --demo` keeps its own settings: the demo's profile never reaches your real ones.
DEMO_SETTINGS_FILE = "demo-settings.toml"


@dataclass
class Settings:
    my_name: str = ""
    # Your own mail addresses, separated by commas: who "you" are in a mail archive (when
    # empty, netui takes the address in most messages and says so in the preview).
    my_emails: str = ""
    target_role: str = "software engineer"
    blurb: str = ""
    follow_up_days: int = 5
    # Keep in touch (days without contact before someone is "going cold"; 0: never).
    cadence_close_days: int = 21
    cadence_friend_days: int = 42
    cadence_acquaintance_days: int = 90
    cadence_met_once_days: int = 0
    weekly_goal: int = 5  # conversations a week (Today's progress line, the Progress chart)
    city: str = ""
    backups_kept: int = 10
    busy_timeout: int = 5  # seconds a command waits for another program writing the database
    path_max_hops: int = DEFAULT_MAX_HOPS  # links walked from someone you know, at most
    theme: str = ""  # a Textual theme name ('' = the default); the palette's picker saves it
    # [keymap] table: binding id = "keys", as Textual's keymap (e.g. quit = "ctrl+q,f10")
    keymap: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # One line per entry of the file that was ignored (shown by the app, never saved).
        self.notices: list[str] = []

    @property
    def my_email_list(self) -> tuple[str, ...]:
        return tuple(a.strip() for a in self.my_emails.replace(";", ",").split(",") if a.strip())

    @property
    def my_first_name(self) -> str:
        return self.my_name.split()[0] if self.my_name.strip() else ""


def demo_profile() -> Settings:
    """The demo's own user, until the demo's settings are saved."""
    return Settings(
        my_name="Alex Morgan",
        blurb=(
            "I'm a backend engineer with 4 years of Python and Go, looking for a "
            "software-engineering role on a payments or infrastructure team."
        ),
    )


def settings_path(folder: Path | None = None, *, demo: bool = False) -> Path:
    return (folder or config_dir()) / (DEMO_SETTINGS_FILE if demo else SETTINGS_FILE)


def load_settings(folder: Path | None = None, *, demo: bool = False) -> Settings:
    """Read settings; a missing file gives defaults, a bad one a one-line error."""
    path = settings_path(folder, demo=demo)
    if not path.exists():
        return demo_profile() if demo else Settings()
    notices: list[str] = []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc}).") from None
    try:
        raw: dict[str, object] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        rest = _without_keymap(text)
        if rest is None:
            raise InputError(f"{path}: not valid TOML ({exc}).") from None
        raw = rest
        notices.append(f"{path}: the [keymap] table is not valid TOML ({exc}); it was ignored.")
    settings = Settings()
    settings.notices.extend(notices)
    _load_look(settings, raw, path)
    if "going_cold_days" in raw:  # the name before the cadences per closeness
        raw.setdefault("cadence_acquaintance_days", raw.pop("going_cold_days"))
    for f in fields(Settings):
        if f.name not in raw:
            continue
        value = raw[f.name]
        expected = type(getattr(settings, f.name))
        if not isinstance(value, expected) or isinstance(value, bool):
            raise InputError(f"{path}: '{f.name}' must be a {expected.__name__}.")
        if isinstance(value, int) and value < 0:
            raise InputError(f"{path}: '{f.name}' must be 0 or more, not {value}.")
        setattr(settings, f.name, value)
    return settings


def _without_keymap(text: str) -> dict[str, object] | None:
    """The file without its [keymap] table, if that table is what made it invalid (a
    mistyped key binding must never stop netui from starting)."""
    lines = text.splitlines()
    out: list[str] = []
    skipping = False
    for line in lines:
        header = line.strip()
        if header.startswith("[") and not header.startswith("[["):
            skipping = header.replace(" ", "") == "[keymap]"
        if not skipping:
            out.append(line)
    if len(out) == len(lines):
        return None
    try:
        return tomllib.loads("\n".join(out))
    except tomllib.TOMLDecodeError:
        return None


def _load_look(settings: Settings, raw: dict[str, object], path: Path) -> None:
    """theme and [keymap]: a bad entry is left out with a notice naming it, never an error."""
    theme = raw.pop("theme", "")
    if isinstance(theme, str):
        settings.theme = theme.strip()
    else:
        settings.notices.append(f"{path}: theme must be a name in quotes; it was ignored.")
    keymap = raw.pop("keymap", {})
    if not isinstance(keymap, dict):
        settings.notices.append(f"{path}: keymap must be a [keymap] table; it was ignored.")
        return
    for binding_id, keys in keymap.items():
        if isinstance(keys, str) and keys.strip():
            settings.keymap[str(binding_id)] = keys.strip()
        elif isinstance(keys, str):
            settings.notices.append(
                f'{path}: [keymap] {binding_id} has no keys; write some, like "ctrl+n"; ignored.'
            )
        else:
            settings.notices.append(
                f'{path}: [keymap] {binding_id} needs keys in quotes, like "ctrl+n"; ignored.'
            )


def _toml_value(value: object) -> str:
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def save_settings(settings: Settings, folder: Path | None = None, *, demo: bool = False) -> Path:
    path = settings_path(folder, demo=demo)
    values = asdict(settings)
    keymap: dict[str, str] = values.pop("keymap")
    body = "".join(f"{k} = {_toml_value(v)}\n" for k, v in values.items())
    if keymap:
        body += "\n[keymap]\n" + "".join(
            f"{_toml_value(k)} = {_toml_value(v)}\n" for k, v in keymap.items()
        )
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(body)
    os.replace(tmp, path)
    return path
