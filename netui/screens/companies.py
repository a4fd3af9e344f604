"""Companies: how many people you know at each, who to pitch, who can introduce you."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from netui.enums import STAGE_ORDER, Stage
from netui.errors import NetuiError
from netui.names import fold
from netui.network import Overview
from netui.pipeline import Approach, approach_for
from netui.plural import count_of
from netui.screens.base import LiveScreen, NetuiScreen
from netui.screens.dialogs import LineDialog, dialog_title
from netui.store import CompanyRow, PeopleQuery
from netui.tech import next_flag, tech_said, tech_word
from netui.textsafe import escape_markup as escape
from netui.widgets.footer import Footer
from netui.widgets.row_list import RowList

GROUPS = (
    (Approach.pitch, "Pitch yourself to them (engineers, eng managers, CTOs)"),
    (Approach.intro, "Ask them for an introduction to engineers (recruiters: a referral)"),
    (Approach.find_out, "Find out what they do"),
)
MAX_PEOPLE = 2000


def stages_text(stages: str) -> str:
    """'engaged,new' -> 'new, engaged' in pipeline order."""
    order = [*STAGE_ORDER, Stage.paused]
    present = {s for s in stages.split(",") if s}
    return ", ".join(s.value for s in order if s.value in present)


def company_cells(row: CompanyRow, way_in: Overview | None = None) -> list[str]:
    """A company's cells; for a target, the best path's strength and how many can get you in
    (blank while the overview is read, and for companies that are not targets)."""
    return [
        "★" if row.is_target else "",
        row.name,
        way_in.word if way_in is not None else "",
        str(way_in.paths) if way_in is not None else "",
        str(row.people),
        str(row.engineers),
        str(row.connectors),
        stages_text(row.stages),
        tech_word(row.tech, row.tech_guess),
    ]


class CompaniesScreen(NetuiScreen[None], keys="Companies"):
    """Every company, targets first; enter shows its people, t marks a target, T says
    whether it is a tech company ('yes?' in the Tech column is netui's guess)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[CompanyRow] = []
        self.ways_in: dict[int, Overview] = {}  # target company -> its paths in short

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="/ find a company", id="companies-filter")
        yield RowList[CompanyRow](
            [
                ("★", 1),
                ("Company", 0),
                ("Way in", 6),
                ("Paths", 5),
                ("People", 6),
                ("Pitch", 5),
                ("Intro", 5),
                ("Stages", 0),
                ("Tech", 4),
            ],
            lambda row: company_cells(row, self.ways_in.get(row.id)),
            empty="No companies match: esc clears the filter.",
            id="companies",
        )
        yield Footer()

    @property
    def table(self) -> RowList[CompanyRow]:
        return cast("RowList[CompanyRow]", self.query_one("#companies", RowList))

    def on_mount(self) -> None:
        self.sub_title = "Companies"
        self.table.focus()  # the rows arrive from on_screen_resume's read

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Re-read the companies off the UI thread (~60 ms with 10,000 of them)."""
        self._load()

    @work(thread=True, exclusive=True, group="companies")
    def _load(self) -> None:
        rows = self.store.companies()
        self.app.call_from_thread(self._loaded, rows)
        # Then the targets' ways in (the first read of the network takes longest).
        try:
            ways = self.store.targets_overview(self.settings.path_max_hops)
        except NetuiError:
            return  # the list is up; the overview waits for the next visit
        self.app.call_from_thread(self._ways_loaded, ways)

    def _loaded(self, rows: list[CompanyRow]) -> None:
        self.rows = rows
        self._show()

    def _ways_loaded(self, ways: list[Overview]) -> None:
        self.ways_in = {way.company_id: way for way in ways}
        self._show()

    def _ordered(self) -> list[CompanyRow]:
        """Targets first, the ones with no way in at the top, then the weakest way in;
        the other companies as the store sorts them."""
        if not self.ways_in:
            return self.rows
        order = {cid: i for i, cid in enumerate(self.ways_in)}
        targets = sorted(
            (r for r in self.rows if r.is_target), key=lambda r: order.get(r.id, len(order))
        )
        return targets + [r for r in self.rows if not r.is_target]

    def _show(self) -> None:
        wanted = fold(self.query_one("#companies-filter", Input).value.strip())
        current = self.table.current
        shown = [row for row in self._ordered() if not wanted or wanted in fold(row.name)]
        self.table.set_rows(shown, keep=lambda r: current is not None and r.id == current.id)

    def _current(self) -> CompanyRow | None:
        return self.table.current

    @on(Input.Changed, "#companies-filter")
    def _filter(self) -> None:
        self._show()

    @on(Input.Submitted, "#companies-filter")
    def _filter_done(self) -> None:
        self.table.focus()

    def action_focus_filter(self) -> None:
        self.query_one("#companies-filter", Input).focus()

    def action_back(self) -> None:
        if self.focused is self.query_one("#companies-filter", Input):
            self.table.focus()
            return
        self.app.pop_screen()

    def action_paths(self) -> None:
        from netui.screens.paths import PathsScreen

        if (row := self._current()) is not None:
            self.app.push_screen(PathsScreen(row.id))

    def action_toggle_target(self) -> None:
        row = self._current()
        if row is None:
            return

        def toggled(_: object) -> None:
            self.notify(f"{row.name} is {'no longer ' if row.is_target else ''}a target.")
            self.reload()

        self.attempt(lambda: self.store.set_company_target(row.id, not row.is_target), toggled)

    def action_cycle_tech(self) -> None:
        row = self._current()
        if row is not None:
            cycle_tech(self, row, self.reload)

    def action_alias(self) -> None:
        row = self._current()
        if row is None:
            return

        def named(alias: str | None) -> None:
            if not alias:
                return

            def merged(moved: int) -> None:
                extra = f"; {count_of(moved, 'person')} moved here" if moved else ""
                self.notify(f"{row.name} is also '{alias.strip()}'{extra}.")
                self.reload()

            self.attempt(lambda: self.store.merge_company_name(row.id, alias), merged)

        self.app.push_screen(AliasScreen(row.name), named)

    @on(RowList.Selected)
    def _open(self) -> None:
        if (row := self.table.current) is not None:
            self.app.push_screen(CompanyScreen(row.id))


class CompanyScreen(LiveScreen[None], keys="Company"):
    """One company's people in three groups: who to pitch, who can introduce you, unknown."""

    def action_cycle_tech(self) -> None:
        cycle_tech(self, self.store.get_company(self.company_id), self.reload)

    def action_paths(self) -> None:
        from netui.screens.paths import PathsScreen

        self.app.push_screen(PathsScreen(self.company_id))

    FOCUS = "#company-people"

    def __init__(self, company_id: int) -> None:
        super().__init__()
        self.company_id = company_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="company-summary")
        yield OptionList(id="company-people")
        yield Footer()

    def reload(self) -> None:
        try:
            company = self.store.get_company(self.company_id)
        except NetuiError:
            self.app.pop_screen()
            return
        self.sub_title = company.name
        target = " [b $warning]★ target[/]" if company.is_target else ""
        self.query_one("#company-summary", Static).update(
            f"[b]{escape(company.name)}[/b]{target} · {count_of(company.people, 'person')} · "
            f"{company.engineers} to pitch · {company.connectors} can introduce you · "
            f"{escape(tech_said(company.tech, company.tech_guess))}\n"
            "[dim]enter opens a person · p who can get you in · t marks it a target · "
            "T says if it is tech[/dim]"
        )
        people = self.store.people_page(PeopleQuery(company_id=self.company_id), 0, MAX_PEOPLE)
        options: list[Option] = []
        for approach, title in GROUPS:
            group = [p for p in people if approach_for(p.role) is approach]
            if not group:
                continue
            options.append(Option(f"[b $accent]{title}[/]", disabled=True))
            for p in group:
                title_ = f" · {escape(p.title)}" if p.title else ""
                options.append(
                    Option(
                        f"  {escape(p.full_name)}{title_} [dim]· {p.stage}[/dim]",
                        id=str(p.id),
                    )
                )
        if not options:
            options.append(Option("[dim]Nobody here yet.[/dim]", disabled=True))
        people_list = self.query_one("#company-people", OptionList)
        highlighted = people_list.highlighted
        people_list.clear_options()
        people_list.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        people_list.highlighted = highlighted if highlighted is not None else first

    @on(OptionList.OptionSelected, "#company-people")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.netui.open_person(int(event.option.id))

    def action_toggle_target(self) -> None:
        company = self.store.get_company(self.company_id)
        self.attempt(
            lambda: self.store.set_company_target(self.company_id, not company.is_target),
            lambda _: self.reload(),
        )

    def action_back(self) -> None:
        self.app.pop_screen()


def cycle_tech(screen: NetuiScreen[None], row: CompanyRow, done: Callable[[], None]) -> None:
    """T: unknown -> tech -> not tech -> unknown (netui guesses again), and say what it is."""
    flag = next_flag(row.tech)

    def saved(_: object) -> None:
        screen.notify(f"{row.name}: {tech_said(flag, row.tech_guess)}.")
        done()

    screen.attempt(lambda: screen.store.set_company_tech(row.id, flag), saved)


class AliasScreen(LineDialog[str | None], keys="Alias"):
    """Another name for a company; if that name is a company already, the two merge."""

    LINE = "alias"

    def __init__(self, company: str) -> None:
        super().__init__()
        self.company = company

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield dialog_title(f"{escape(self.company)} is also known as…", "enter")
            yield Input(placeholder="e.g. Alphabet — an existing company merges in", id="alias")
            yield Static(
                "[dim]Legal suffixes already match: 'Google LLC' is 'Google'.[/dim]",
                classes="hint",
            )

    def entered(self, text: str) -> None:
        self.dismiss(text.strip() or None)
