"""Paths into companies: load what netui/network.py ranks, once for every company.

Driver-level reads on the shared read connection, one pass per table: companies, people
with their contact counts (contact_stats), links, job-change notes (through their own
partial index). Kept until the next write, so a second company costs only the walk.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from netui.errors import NotFoundError
from netui.names import company_key
from netui.path_strength import DEFAULT_MAX_HOPS
from netui.store.base import StoreBase, row_by_id
from netui.store.import_plan import former_company

if TYPE_CHECKING:  # netui.network is imported where it is used, not at start-up
    from netui.network import Network, Overview, RankedPaths

# In Contact's field order (netui/network.py).
_PEOPLE_SQL = """
SELECT p.id, p.full_name, p.first_name, p.company_id, p.title, p.role, p.closeness,
       p.is_stub, p.archived_at IS NOT NULL, coalesce(s.interactions, 0),
       coalesce(s.replies, 0), ? - julianday(s.last_at), coalesce(s.last_kind, '')
FROM person p LEFT JOIN contact_stats s ON s.person_id = p.id
"""
_LINKS_SQL = "SELECT person_a, person_b, kind FROM link"
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
    paths: RankedPaths
    network: Network


def load_network(conn: sqlite3.Connection, now: datetime) -> Network:
    """Everyone, every link, every job change: what any company's paths are made of.

    One pass over each table (30,000 people and 100,000 links in well under a second); the
    store keeps the result until something changes, so each company after the first is
    only the walk in memory.
    """
    from netui.network import Contact, Network

    network = Network()
    keys: dict[str, int] = {}
    for cid, name, key, aliases in conn.execute("SELECT id, name, name_key, aliases FROM company"):
        network.companies[cid] = name
        keys[key] = cid
        for alias in aliases.splitlines() if aliases else ():
            keys.setdefault(company_key(alias), cid)
    julian_now = now.timestamp() / 86400 + 2440587.5  # what julianday() would say
    people = network.people
    archived = network.archived
    new = tuple.__new__  # Contact's fields are the query's columns, in order
    for row in conn.execute(_PEOPLE_SQL, (julian_now,)):
        person: Contact = new(Contact, row)
        people[person.id] = person
        if person.archived:
            archived.add(person.id)
    for a, b, kind in conn.execute(_LINKS_SQL):
        network.add_link(a, b, kind)
    for pid, summary in conn.execute(_JOB_CHANGES_SQL):
        cid = keys.get(company_key(former_company(summary)))
        if cid is not None:
            network.former.setdefault(cid, set()).add(pid)
    return network


class PathsMixin(StoreBase):
    _network: tuple[tuple[int, str], Network] | None = None

    def path_network(self) -> Network:
        """The whole network, read again only when something was written since (or the
        hour changed: '3 days ago' moves on)."""
        now = self.now()
        with self.db.read() as conn:
            key = (self.data_version(), now.strftime("%Y-%m-%d %H"))
            cached = self._network
            if cached is not None and cached[0] == key:
                return cached[1]
            network = load_network(conn, now)
        self._network = (key, network)
        return network

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
            row = row_by_id(conn, "company", "name, is_target", company_id)
        from netui.network import find_paths

        network = self.path_network()
        paths = find_paths(network, company_id, max_hops)
        return CompanyPaths(company_id, str(row[0]), bool(row[1]), paths, network)

    def targets_overview(self, max_hops: int = DEFAULT_MAX_HOPS) -> list[Overview]:
        """Each target company's ways in (how many, the best), no way in first."""
        from netui.network import overview, targets_order

        with self.db.read() as conn:
            targets = [int(r[0]) for r in conn.execute("SELECT id FROM company WHERE is_target")]
        network = self.path_network()
        return targets_order(overview(network, cid, max_hops) for cid in targets)
