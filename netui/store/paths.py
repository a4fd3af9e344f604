"""Paths into companies: load exactly what netui/network.py ranks, for one company or many.

Driver-level reads on the shared read connection, one query per kind of row and per hop:
who works there, who used to (job-change notes, through their own partial index), the links
out to `max_hops`, and each person reached with their contact counts (contact_stats).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from netui.errors import NotFoundError
from netui.names import company_key
from netui.network import (
    DEFAULT_MAX_HOPS,
    Contact,
    Network,
    Overview,
    Path,
    find_paths,
    overview,
    targets_order,
)
from netui.store.base import StoreBase
from netui.store.import_plan import former_company
from netui.timeutil import format_utc

_IDS = "(SELECT value FROM json_each(?))"
_PEOPLE_SQL = f"""
SELECT p.id, p.full_name, p.first_name, p.company_id, p.title, p.role, p.closeness,
       p.is_stub, p.archived_at IS NOT NULL, coalesce(s.interactions, 0),
       coalesce(s.replies, 0), julianday(?) - julianday(s.last_at), coalesce(s.last_kind, '')
FROM person p LEFT JOIN contact_stats s ON s.person_id = p.id
WHERE p.id IN {_IDS}
"""
_LINKS_SQL = f"""
SELECT id, person_a, person_b, kind FROM link WHERE person_a IN {_IDS}
UNION ALL
SELECT id, person_a, person_b, kind FROM link WHERE person_b IN {_IDS}
"""
# The same terms as the partial index ix_interaction_job_change (schema.py), so it is used.
_JOB_CHANGES_SQL = """
SELECT person_id, summary FROM interaction
WHERE kind = 'note' AND substr(summary, 1, 4) = 'Now ' AND instr(summary, ' (was ') > 0
"""


@dataclass(frozen=True, slots=True)
class CompanyPaths:
    """One company's ways in, ranked, with the network that explains them."""

    company_id: int
    company: str
    is_target: bool
    paths: list[Path]
    network: Network


def _ids(values: Iterable[int]) -> str:
    return json.dumps(list(values))


def _company_keys(conn: sqlite3.Connection, company_ids: Sequence[int]) -> dict[str, int]:
    keys: dict[str, int] = {}
    sql = f"SELECT id, name_key, aliases FROM company WHERE id IN {_IDS}"
    for cid, key, aliases in conn.execute(sql, (_ids(company_ids),)):
        keys[str(key)] = int(cid)
        for alias in str(aliases).splitlines():
            if company_key(alias):
                keys.setdefault(company_key(alias), int(cid))
    return keys


def load_network(
    conn: sqlite3.Connection, company_ids: Sequence[int], now: str, max_hops: int
) -> Network:
    """Everyone within `max_hops` links of the people at these companies (one load for all)."""
    network = Network()
    sql = f"SELECT id, name FROM company WHERE id IN {_IDS}"
    for cid, name in conn.execute(sql, (_ids(company_ids),)):
        network.companies[int(cid)] = str(name)
    wanted = list(network.companies)
    if not wanted:
        return network
    keys = _company_keys(conn, wanted)
    for pid, summary in conn.execute(_JOB_CHANGES_SQL):
        cid = keys.get(company_key(former_company(str(summary))))
        if cid is not None:
            network.former.setdefault(cid, set()).add(int(pid))
    inside_sql = f"SELECT id FROM person WHERE company_id IN {_IDS} AND archived_at IS NULL"
    start = {int(r[0]) for r in conn.execute(inside_sql, (_ids(wanted),))}
    for former in network.former.values():
        start |= former
    seen: set[int] = set()
    seen_links: set[int] = set()
    frontier = start
    for hop in range(max_hops + 1):
        new = frontier - seen
        seen |= new
        _load_people(conn, network, new, now)
        if hop == max_hops:
            break
        # Archived people are on no path: their links lead nowhere.
        expand = [pid for pid in frontier if not network.people[pid].archived]
        frontier = set()
        for link_id, a, b, kind in conn.execute(_LINKS_SQL, (_ids(expand), _ids(expand))):
            if link_id in seen_links:
                continue
            seen_links.add(link_id)
            network.add_link(int(a), int(b), str(kind))
            frontier.add(int(a))
            frontier.add(int(b))
        frontier -= seen
    return network


def _load_people(conn: sqlite3.Connection, network: Network, ids: set[int], now: str) -> None:
    if not ids:
        return
    for r in conn.execute(_PEOPLE_SQL, (now, _ids(ids))):
        person = Contact(
            id=r[0], name=r[1], first_name=r[2], company_id=r[3], title=r[4], role=r[5],
            closeness=r[6], is_stub=bool(r[7]), archived=bool(r[8]), interactions=r[9],
            replies=r[10], days_since=r[11], last_kind=r[12],
        )  # fmt: skip
        network.add_person(person)


class PathsMixin(StoreBase):
    def find_company(self, name: str) -> tuple[int, str]:
        """The company a typed name means (case, legal suffixes and aliases folded)."""
        key = company_key(name)
        with self.db.read() as conn:
            row = conn.execute("SELECT id, name FROM company WHERE name_key = ?", (key,)).fetchone()
            if row is None and key:
                for cid, cname, aliases in conn.execute(
                    "SELECT id, name, aliases FROM company WHERE aliases != ''"
                ):
                    if key in {company_key(a) for a in str(aliases).splitlines()}:
                        row = (cid, cname)
                        break
        if row is None:
            raise NotFoundError(f"No company called '{name.strip()}' (Companies lists them all).")
        return int(row[0]), str(row[1])

    def company_paths(self, company_id: int, max_hops: int = DEFAULT_MAX_HOPS) -> CompanyPaths:
        """Every way into one company, strongest first."""
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT name, is_target FROM company WHERE id = ?", (company_id,)
            ).fetchone()
            if row is None:
                raise NotFoundError(f"There is no company #{company_id}.")
            network = load_network(conn, [company_id], format_utc(self.now()), max_hops)
        paths = find_paths(network, company_id, max_hops)
        return CompanyPaths(company_id, str(row[0]), bool(row[1]), paths, network)

    def targets_overview(self, max_hops: int = DEFAULT_MAX_HOPS) -> list[Overview]:
        """Each target company's ways in (how many, the best), no way in first."""
        with self.db.read() as conn:
            targets = [int(r[0]) for r in conn.execute("SELECT id FROM company WHERE is_target")]
            network = load_network(conn, targets, format_utc(self.now()), max_hops)
        return targets_order(overview(network, cid, max_hops) for cid in targets)
