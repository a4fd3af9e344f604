"""Privacy: a crash while a person is on screen prints nothing of that person."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CRASH = """
import sys
from pathlib import Path
from netui.db import Database
from netui.store import Store
from netui.app import make_app, NetuiApp

store = Store(Database.open(Path(sys.argv[1])))
store.add_person("Jane Secretperson", email="jane@private.example", notes="salary 123456")

def broken_open(self, person_id):
    person = store.get_person(person_id)  # a local holding every field
    raise RuntimeError(f"boom for {person.full_name} {person.email}")

NetuiApp.open_person = broken_open
app = make_app(store)

async def auto(pilot):
    await pilot.pause(0.5)
    await pilot.press("enter")

app.run(headless=True, auto_pilot=auto)
sys.exit(app.return_code or 0)
"""


def test_crash_output_holds_no_personal_data(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", CRASH, str(tmp_path / "p.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "unexpected error (RuntimeError)" in output
    for secret in ("Jane", "Secretperson", "private.example", "123456"):
        assert secret not in output
