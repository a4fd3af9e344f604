"""The composer driven like a user drives it: real app, real temp database, real keys."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyperclip
import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, TextArea

from netui.app import NetuiApp, make_app
from netui.enums import DraftStatus, Stage
from netui.screens.composer import ComposerScreen, CountLine
from netui.screens.composer_parts import DraftPickerScreen
from netui.screens.dialogs import ConfirmScreen
from netui.settings import Settings
from netui.store import Store
from tests.conftest import NOW, TODAY


@pytest.fixture
def sam(store: Store) -> int:
    """A friend at Stripe who can introduce you (engaged: it's time to ask)."""
    pid = store.add_person(
        "Sam Rivera", company="Stripe", title="Account Executive", role="other_tech",
        closeness="friend", how_we_know="college", how_we_know_text="roommate sophomore year",
        email="sam@example.com", notes="Loves climbing.",
    )  # fmt: skip
    store.log_interaction(
        pid, "coffee", direction="out", at=NOW - timedelta(days=9), summary="Talked on-call"
    )
    return pid


@pytest.fixture
def priya(store: Store) -> int:
    """An engineer you met once, reachable on LinkedIn only."""
    return store.add_person(
        "Priya Patel", company="Google", title="Senior Software Engineer", role="engineer",
        closeness="met_once", linkedin_url="https://www.linkedin.com/in/priya-demo",
    )  # fmt: skip


@pytest.fixture
def quiet_clipboard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    copied: list[str] = []
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    return copied


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def open_composer(pilot: Pilot[Any], screen: ComposerScreen) -> ComposerScreen:
    await settle(pilot)
    await pilot.app.push_screen(screen)
    await settle(pilot)
    assert pilot.app.screen is screen
    return screen


def body(app: NetuiApp) -> TextArea:
    return app.screen.query_one("#composer-body", TextArea)


def text_of(app: NetuiApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def picked(app: NetuiApp, name: str) -> object:
    return app.screen.query_one(f"#composer-{name}", Select).value


def notices(app: NetuiApp) -> str:
    return " | ".join(str(n.message) for n in app._notifications)


def app_for(store: Store, settings: Settings) -> NetuiApp:
    return make_app(store, settings, today=lambda: TODAY)


# ---- composing ---------------------------------------------------------------------


async def test_opens_with_the_next_step_in_the_right_tone(
    store: Store, settings: Settings, sam: int
) -> None:
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        # engaged + knows engineers -> ask for an intro; friend -> warm; has email -> email
        assert (picked(app, "intent"), picked(app, "tone"), picked(app, "channel")) == (
            "intro",
            "warm",
            "email",
        )
        text = body(app).text
        assert text.startswith("Hi Sam,\n\nHope you're doing well, and thanks again for our coffee")
        assert "I build payment APIs in Python and Go." in text  # the blurb from settings
        subject = app.screen.query_one("#composer-subject", Input).value
        assert subject == "Could you introduce me to an engineer at Stripe?"
        assert "✓ A clear ask" in text_of(app, "#composer-lint")
        assert "To Sam Rivera · Account Executive at Stripe · friend → Warm" in text_of(
            app, "#composer-to"
        )
        assert body(app).has_focus
        assert store.drafts_for(sam) == []  # nothing saved until the user saves or copies


async def test_linkedin_note_for_someone_met_once(
    store: Store, settings: Settings, priya: int
) -> None:
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(priya))
        assert picked(app, "tone") == "polite"
        assert picked(app, "channel") == "linkedin_message"
        assert app.screen.query_one("#composer-subject-row").display is False
        app.screen.query_one("#composer-channel", Select).value = "linkedin_note"
        await settle(pilot)
        assert len(body(app).text) <= 300
        assert app.screen.query_one("#composer-length", CountLine).text.endswith("/ 300 characters")


async def test_the_lint_follows_typing(store: Store, settings: Settings, sam: int) -> None:
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        await pilot.press("f7", *"Hello there.")  # select all, type over it
        assert body(app).text == "Hello there."
        lint_text = text_of(app, "#composer-lint")
        assert "No clear ask" in lint_text
        assert "Nothing personal about them" in lint_text
        await pilot.press(*" How is Stripe?")
        lint_text = text_of(app, "#composer-lint")
        assert "No clear ask" not in lint_text
        assert "Nothing personal" not in lint_text
        await pilot.press(*" {blurb")
        await pilot.press("}")
        assert "{blurb} is not filled in" in text_of(app, "#composer-lint")


async def test_changing_tone_rewrites_and_undo_brings_the_words_back(
    store: Store, settings: Settings, sam: int
) -> None:
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        await pilot.press("f7", *"My own words?")
        app.screen.query_one("#composer-tone", Select).value = "casual"
        await settle(pilot)
        assert body(app).text.startswith("Hey Sam!")
        assert "ctrl+z brings your words back" in notices(app)
        body(app).focus()
        await pilot.press("ctrl+z")
        assert body(app).text == "My own words?"
        await pilot.press("ctrl+r")  # redo moved off ctrl+y
        assert body(app).text.startswith("Hey Sam!")


async def test_changing_channel_keeps_edited_words(
    store: Store, settings: Settings, sam: int
) -> None:
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        await pilot.press("f7", *"Sam, an intro at Stripe?")
        app.screen.query_one("#composer-channel", Select).value = "dm"
        await settle(pilot)
        assert body(app).text == "Sam, an intro at Stripe?"
        assert app.screen.query_one("#composer-subject-row").display is False


# ---- copy --------------------------------------------------------------------------


async def test_copy_saves_then_copies_while_the_body_has_focus(
    store: Store, settings: Settings, sam: int, quiet_clipboard: list[str]
) -> None:
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        await pilot.press("end", "!")  # an edit, then copy with the body focused
        expected = body(app).text
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert quiet_clipboard == [expected]
        assert body(app).text == expected  # ctrl+y did not redo anything in the editor
        (draft,) = store.drafts_for(sam)
        assert draft.status == DraftStatus.copied
        assert store.get_draft(draft.id).body == expected
        assert "Copied to the clipboard. Draft #1 saved." in notices(app)
        assert "Draft #1 · copied" in text_of(app, "#composer-status")


async def test_no_system_clipboard_sends_to_the_terminal_and_says_so(
    store: Store, settings: Settings, sam: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_clipboard(text: str) -> None:
        raise pyperclip.PyperclipException("could not find a copy/paste mechanism")

    monkeypatch.setattr(pyperclip, "copy", no_clipboard)
    app = app_for(store, settings)
    osc52: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", osc52.append)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert osc52 == [body(app).text]
        said = notices(app)
        assert "Sent to the terminal (OSC 52)" in said
        assert "can't confirm it arrived" in said
        assert "Draft #1 saved." in said
        assert store.drafts_for(sam)[0].status == DraftStatus.copied


async def test_a_hanging_clipboard_never_freezes_the_app(
    store: Store, settings: Settings, sam: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    monkeypatch.setattr(pyperclip, "copy", lambda text: release.wait(10))  # "sleeps" 10 s
    app = app_for(store, settings)
    osc52: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", osc52.append)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await open_composer(pilot, ComposerScreen(sam))
            copied = body(app).text
            await pilot.press("ctrl+y")
            await pilot.press("end", "Z")  # typing works while the clipboard hangs
            assert body(app).text.startswith("Hi Sam,Z\n")
            assert osc52 == []  # the copy is still waiting
            await settle(pilot)
            assert osc52 == [copied]
            assert "did not answer within 2 s" in notices(app)
            assert "Sent to the terminal" in notices(app)
    finally:
        release.set()


# ---- saving, reopening, leaving ----------------------------------------------------


async def test_save_and_reopen_a_draft(store: Store, settings: Settings, sam: int) -> None:
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        app.screen.query_one("#composer-channel", Select).value = "dm"
        await settle(pilot)
        await pilot.press("f7", *"Sam! Intro at Stripe?", "ctrl+s")
        assert "Draft #1 saved." in notices(app)
        await pilot.press("escape")
        await settle(pilot)
        await open_composer(pilot, ComposerScreen(sam, draft_id=1))
        assert body(app).text == "Sam! Intro at Stripe?"
        assert picked(app, "channel") == "dm"
        assert "Draft #1 · draft" in text_of(app, "#composer-status")


async def test_leaving_saves_what_was_typed(store: Store, settings: Settings, sam: int) -> None:
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        body(app).move_cursor(body(app).document.end)
        await pilot.press(*" PS: climbing soon?", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, ComposerScreen)
        (draft,) = store.drafts_for(sam)
        assert store.get_draft(draft.id).body.endswith("PS: climbing soon?")
        # opening and leaving without typing saves nothing
        await open_composer(pilot, ComposerScreen(sam))
        await pilot.press("escape")
        await settle(pilot)
        assert len(store.drafts_for(sam)) == 1


async def test_drafts_picker_reopens_another_draft(
    store: Store, settings: Settings, sam: int
) -> None:
    old = store.save_draft(
        sam, intent="meet", tone="casual", channel="dm", subject="", body="Coffee, Sam?"
    )
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, DraftPickerScreen)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ComposerScreen)
        assert screen.draft_id == old
        assert body(app).text == "Coffee, Sam?"
        assert (picked(app, "intent"), picked(app, "tone")) == ("meet", "casual")


# ---- mark sent ---------------------------------------------------------------------


async def test_mark_sent_logs_moves_the_stage_and_sets_the_follow_up(
    store: Store, settings: Settings, sam: int
) -> None:
    store.set_stage(sam, Stage.engaged)
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert not isinstance(app.screen, ComposerScreen)
        assert "Marked sent. Stage: asked; follow up in 5d." in notices(app)
    person = store.get_person(sam)
    assert person.stage == Stage.asked
    assert person.follow_up_on == TODAY + timedelta(days=5)
    entry = store.timeline(sam)[0]
    assert (entry.kind, entry.direction) == ("intro", "out")
    assert entry.summary == "Email: Could you introduce me to an engineer at Stripe?"
    (draft,) = store.drafts_for(sam)
    assert draft.status == DraftStatus.sent


async def test_the_meetings_follow_up_is_owed_until_sent(
    store: Store, settings: Settings, sam: int
) -> None:
    meeting = store.plan_meeting(sam, NOW - timedelta(hours=2), place="Ritual Coffee")
    store.mark_done(meeting)
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam, intent="follow_up"))
        assert picked(app, "intent") == "follow_up"
        assert "Thanks for your time" not in body(app).text
        assert body(app).text.startswith("Hi Sam,\n\nThank you again for our coffee today.")
        await pilot.press("ctrl+t", "y")
        await settle(pilot)
        assert "The meeting's follow-up is done." in notices(app)
    assert store.get_meeting(meeting).follow_up_owed is False


