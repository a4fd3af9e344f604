"""Demo data: the curated network in assets/demo.json, and synthetic networks of any size."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from netui.db import Database
from netui.meeting import load_default_checklist
from netui.names import first_name_of
from netui.paths import assets_dir
from netui.person_spec import STORED
from netui.store.demo_rows import (
    DemoCompany,
    DemoEntry,
    DemoMeeting,
    DemoNetwork,
    DemoPerson,
    write_generated,
    write_network,
)
from netui.timeutil import STORAGE_FORMAT, utcnow

# what a person in assets/demo.json may say, by the spec's names (dates are relative there)
_DEMO_FIELDS = tuple(f.name for f in STORED if f.info.typed and f.kind is not date)


def _ts(value: datetime) -> str:
    return value.astimezone(UTC).strftime(STORAGE_FORMAT)


def _meeting_start(meeting: dict[str, Any], day: date, now: datetime) -> datetime:
    """'time': '16:30' local on the day, or '+2h' from now (today's meeting stays ahead)."""
    when = str(meeting.get("time", "10:00"))
    if when.startswith("+") and when.endswith("h"):
        start = now + timedelta(hours=int(when[1:-1]))
        return start.replace(minute=30 if start.minute >= 30 else 0, second=0)
    at = datetime.strptime(when, "%H:%M").time()
    return datetime.combine(day + timedelta(days=meeting["in_days"]), at).astimezone()


def demo_network(today: date | None = None) -> DemoNetwork:
    """The curated demo network of assets/demo.json, its dates relative to `today`."""
    data = json.loads((assets_dir() / "demo.json").read_text(encoding="utf-8"))
    day = today or date.today()
    now_dt = utcnow() if today is None else datetime.combine(today, time(12), UTC)
    now = _ts(now_dt)
    people = []
    for p in data["people"]:
        follow = p.get("follow_up_in_days")
        values = {name: p[name] for name in _DEMO_FIELDS if name in p}
        values.update(
            full_name=p["name"],
            first_name=first_name_of(p["name"]),
            follow_up_on=(day + timedelta(days=follow)).isoformat() if follow is not None
            else None,
            is_stub=int(p.get("is_stub", False)),
            created_at=now,
            updated_at=now,
        )  # fmt: skip
        entries = [
            DemoEntry(
                it["kind"],
                it.get("direction", "none"),
                _ts(now_dt - timedelta(days=it["days_ago"], hours=it.get("hours_ago", 3))),
                it["summary"],
            )
            for it in p.get("interactions", [])
        ]
        people.append(DemoPerson(values, p.get("company", ""), entries))
    checklist = list(load_default_checklist(assets_dir()))
    return DemoNetwork(
        now=now,
        companies=[
            DemoCompany(
                c["name"],
                c.get("aliases", []),
                c.get("website", ""),
                bool(c.get("is_target", False)),
                c.get("notes", ""),
            )
            for c in data["companies"]
        ],
        people=people,
        links=[
            (link["a"], link["b"], link.get("kind", "knows"), link.get("note", ""))
            for link in data.get("links", [])
        ],
        drafts=data.get("drafts", []),
        meetings=[
            DemoMeeting(
                m["person"],
                _ts(_meeting_start(m, day, now_dt)),
                m.get("place", ""),
                m.get("address", ""),
                m.get("ask", ""),
                m.get("notes", ""),
                [
                    (str(phase), text, pos < m.get("done_items", 0))
                    for pos, (phase, text) in enumerate(checklist)
                ],
            )
            for m in data.get("meetings", [])
        ],
    )


def seed_demo(db: Database, today: date | None = None) -> int:
    """Write the curated demo network (dates relative to today); returns people added."""
    return write_network(db, demo_network(today))


_FIRST = [
    "Ada",
    "Alan",
    "Amara",
    "Ana",
    "Ari",
    "Ben",
    "Bo",
    "Carla",
    "Chen",
    "Dana",
    "Dev",
    "Diego",
    "Elif",
    "Emma",
    "Farah",
    "Felix",
    "Gia",
    "Hana",
    "Ian",
    "Ines",
    "Jae",
    "Jamal",
    "Jo",
    "José",
    "Kai",
    "Kemal",
    "Lena",
    "Li",
    "Luca",
    "Maya",
    "Mei",
    "Nia",
    "Noor",
    "Omar",
    "Priya",
    "Rafael",
    "Rosa",
    "Sam",
    "Sanjay",
    "Sara",
    "Taro",
    "Uma",
    "Vera",
    "Wei",
    "Yara",
    "Yusuf",
    "Zoe",
    "Zoë",
    "Émile",
    "Łukasz",
]
_LAST = [
    "Abara",
    "Bauer",
    "Chen",
    "Costa",
    "Dubois",
    "Eze",
    "Fischer",
    "García",
    "Gupta",
    "Haddad",
    "Ito",
    "Jensen",
    "Kim",
    "Kowalski",
    "Larsen",
    "López",
    "Müller",
    "Nakamura",
    "Novak",
    "Okafor",
    "Olsen",
    "Patel",
    "Pereira",
    "Quinn",
    "Rossi",
    "Sato",
    "Schmidt",
    "Silva",
    "Singh",
    "Tanaka",
    "Torres",
    "Ueda",
    "Varga",
    "Wang",
    "Weber",
    "Xu",
    "Yamada",
    "Zhang",
    "Nguyen",
    "O'Brien",
]
_COMPANY_WORDS = [
    "Acme",
    "Blue",
    "Cloud",
    "Data",
    "Edge",
    "Flow",
    "Grid",
    "Hyper",
    "Ion",
    "Jet",
    "Kite",
    "Loop",
    "Mesa",
    "Nova",
    "Orbit",
    "Pixel",
    "Quant",
    "Rocket",
    "Signal",
    "Tidal",
    "Unity",
    "Vector",
    "Wave",
    "Xeno",
    "Yield",
    "Zen",
]
_SUFFIX = ["Labs", "Systems", "AI", "Inc.", "Technologies", "Software", "Cloud", "Works"]
_TITLES = [
    ("Software Engineer", "engineer"), ("Senior Software Engineer", "engineer"),
    ("Staff Engineer", "engineer"), ("Engineering Manager", "engineering_manager"),
    ("CTO", "founder_cto"), ("Technical Recruiter", "recruiter"),
    ("Product Manager", "other_tech"), ("Product Designer", "other_tech"),
    ("Account Executive", "other_tech"), ("Data Scientist", "engineer"), ("", "unknown"),
]  # fmt: skip
_STAGES = ["new"] * 6 + ["reconnecting"] * 3 + ["engaged"] * 2 + ["asked", "introduced"]
_KINDS = ["message", "email", "call", "coffee", "reply", "note"]


def generate_people(db: Database, count: int, seed: int = 7) -> None:
    """A synthetic network of `count` people (driver executemany, one transaction)."""
    rng = random.Random(seed)
    now_dt = utcnow()
    now = _ts(now_dt)
    today = date.today()
    n_companies = max(15, count // 25)
    names = []
    for i in range(n_companies):
        name = f"{rng.choice(_COMPANY_WORDS)}{rng.choice(_COMPANY_WORDS).lower()} "
        names.append(name + f"{rng.choice(_SUFFIX)} {i}")
    places = range(n_companies)
    people: list[tuple[int, dict[str, Any]]] = []
    for i in range(count):
        full = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        title, role = rng.choice(_TITLES)
        follow = today + timedelta(days=rng.randint(-10, 30)) if rng.random() < 0.3 else None
        company = rng.choice(places)
        people.append((company, {
            "full_name": full,
            "first_name": first_name_of(full),
            "title": title,
            "role": role,
            "closeness": rng.choice(["close", "friend", "acquaintance", "met_once"]),
            "how_we_know": rng.choice(["school", "college", "work", "life", "online"]),
            "email": f"{full.split()[0].lower()}.{i}@example.com" if rng.random() < 0.4 else "",
            "stage": rng.choice(_STAGES),
            "follow_up_on": follow.isoformat() if follow else None,
            "created_at": now,
            "updated_at": now,
        }))  # fmt: skip
    entries = []
    for place in range(count):
        for _ in range(rng.randint(0, 3)):
            at = now_dt - timedelta(days=rng.randint(0, 400), hours=rng.randint(0, 23))
            kind = rng.choice(_KINDS)
            entries.append((place, DemoEntry(kind, "out", _ts(at), f"{kind} about the job hunt")))
    write_generated(db, now, names, people, entries)
