"""What the real-fault suite shares: running netui as a real process (as root or as an
ordinary user), a folder's exact state (bytes and modes of every file), small file systems
that fill up, and a netui database with people in it."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

AS_NOBODY = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def netui(
    *args: str, env: dict[str, str] | None = None, user: str | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """`python -m netui ARGS` as a real process (as `nobody` when user="nobody")."""
    prefix = AS_NOBODY if user == "nobody" else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "netui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin,
        env={**os.environ, **(env or {})},
    )


def state(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file in `folder` (not below): name -> (sha256 of its bytes, mode)."""
    found = {}
    for entry in sorted(folder.iterdir()):
        if entry.is_file() and not entry.is_symlink():
            digest = hashlib.sha256(entry.read_bytes()).hexdigest()
            found[entry.name] = (digest, stat.S_IMODE(entry.stat().st_mode))
    return found


def one_sentence(stderr: str) -> str:
    """netui's message: exactly one line, no traceback."""
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("netui: ")
    return lines[0]


def make_netui_db(path: Path, people: int = 3) -> None:
    """A netui database with `people` people, closed cleanly (no -wal left)."""
    from netui.db import Database
    from netui.store import Store

    db = Database.open(path)
    store = Store(db)
    for i in range(people):
        store.add_person(f"Person {i}", company="Acme")
    db.close()


def need_root(why: str) -> None:
    if os.geteuid() != 0:
        pytest.skip(f"needs root to {why}")


def need_nobody() -> None:
    """Skip unless this test may run a command as the unprivileged user `nobody`."""
    need_root("switch to the user nobody (setpriv)")
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is not installed")
    probe = subprocess.run([*AS_NOBODY, sys.executable, "-c", "import netui"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("the user nobody cannot run this checkout's Python")


@contextlib.contextmanager
def nobody_folder() -> Iterator[Path]:
    """A folder owned by `nobody`, outside root's private pytest folder (nobody cannot
    pass through it), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="netui-faults-", dir="/tmp"))
    try:
        os.chmod(folder, 0o755)
        shutil.chown(folder, "nobody", "nogroup")
        yield folder
    finally:
        for root, dirs, _files in os.walk(folder):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
        shutil.rmtree(folder, ignore_errors=True)


def nobody_env(folder: Path) -> dict[str, str]:
    """Data and config folders `nobody` may write."""
    return {
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "NETUI_CONFIG_DIR": str(folder / "config" / "netui"),
        "HOME": str(folder),
    }


@contextlib.contextmanager
def small_disk(size_kb: int) -> Iterator[Path]:
    """A tmpfs of `size_kb` KiB mounted at a fresh folder, unmounted however the test
    ends; skipped where this machine forbids mounting."""
    need_root("mount a small tmpfs")
    folder = Path(tempfile.mkdtemp(prefix="netui-disk-", dir="/tmp"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip()})")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        with contextlib.suppress(OSError):
            folder.rmdir()


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system holding `folder` (a filler file), leaving about `leave` bytes."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (65536, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    stats = os.statvfs(folder)
                    if stats.f_bavail * stats.f_frsize - size < leave:
                        break
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)


def people_in(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT full_name FROM person ORDER BY id")]
    finally:
        conn.close()
