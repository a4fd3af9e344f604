"""A folder holding things that are not files (QA, #11): never a hang."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.channel_fixtures import ANDROID_CHAT

ROOT = Path(__file__).resolve().parent.parent

# In a child process, so that a reader that opens the FIFO (waiting for a writer forever) or
# reads /dev/zero (never ending) fails this test by its guard instead of hanging the run.
READ = (
    "import sys\n"
    "from pathlib import Path\n"
    "from netui.channels.read import read_archive\n"
    "result = read_archive(Path(sys.argv[1]), my_name='Alex Morgan')\n"
    "print('|'.join(c.name for c in result.contacts.values()))\n"
)


def test_a_fifo_or_a_device_in_a_folder_is_passed_over_not_read(tmp_path: Path) -> None:
    (tmp_path / "WhatsApp Chat with Ama Owusu.txt").write_text(ANDROID_CHAT)
    os.mkfifo(tmp_path / "notes.txt")  # opening it to read would wait for a writer forever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    done = subprocess.run(
        [sys.executable, "-c", READ, str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,  # a hang guard, not a timing
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Ama Owusu"
