"""Command palette providers: jump to any person by name."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider

from netui.names import name_at
from netui.screens.base import netui_app
from netui.textsafe import escape_markup as escape


class PeopleCommands(Provider):
    """Type a name, company or title in ctrl+p to open that person (FTS: ~1 ms a query)."""

    async def search(self, query: str) -> Hits:
        app = netui_app(self.app)
        if not query.strip():
            return
        for rank, row in enumerate(app.store.search_people(query, 15)):
            label = name_at(row.full_name, row.company)
            yield Hit(  # the palette parses prompt and help as markup
                1.0 - rank / 100,
                escape(label),
                partial(app.open_person, row.id),
                help=f"open person · {escape(row.title or row.role)}",
            )
