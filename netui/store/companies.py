"""Companies: resolve a typed name to one record (case-insensitive, aliases), list them."""

from __future__ import annotations

import sqlite3
from typing import Any

from netui.errors import InputError
from netui.names import company_key
from netui.store.base import StoreBase
from netui.store.rows import CompanyRow
from netui.store.sql import insert


def _host(website: str) -> str:
    """'https://www.datadoghq.com/about' -> 'datadoghq.com'."""
    host = website.strip().lower().split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return host.removeprefix("www.")


class CompanyMixin(StoreBase):
    _tech_cache: tuple[int, list[int]] | None = None  # (data_version, tech company ids)

    def _company_id_for(self, conn: sqlite3.Connection, name: str) -> int:
        """The id of the company this name means, created if new ('Google LLC' is 'Google')."""
        key = company_key(name)
        if not key:
            raise InputError(f"'{name}' is not a company name.")
        found = self._find_company_id(conn, name)
        if found is not None:
            return found
        return insert(
            conn, "company", {"name": name.strip(), "name_key": key, "created_at": self.now()}
        )

    @staticmethod
    def _company_name_in(conn: sqlite3.Connection, company_id: int | None) -> str:
        """The company's name ('' for none), read on the caller's connection."""
        if company_id is None:
            return ""
        row = conn.execute("SELECT name FROM company WHERE id = ?", (company_id,)).fetchone()
        return str(row[0]) if row else ""

    @staticmethod
    def _company(conn: sqlite3.Connection, company_id: int, columns: str) -> tuple[Any, ...]:
        """The company's `columns`, or InputError "There is no company #N."."""
        row: tuple[Any, ...] | None = conn.execute(
            f"SELECT {columns} FROM company WHERE id = ?", (company_id,)
        ).fetchone()
        if row is None:
            raise InputError(f"There is no company #{company_id}.")
        return row

    def company_names(self, prefix: str = "", limit: int = 20) -> list[str]:
        """Existing company names starting with prefix (case-insensitive), for completion."""
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT name FROM company WHERE name_key LIKE ? ORDER BY name_key LIMIT ?",
                (company_key(prefix) + "%", limit),
            ).fetchall()
        return [str(r[0]) for r in rows]

    def companies(self) -> list[CompanyRow]:
        """Every company with how many people you know there, who to pitch and who connects,
        and whether it is a tech company (what you said, else netui's guess)."""
        from netui.tech import tech_guess

        sql = """
        SELECT c.id, c.name, c.is_target, count(p.id),
               sum(p.role IN ('engineer', 'engineering_manager', 'founder_cto')),
               sum(p.role NOT IN ('engineer', 'engineering_manager', 'founder_cto', 'unknown')),
               coalesce(group_concat(DISTINCT p.stage), ''), c.tech, c.website,
               coalesce(group_concat(DISTINCT
                   lower(substr(p.email, instr(p.email, '@') + 1))), ''),
               coalesce(group_concat(CASE WHEN p.role = 'unknown' AND p.title != ''
                                     THEN replace(p.title, ',', ' ') END, ','), '')
        FROM company c LEFT JOIN person p ON p.company_id = c.id AND p.archived_at IS NULL
        GROUP BY c.id ORDER BY c.is_target DESC, count(p.id) DESC, c.name COLLATE NOCASE
        """
        with self.db.read() as conn:
            rows = conn.execute(sql).fetchall()
        out = []
        for r in rows:
            domains = [d for d in str(r[9]).split(",") if "." in d]
            website = _host(str(r[8]))
            titles = str(r[10]).split(",")
            guess = tech_guess(
                r[1], engineers=r[4] or 0, titles=titles, domains=[website, *domains]
            )
            out.append(
                CompanyRow(r[0], r[1], bool(r[2]), r[3], r[4] or 0, r[5] or 0, r[6], r[7], guess)
            )
        return out

    def company_tech_by_key(self) -> dict[str, tuple[str, str]]:
        """(what you said, netui's guess) per company name key and alias key: how the Review
        screen says whether a candidate's guessed company is tech."""
        rows = self.companies()
        by_id = {row.id: (row.tech, row.tech_guess) for row in rows}
        out = {company_key(row.name): by_id[row.id] for row in rows}
        with self.db.read() as conn:
            aliased = conn.execute("SELECT id, aliases FROM company WHERE aliases != ''")
            for cid, aliases in aliased.fetchall():
                for alias in str(aliases).splitlines():
                    out.setdefault(company_key(alias), by_id[int(cid)])
        return out

    def tech_company_ids(self) -> list[int]:
        """Companies that are tech: you said yes, or you said nothing and netui guesses so
        (worked out again only after something changed: ~0.2 s at 50,000 people)."""
        version = self.data_version()
        if self._tech_cache is None or self._tech_cache[0] != version:
            self._tech_cache = (version, [row.id for row in self.companies() if row.is_tech])
        return self._tech_cache[1]

    def tech_ids_known(self) -> bool:
        """Whether `tech_company_ids` answers at once (the UI thread asks a worker if not)."""
        return self._tech_cache is not None and self._tech_cache[0] == self.data_version()

    def set_company_tech(self, company_id: int, flag: str) -> None:
        """What you say about a company: 'yes' (tech), 'no', or '' (unknown: netui guesses)."""
        from netui.tech import FLAGS

        if flag not in FLAGS:
            raise InputError(f"'{flag}' is not one of: yes, no, or empty (unknown).")
        with self._write() as conn:
            sql = "UPDATE company SET tech = ? WHERE id = ?"
            if not conn.execute(sql, (flag, company_id)).rowcount:
                raise InputError(f"There is no company #{company_id}.")

    def set_company_target(self, company_id: int, is_target: bool) -> None:
        with self._write() as conn:
            sql = "UPDATE company SET is_target = ? WHERE id = ?"
            if not conn.execute(sql, (int(is_target), company_id)).rowcount:
                raise InputError(f"There is no company #{company_id}.")

    def add_company_alias(self, company_id: int, alias: str) -> None:
        with self._write() as conn:
            (stored,) = self._company(conn, company_id, "aliases")
            aliases = [a for a in str(stored).splitlines() if a]
            if alias not in aliases:
                conn.execute(
                    "UPDATE company SET aliases = ? WHERE id = ?",
                    ("\n".join([*aliases, alias.strip()]), company_id),
                )

    def get_company(self, company_id: int) -> CompanyRow:
        """One company with its counts (as in `companies()`)."""
        for row in self.companies():
            if row.id == company_id:
                return row
        raise InputError(f"There is no company #{company_id}.")

    def _find_company_id(self, conn: sqlite3.Connection, name: str) -> int | None:
        """The company a name already means (key or alias), without creating one."""
        key = company_key(name)
        row = conn.execute("SELECT id FROM company WHERE name_key = ?", (key,)).fetchone()
        if row:
            return int(row[0])
        for cid, aliases in conn.execute("SELECT id, aliases FROM company WHERE aliases != ''"):
            if key in {company_key(a) for a in str(aliases).splitlines()}:
                return int(cid)
        return None

    def merge_company_name(self, company_id: int, other_name: str) -> int:
        """'Alphabet' is also 'Google': add the alias; if it is already a company of its
        own, move its people here and remove it. Returns how many people moved."""
        alias = " ".join(other_name.split())
        if not company_key(alias):
            raise InputError(f"'{other_name}' is not a company name.")
        columns = "name, name_key, aliases, is_target"
        with self._write() as conn:
            _, name_key, aliases, is_target = self._company(conn, company_id, columns)
            other_id = self._find_company_id(conn, alias)
            if other_id == company_id:
                return 0
            names = [a for a in str(aliases).splitlines() if a]
            moved = 0
            if other_id is not None:
                other_name_, _, other_aliases, other_target = self._company(conn, other_id, columns)
                names += [other_name_, *(a for a in str(other_aliases).splitlines() if a)]
                moved = conn.execute(
                    "UPDATE person SET company_id = ? WHERE company_id = ?",
                    (company_id, other_id),
                ).rowcount
                is_target = int(bool(is_target) or bool(other_target))
                conn.execute("DELETE FROM company WHERE id = ?", (other_id,))
            else:
                names.append(alias)
            seen: set[str] = {str(name_key)}
            kept = []
            for name in names:
                if company_key(name) not in seen:
                    seen.add(company_key(name))
                    kept.append(name)
            conn.execute(
                "UPDATE company SET aliases = ?, is_target = ? WHERE id = ?",
                ("\n".join(kept), is_target, company_id),
            )
            return moved
