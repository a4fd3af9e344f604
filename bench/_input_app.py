"""The floor for bench/tmux.py: a trivial Textual app whose Input echoes what is typed."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, Static


class EchoApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(placeholder="type")
        yield Static("echo: ", id="echo")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.query_one("#echo", Static).update("echo ready")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#echo", Static).update(f"echo: <{event.value}>")


if __name__ == "__main__":
    EchoApp().run()