async def test_the_same_template_twice_is_flagged(
    store: Store, settings: Settings, sam: int
) -> None:
    sent = store.save_draft(
        sam, intent="intro", tone="warm", channel="email", subject="s",
        body="Hi Sam, intro at Stripe?", template_key="intro",
    )  # fmt: skip
    store.mark_sent(sent)
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam, intent="intro"))
        assert "You already sent this template to Sam" in text_of(app, "#composer-lint")


# ---- other ways out ----------------------------------------------------------------


async def test_edit_in_editor_with_a_private_temp_file(
    store: Store, settings: Settings, sam: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "editor-saw.txt"
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import os, sys\n"
        "path = sys.argv[1]\n"
        f"open({str(report)!r}, 'w').write(oct(os.stat(path).st_mode & 0o777) + '\\n' + path)\n"
        "text = open(path).read()\n"
        "text = text.replace('Subject: ', 'Subject: [edited] ', 1)\n"
        "open(path, 'w').write(text.rstrip('\\n') + '\\nWritten in my editor?\\n')\n"
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {editor}")
    app = app_for(store, settings)
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        before = body(app).text
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert body(app).text == before + "\nWritten in my editor?"
        subject = app.screen.query_one("#composer-subject", Input).value
        assert subject == "[edited] Could you introduce me to an engineer at Stripe?"
        mode, path = report.read_text().split("\n")
        assert mode == "0o600"
        assert not Path(path).exists()  # the temp file is gone
        await pilot.press("ctrl+z")
        assert body(app).text == before


async def test_a_missing_editor_is_explained(
    store: Store, settings: Settings, sam: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", "no-such-editor-netui")
    app = app_for(store, settings)
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        before = body(app).text
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert "The editor 'no-such-editor-netui' was not found: set $EDITOR." in notices(app)
        assert body(app).text == before


async def test_mail_app_opens_a_quoted_mailto_and_nothing_else(
    store: Store, settings: Settings, sam: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    monkeypatch.setenv("DISPLAY", ":0")
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert len(opened) == 1
        assert opened[0].startswith(
            "mailto:sam@example.com?subject=Could%20you%20introduce%20me%20to%20an%20engineer"
        )
        assert "&body=Hi%20Sam%2C%0D%0A%0D%0AHope" in opened[0]
        assert "Opened in your mail app" in notices(app)
        assert len(store.drafts_for(sam)) == 1  # saved first
        app.screen.query_one("#composer-channel", Select).value = "dm"
        await settle(pilot)
        await pilot.press("ctrl+l")  # not an email: the key does nothing
        await settle(pilot)
        assert len(opened) == 1


async def test_no_desktop_no_mail_app(
    store: Store, settings: Settings, sam: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert opened == []
        assert "No desktop to open a mail app from here" in notices(app)


async def test_an_unknown_person_is_said_and_the_screen_closes(
    store: Store, settings: Settings
) -> None:
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await app.push_screen(ComposerScreen(4242))
        await settle(pilot)
        assert not isinstance(app.screen, ComposerScreen)
        assert "There is no person #4242." in notices(app)


async def test_a_broken_user_template_is_reported_not_fatal(
    store: Store, settings: Settings, sam: int
) -> None:
    folder = Path(os.environ["NETUI_CONFIG_DIR"]) / "templates"
    folder.mkdir(parents=True)
    (folder / "intro.toml").write_text("[warm\n")
    app = app_for(store, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_composer(pilot, ComposerScreen(sam))
        assert "intro.toml: not valid TOML" in notices(app)
        assert body(app).text.startswith("Hi Sam,")


def test_composer_snapshot(store: Store, settings: Settings, sam: int, snap_compare: Any) -> None:
    app = app_for(store, settings)

    async def ready(pilot: Pilot[Any]) -> None:
        await open_composer(pilot, ComposerScreen(sam))
        await pilot.press("f7", *"Hi Sam! Coffee soon")

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
