"""Undo for screens: the steps `u` takes back, newest first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from netui.errors import NetuiError


@dataclass
class Undo:
    """One step `u` takes back."""

    description: str
    revert: Callable[[], object]


class UndoStack:
    """A screen's undo history; `undo()` reports what happened through `notify`."""

    def __init__(self) -> None:
        self._steps: list[Undo] = []

    def __len__(self) -> int:
        return len(self._steps)

    def append(self, step: Undo) -> None:
        self._steps.append(step)

    def undo(self, notify: Callable[..., object]) -> bool:
        """Take back the newest step; True when something changed (the screen reloads)."""
        if not self._steps:
            notify("Nothing to undo.", timeout=2)
            return False
        step = self._steps.pop()
        try:
            step.revert()
        except NetuiError as exc:
            notify(str(exc), severity="error")
            return False
        notify(f"Undid the {step.description}.")
        return True
