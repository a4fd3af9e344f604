"""A folder holding things that are not files (QA, #11): never a hang."""

from __future__ import annotations

import os
from pathlib import Path

from netui.channels.read import read_archive
from tests.channel_fixtures import ANDROID_CHAT


def test_a_fifo_or_a_device_in_a_folder_is_passed_over_not_read(tmp_path: Path) -> None:
    (tmp_path / "WhatsApp Chat with Ama Owusu.txt").write_text(ANDROID_CHAT)
    os.mkfifo(tmp_path / "notes.txt")  # opening it to read would wait for a writer forever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    result = read_archive(tmp_path, my_name="Alex Morgan")
    assert [c.name for c in result.contacts.values()] == ["Ama Owusu"]
