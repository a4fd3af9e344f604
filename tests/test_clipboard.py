"""Copying: the system clipboard when it works, OSC 52 when it fails or hangs."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pyperclip
import pytest
from textual.app import App

from netui.clipboard import CopyRoute, copy_text

TEXT = "Hi Priya,\nwould you be up for a coffee? ☕"


class Recorder(App[None]):
    """A bare app that records what it sends to the terminal with OSC 52."""

    def __init__(self) -> None:
        super().__init__()
        self.osc52: list[str] = []

    def copy_to_clipboard(self, text: str) -> None:
        self.osc52.append(text)
        super().copy_to_clipboard(text)


async def test_system_clipboard_used_when_pyperclip_works(monkeypatch: pytest.MonkeyPatch) -> None:
    copied: list[str] = []
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    app = Recorder()
    async with app.run_test():
        result = await copy_text(app, TEXT)
    assert copied == [TEXT]
    assert result.route is CopyRoute.system
    assert result.message == "Copied to the clipboard."
    assert app.osc52 == []


async def test_pyperclip_exception_falls_back_to_osc52(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TMUX", raising=False)

    def no_clipboard(text: str) -> None:
        raise pyperclip.PyperclipException("Pyperclip could not find a copy/paste mechanism")

    monkeypatch.setattr(pyperclip, "copy", no_clipboard)
    app = Recorder()
    async with app.run_test():
        result = await copy_text(app, TEXT)
    assert result.route is CopyRoute.terminal
    assert app.osc52 == [TEXT]
    assert app.clipboard == TEXT
    assert result.message.startswith("Sent to the terminal (OSC 52) because no system clipboard")
    assert "can't confirm" in result.message


async def test_any_other_failure_falls_back_too(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str) -> None:
        raise OSError("xclip: cannot open display")

    monkeypatch.setattr(pyperclip, "copy", broken)
    app = Recorder()
    async with app.run_test():
        result = await copy_text(app, TEXT)
    assert result.route is CopyRoute.terminal
    assert "the system clipboard failed (OSError)" in result.message
    assert app.osc52 == [TEXT]


async def test_a_hanging_clipboard_times_out_and_the_loop_keeps_running(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = threading.Event()
    monkeypatch.setattr(pyperclip, "copy", lambda text: release.wait(10))
    app = Recorder()
    ticks: list[int] = []

    async def tick() -> None:
        for i in range(5):
            ticks.append(i)
            await asyncio.sleep(0.01)

    async with app.run_test():
        result, _ = await asyncio.gather(copy_text(app, TEXT, timeout=0.3), tick())
    release.set()
    assert ticks == [0, 1, 2, 3, 4]  # the event loop ran while the clipboard hung
    assert result.route is CopyRoute.terminal
    assert "did not answer within 0.3 s" in result.message
    assert app.osc52 == [TEXT]


async def test_late_answer_after_the_app_closed_is_harmless(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = threading.Event()
    finished = threading.Event()

    def slow(text: str) -> Any:
        release.wait(5)
        finished.set()

    monkeypatch.setattr(pyperclip, "copy", slow)
    app = Recorder()
    async with app.run_test():
        result = await copy_text(app, TEXT, timeout=0.05)
    assert result.route is CopyRoute.terminal
    release.set()
    assert finished.wait(5)


async def test_inside_tmux_the_notice_says_how_to_let_osc52_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_clipboard(text: str) -> None:
        raise pyperclip.PyperclipException("no mechanism")

    monkeypatch.setattr(pyperclip, "copy", no_clipboard)
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    app = Recorder()
    async with app.run_test():
        result = await copy_text(app, TEXT)
    assert result.message.endswith("In tmux, 'set -g set-clipboard on' lets it through.")
