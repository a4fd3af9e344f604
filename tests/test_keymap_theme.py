"""User keymaps and themes: saved in settings.toml, applied by the real app, shown by `?`;
a bad entry is named in one notice and never stops netui from starting."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from netui.app import make_app
from netui.keymap import check_keymap
from netui.paths import config_dir
from netui.screens.keys import KeysScreen, binding_ids
from netui.settings import Settings, load_settings, save_settings, settings_path
from netui.store import Store
from tests.conftest import TODAY


def _write(text: str) -> Path:
    path = settings_path()
    path.write_text(text, encoding="utf-8")
    return path


def _notices(app: object) -> list[str]:
    return [n.message for n in getattr(app, "_notifications")]  # noqa: B009


def test_keymap_and_theme_round_trip_through_the_file() -> None:
    config_dir()
    settings = Settings(my_name="Alex", theme="nord", keymap={"quit": "ctrl+q,f10", "find": "f"})
    path = save_settings(settings)
    assert '\n[keymap]\n"quit" = "ctrl+q,f10"\n"find" = "f"\n' in path.read_text()
    loaded = load_settings()
    assert (loaded.theme, loaded.keymap, loaded.notices) == ("nord", settings.keymap, [])


def test_bad_entries_are_left_out_with_a_notice_naming_each() -> None:
    config_dir()
    _write('my_name = "Alex"\ntheme = 3\n[keymap]\nquit = 7\nfind = "ctrl + f"\nadd = "n"\n')
    settings = load_settings()
    assert settings.my_name == "Alex" and settings.theme == ""
    assert len(settings.notices) == 2
    assert "theme must be a name" in settings.notices[0]
    assert "[keymap] quit needs keys in quotes" in settings.notices[1]
    good, notices = check_keymap(settings.keymap, None, "settings.toml")
    assert good == {"add": "n"}
    assert notices == ['settings.toml: [keymap] find = "ctrl + f" \'ctrl + f\' has a space in it '
                       "(write ctrl+n, not ctrl + n); ignored."]  # fmt: skip


def test_an_unquoted_keymap_value_does_not_stop_the_rest_loading() -> None:
    config_dir()
    _write('my_name = "Alex"\n\n[keymap]\nquit = ctrl+q\n')
    settings = load_settings()
    assert settings.my_name == "Alex" and settings.keymap == {}
    [notice] = settings.notices
    assert "[keymap] table is not valid TOML" in notice and "line 4" in notice


async def test_a_remapped_key_works_and_the_help_shows_it(store: Store) -> None:
    settings = Settings(keymap={"keys": "f2", "find": "f"})
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        words = " ".join(" ".join(str(w.render()) for w in app.screen.query(Static)).split())
        assert "f Find" in words and "f2 This help" in words
        assert "/ Find" not in words
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "filter"


async def test_an_unknown_binding_id_is_named_and_netui_starts(store: Store) -> None:
    settings = Settings(keymap={"frobnicate": "x", "find": "f"})
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "PeopleScreen"
        assert any("[keymap] frobnicate is not a netui key binding" in n for n in _notices(app))


def test_every_binding_id_is_known() -> None:
    ids = binding_ids()
    assert {"find", "quit", "keys", "add"} <= ids


async def test_the_theme_is_applied_and_a_picked_theme_is_saved(store: Store) -> None:
    config_dir()
    settings = Settings(theme="nord")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        app.theme = "gruvbox"  # what the palette's theme picker does
        await pilot.pause()
    assert load_settings().theme == "gruvbox"


async def test_an_unknown_theme_is_named_and_the_default_used(store: Store) -> None:
    settings = Settings(theme="no-such-theme")
    app = make_app(store, settings, today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert any("theme 'no-such-theme' is not a theme" in n for n in _notices(app))


def test_netui_keys_lists_ids_with_the_users_keys(tmp_path: Path) -> None:
    import subprocess
    import sys

    config_dir()
    _write('[keymap]\nfind = "f"\n')
    result = subprocess.run(
        [sys.executable, "-m", "netui", "--db", str(tmp_path / "k.db"), "keys"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert ["find", "f", "Find", "People"] in rows
    assert ["quit", "ctrl+q", "Quit", "App"] in rows


def test_an_empty_key_string_is_said_to_have_no_keys() -> None:
    config_dir()
    _write('[keymap]\nquit = ""\n')
    settings = load_settings()
    assert settings.keymap == {}
    assert len(settings.notices) == 1 and "[keymap] quit has no keys" in settings.notices[0]
