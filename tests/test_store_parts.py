"""`netui.store.Store` starts with People's part only and takes on all its parts when first
asked for anything else (netui/store/__init__.py): every caller still sees one Store.

Each case runs in a fresh interpreter: in this one the parts are already loaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from netui.store import Store

PARTS = "netui.store.drafts"  # one of the parts the People list does not need


def _run(code: str, db_path: Path) -> list[str]:
    prelude = (
        "import sys\nfrom pathlib import Path\nfrom netui.db import Database\n"
        "from netui import store as package\n"
        "from netui.store import Store\n"
        f"db = Database.open(Path(sys.argv[1]))\nloaded = lambda: {PARTS!r} in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", prelude + code, str(db_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_a_store_answers_a_method_of_a_part_not_loaded_yet(store: Store, db_path: Path) -> None:
    store.quick_add("Ana Lima @ Stripe")
    said = _run(
        "print(loaded())\ns = Store(db)\nprint(s.total_people(), loaded())\n"
        "print(s.drafts_for(1), s.export_people()[0]['full_name'].split()[0], loaded())\n",
        db_path,
    )
    assert said == ["False", "1", "False", "[]", "Ana", "True"]


def test_a_subclass_made_before_keeps_its_overrides_and_gains_the_rest(db_path: Path) -> None:
    said = _run(
        "class Noting(Store):\n"
        "    def drafts_for(self, person_id):\n"
        "        return ['noted']\n"
        "s = Noting(db)\n"
        "print(s.drafts_for(1)[0], s.meetings_for(1), loaded(), isinstance(s, Store))\n",
        db_path,
    )
    assert said == ["noted", "[]", "True", "True"]


def test_the_class_itself_has_every_method_and_a_missing_name_is_still_missing(
    db_path: Path,
) -> None:
    said = _run(
        "print(callable(Store.restore_json), loaded())\n"
        "for owner in (Store, Store(db)):\n"
        "    try:\n"
        "        owner.no_such_method\n"
        "    except AttributeError as exc:\n"
        "        print(exc.name)\n"
        "print(package.assemble())\n",
        db_path,
    )
    assert said == ["True", "True", "no_such_method", "no_such_method", "False"]
