"""Zips that are not whole (QA, #11/#12): said to be damaged, nothing imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from netui.errors import InputError
from netui.importers.source import open_source
from tests.channel_fixtures import write_linkedin_zip


@pytest.mark.parametrize("keep", [0.5, -10])
def test_a_zip_cut_short_is_a_damaged_zip_not_text(tmp_path: Path, keep: float) -> None:
    data = write_linkedin_zip(tmp_path / "whole.zip").read_bytes()
    cut = tmp_path / "export.zip"
    cut.write_bytes(data[: int(len(data) * keep)] if keep > 0 else data[: int(keep)])
    with pytest.raises(InputError) as caught:
        open_source(cut)
    assert str(caught.value) == "export.zip is a damaged zip (cut short?): download it again."


def test_binary_garbage_is_not_text_not_a_wrong_encoding(tmp_path: Path) -> None:
    garbage = tmp_path / "All mail.mbox"
    garbage.write_bytes(bytes(range(256)) * 40)  # undecodable, with NUL bytes
    with pytest.raises(InputError) as caught:
        open_source(garbage)
    assert str(caught.value) == "All mail.mbox is not a text file (it holds NUL bytes)."
