"""How every netui command ends when something goes wrong: one line, the right status.

`guarded(run)` is the one error handler of the command line: the full CLI (`netui.cli.main`)
and the read-only fast path (`netui.fast.main`) both end through it. It imports nothing
heavy, so the fast path stays fast.

- a NetuiError: its sentence on stderr, on one line whatever the terminal width, control
  characters escaped; its own exit status;
- the reader went away (`netui list | head`): quiet, status 141 (128 + SIGPIPE, what a
  shell reports for a command a closed pipe ended);
- Ctrl+C: quiet, 130;
- anything else: one line naming the error's type (never a traceback: it could hold
  personal data), unless NETUI_DEBUG is 1, true or yes.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any, TextIO

from netui.errors import NetuiError
from netui.textsafe import for_terminal

BROKEN_PIPE_STATUS = 141
INTERRUPTED_STATUS = 130
_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def debug_enabled() -> bool:
    """NETUI_DEBUG means on only for 1, true or yes (any case); 0, false, no or empty: off."""
    return os.environ.get("NETUI_DEBUG", "").strip().lower() in ("1", "true", "yes")


def one_line(message: str) -> str:
    """A message as one terminal line: line breaks become spaces, control sequences are
    escaped so a file name or value cannot move the cursor or retitle the window."""
    return for_terminal(_BREAKS.sub(" ", message.strip()))


def say(message: str) -> None:
    """'netui: MESSAGE' on stderr, one line."""
    with suppress(BrokenPipeError, ValueError):  # stderr closed too: nothing more to say
        print(f"netui: {one_line(message)}", file=sys.stderr, flush=True)


def _quiet_broken_pipe() -> int:
    """Point stdout at /dev/null so Python's own flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return BROKEN_PIPE_STATUS


def guarded(run: Callable[[], int]) -> int:
    """Run a command; turn whatever it raises into one line and an exit status."""
    try:
        return run()
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except KeyboardInterrupt:
        return INTERRUPTED_STATUS
    except NetuiError as exc:
        say(str(exc))
        return exc.exit_code
    except Exception as exc:
        diagnosed = diagnose(exc)
        if diagnosed is not None:
            say(str(diagnosed))
            return diagnosed.exit_code
        if debug_enabled():
            import traceback

            traceback.print_exception(exc, file=sys.stderr)
        say(
            f"unexpected error ({type(exc).__name__}); nothing was saved half-way. "
            "Run with NETUI_DEBUG=1 to see where, and please report it."
        )
        return 1


def diagnose(exc: BaseException) -> NetuiError | None:
    """A NetuiError naming the cause of an OS or SQLite error that reached the top (where
    no file is known), or None when its cause is not one netui knows."""
    from netui.faults import diagnose_error

    return diagnose_error(exc)


class TerminalText(io.TextIOBase):
    """stdout for a command's printed lines: control characters other than tab and newline
    are escaped. `buffer` is the real one, for exports (their bytes are data, kept exact)."""

    def __init__(self, raw: TextIO) -> None:
        super().__init__()
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(for_terminal(text, keep="\n\t"))
        return len(text)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def fileno(self) -> int:
        return self.raw.fileno()

    def writable(self) -> bool:
        return True

    @property
    def buffer(self) -> Any:
        return self.raw.buffer

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.raw.encoding


@contextmanager
def terminal_safe_stdout() -> Iterator[None]:
    """While a command runs, what it prints cannot carry terminal control sequences."""
    real = sys.stdout
    sys.stdout = TerminalText(real)
    try:
        yield
    finally:
        try:
            sys.stdout.flush()
        finally:
            sys.stdout = real


class ExitLine(str):
    """A message the app ends with, printed as one line at any terminal width (Rich's
    console would wrap or crop it)."""


def one_line_text(exc: NetuiError) -> ExitLine:
    return ExitLine(f"netui: {one_line(str(exc))}")
