"""Companies: how many people you know at each, who to pitch, who can introduce you."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from netui.enums import STAGE_ORDER, Stage
from netui.errors import NetuiError
from netui.names import fold
from netui.pipeline import Approach, approach_for
from netui.store import CompanyRow, PeopleQuery, Store

if TYPE_CHECKING:
    from netui.app import NetuiApp

GROUPS = (
    (Approach.pitch, "Pitch yourself to them (engineers, eng managers, CTOs)"),
    (Approach.intro, "Ask them for an introduction to engineers"),
    (Approach.find_out, "Find out what they do"),
)
MAX_PEOPLE = 2000


def stages_text(stages: str) -> str:
    """'engaged,new' -> 'new, engaged' in pipeline order."""
    order = [*STAGE_ORDER, Stage.paused]
    present = {s for s in stages.split(",") if s}
    return ", ".join(s.value for s in order if s.value in present)


class CompaniesScreen(Screen[None]):
    """Every company, targets first; enter shows its people, t marks a target."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("t", "toggle_target", "Target", id="target"),
        Binding("a", "alias", "Also known as", id="alias"),
        Binding("slash", "focus_filter", "Find", id="find"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[CompanyRow] = []

    @property
    def store(self) -> Store:
        return cast("NetuiApp", self.app).store

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="/ find a company", id="companies-filter")
        table: DataTable[str | Text] = DataTable(
            id="companies", cursor_type="row", zebra_stripes=True
        )
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Companies"
        table = self.query_one("#companies", DataTable)
        table.add_column("★", key="target", width=1)
        table.add_column("Company", key="name", width=24)
        table.add_column("People", key="people", width=6)
        table.add_column("Pitch", key="pitch", width=5)
        table.add_column("Intro", key="intro", width=5)
        table.add_column("Stages", key="stages")
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.rows = self.store.companies()
        self._show()

    def _show(self) -> None:
        table = self.query_one("#companies", DataTable)
        wanted = fold(self.query_one("#companies-filter", Input).value.strip())
        keep = table.cursor_row
        current = self._current()
        table.clear()
        for row in self.rows:
            if wanted and wanted not in fold(row.name):
                continue
            table.add_row(
                "★" if row.is_target else "",
                Text(row.name),
                str(row.people),
                str(row.engineers),
                str(row.connectors),
                stages_text(row.stages),
                key=str(row.id),
            )
        if current is not None and str(current.id) in table.rows:
            table.move_cursor(row=table.get_row_index(str(current.id)))
        elif table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))

    def _current(self) -> CompanyRow | None:
        table = self.query_one("#companies", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((r for r in self.rows if str(r.id) == key), None)

    @on(Input.Changed, "#companies-filter")
    def _filter(self) -> None:
        self._show()

    @on(Input.Submitted, "#companies-filter")
    def _filter_done(self) -> None:
        self.query_one("#companies", DataTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#companies-filter", Input).focus()

    def action_back(self) -> None:
        if self.focused is self.query_one("#companies-filter", Input):
            self.query_one("#companies", DataTable).focus()
            return
        self.app.pop_screen()

    def action_toggle_target(self) -> None:
        row = self._current()
        if row is None:
            return
        self.store.set_company_target(row.id, not row.is_target)
        self.notify(f"{row.name} is {'no longer ' if row.is_target else ''}a target.")
        self.reload()

    def action_alias(self) -> None:
        row = self._current()
        if row is None:
            return

        def named(alias: str | None) -> None:
            if not alias:
                return
            try:
                moved = self.store.merge_company_name(row.id, alias)
            except NetuiError as exc:
                self.notify(str(exc), severity="error")
                return
            extra = f"; {moved} people moved here" if moved else ""
            self.notify(f"{row.name} is also '{alias.strip()}'{extra}.")
            self.reload()

        self.app.push_screen(AliasScreen(row.name), named)

    @on(DataTable.RowSelected, "#companies")
    def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.push_screen(CompanyScreen(int(event.row_key.value)))


class CompanyScreen(Screen[None]):
    """One company's people in three groups: who to pitch, who can introduce you, unknown."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("t", "toggle_target", "Target", id="target"),
    ]

    def __init__(self, company_id: int) -> None:
        super().__init__()
        self.company_id = company_id

    @property
    def store(self) -> Store:
        return cast("NetuiApp", self.app).store

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="company-summary")
        yield OptionList(id="company-people")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#company-people", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            company = self.store.get_company(self.company_id)
        except NetuiError:
            self.app.pop_screen()
            return
        self.sub_title = company.name
        target = " [b $warning]★ target[/]" if company.is_target else ""
        self.query_one("#company-summary", Static).update(
            f"[b]{escape(company.name)}[/b]{target} · {company.people} people · "
            f"{company.engineers} to pitch · {company.connectors} can introduce you\n"
            "[dim]enter opens a person · t marks the company a target[/dim]"
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
                    Option(f"  {escape(p.full_name)}{title_} [dim]· {p.stage}[/dim]", id=str(p.id))
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
            cast("NetuiApp", self.app).open_person(int(event.option.id))

    def action_toggle_target(self) -> None:
        company = self.store.get_company(self.company_id)
        self.store.set_company_target(self.company_id, not company.is_target)
        self.reload()

    def action_back(self) -> None:
        self.app.pop_screen()


class AliasScreen(ModalScreen[str | None]):
    """Another name for a company; if that name is a company already, the two merge."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="cancel")]

    def __init__(self, company: str) -> None:
        super().__init__()
        self.company = company

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"[b]{escape(self.company)} is also known as…[/b]  [dim]enter · esc[/dim]")
            yield Input(placeholder="e.g. Alphabet — an existing company merges in", id="alias")
            yield Static(
                "[dim]Legal suffixes already match: 'Google LLC' is 'Google'.[/dim]",
                classes="hint",
            )

    def on_mount(self) -> None:
        self.query_one("#alias", Input).focus()

    @on(Input.Submitted, "#alias")
    def _done(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)
