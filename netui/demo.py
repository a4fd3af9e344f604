"""Demo data: the curated network in assets/demo.json, and synthetic networks of any size."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from netui.db import Database
from netui.meeting import load_default_checklist
from netui.names import company_key, first_name_of
from netui.paths import assets_dir
from netui.person_spec import STORED
from netui.timeutil import STORAGE_FORMAT, utcnow

# The person columns the demo writes: every field the user keeps (the person spec's), the
# company as company_id, and the bookkeeping a new row needs; each defaults as the spec says.
_PERSON_COLUMNS = (
    "company_id", *(f.name for f in STORED if f.info.typed), "is_stub", "created_at",
    "updated_at",
)  # fmt: skip
_PERSON_DEFAULTS = {f.name: f.sql_default for f in STORED}


# what a person in assets/demo.json may say, by the spec's names (dates are relative there)
_DEMO_FIELDS = tuple(f.name for f in STORED if f.info.typed and f.kind is not date)
_INSERT_PERSON = (
    f"INSERT INTO person ({', '.join(_PERSON_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_PERSON_COLUMNS))})"
)


def _person_row(given: dict[str, Any]) -> tuple[Any, ...]:
    """A row for _PERSON_COLUMNS: the values given, every other column its default."""
    return tuple(given[c] if c in given else _PERSON_DEFAULTS[c] for c in _PERSON_COLUMNS)


def _ts(value: datetime) -> str:
    return value.astimezone(UTC).strftime(STORAGE_FORMAT)


def _insert_company(conn: sqlite3.Connection, company: dict[str, Any], now: str) -> int:
    cur = conn.execute(
        "INSERT INTO company (name, name_key, aliases, website, is_target, notes, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            company["name"],
            company_key(company["name"]),
            "\n".join(company.get("aliases", [])),
            company.get("website", ""),
            int(company.get("is_target", False)),
            company.get("notes", ""),
            now,
        ),
    )
    return int(cur.lastrowid or 0)


def _meeting_start(meeting: dict[str, Any], day: date, now: datetime) -> datetime:
    """'time': '16:30' local on the day, or '+2h' from now (today's meeting stays ahead)."""
    when = str(meeting.get("time", "10:00"))
    if when.startswith("+") and when.endswith("h"):
        start = now + timedelta(hours=int(when[1:-1]))
        return start.replace(minute=30 if start.minute >= 30 else 0, second=0)
    at = datetime.strptime(when, "%H:%M").time()
    return datetime.combine(day + timedelta(days=meeting["in_days"]), at).astimezone()


def seed_demo(db: Database, today: date | None = None) -> int:
    """Write the curated demo network (dates relative to today); returns people added."""
    data = json.loads((assets_dir() / "demo.json").read_text(encoding="utf-8"))
    day = today or date.today()
    now_dt = utcnow() if today is None else datetime.combine(today, time(12), UTC)
    now = _ts(now_dt)
    ids: dict[str, int] = {}
    with db.write() as conn:
        companies = {c["name"]: _insert_company(conn, c, now) for c in data["companies"]}
        for p in data["people"]:
            follow = p.get("follow_up_in_days")
            given = {name: p[name] for name in _DEMO_FIELDS if name in p}
            given.update(
                full_name=p["name"],
                first_name=first_name_of(p["name"]),
                company_id=companies.get(p.get("company", "")),
                follow_up_on=(day + timedelta(days=follow)).isoformat()
                if follow is not None
                else None,
                is_stub=int(p.get("is_stub", False)),
                created_at=now,
                updated_at=now,
            )
            cur = conn.execute(_INSERT_PERSON, _person_row(given))
            pid = int(cur.lastrowid or 0)
            ids[p["name"]] = pid
            for it in p.get("interactions", []):
                at = now_dt - timedelta(days=it["days_ago"], hours=it.get("hours_ago", 3))
                conn.execute(
                    "INSERT INTO interaction (person_id, kind, direction, at, summary, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (pid, it["kind"], it.get("direction", "none"), _ts(at), it["summary"], now),
                )
        for link in data.get("links", []):
            conn.execute(
                "INSERT INTO link (person_a, person_b, kind, note, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (ids[link["a"]], ids[link["b"]], link.get("kind", "knows"), link.get("note", ""),
                 now),
            )  # fmt: skip
        for d in data.get("drafts", []):
            conn.execute(
                "INSERT INTO draft (person_id, intent, tone, channel, subject, body, status, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?)",
                (ids[d["person"]], d["intent"], d["tone"], d["channel"], d.get("subject", ""),
                 d["body"], now, now),
            )  # fmt: skip
        checklist = list(load_default_checklist(assets_dir()))
        for m in data.get("meetings", []):
            start = _meeting_start(m, day, now_dt)
            cur = conn.execute(
                "INSERT INTO meeting (person_id, starts_at, place, address, ask, notes, status, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'planned', ?, ?)",
                (ids[m["person"]], _ts(start), m.get("place", ""), m.get("address", ""),
                 m.get("ask", ""), m.get("notes", ""), now, now),
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO checklist_item (meeting_id, phase, text, done, position) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (cur.lastrowid, str(phase), text, int(pos < m.get("done_items", 0)), pos)
                    for pos, (phase, text) in enumerate(checklist)
                ],
            )
    return len(ids)


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
    with db.write() as conn:
        existing = dict(conn.execute("SELECT name_key, id FROM company").fetchall())
        company_ids: list[int] = []
        for i in range(n_companies):
            name = f"{rng.choice(_COMPANY_WORDS)}{rng.choice(_COMPANY_WORDS).lower()} "
            name += f"{rng.choice(_SUFFIX)} {i}"
            known = existing.get(company_key(name))  # a second run reuses the first's
            company_ids.append(known or _insert_company(conn, {"name": name}, now))
        start = int(conn.execute("SELECT coalesce(max(id), 0) FROM person").fetchone()[0])
        rows = []
        for i in range(count):
            full = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            title, role = rng.choice(_TITLES)
            follow = today + timedelta(days=rng.randint(-10, 30)) if rng.random() < 0.3 else None
            rows.append(
                _person_row(
                    {
                        "full_name": full,
                        "first_name": first_name_of(full),
                        "company_id": rng.choice(company_ids),
                        "title": title,
                        "role": role,
                        "closeness": rng.choice(["close", "friend", "acquaintance", "met_once"]),
                        "how_we_know": rng.choice(["school", "college", "work", "life", "online"]),
                        "email": f"{full.split()[0].lower()}.{i}@example.com"
                        if rng.random() < 0.4
                        else "",
                        "stage": rng.choice(_STAGES),
                        "follow_up_on": follow.isoformat() if follow else None,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
            )
        conn.executemany(_INSERT_PERSON, rows)
        interactions = []
        for pid in range(start + 1, start + count + 1):
            for _ in range(rng.randint(0, 3)):
                at = now_dt - timedelta(days=rng.randint(0, 400), hours=rng.randint(0, 23))
                kind = rng.choice(_KINDS)
                interactions.append((pid, kind, "out", _ts(at), f"{kind} about the job hunt", now))
        conn.executemany(
            "INSERT INTO interaction (person_id, kind, direction, at, summary, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            interactions,
        )
