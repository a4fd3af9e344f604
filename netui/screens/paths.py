"""Paths: who can get you in at one company, ranked, each explained in one line."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Header, Static

from netui.errors import NetuiError
from netui.network import Path
from netui.path_explain import explain, next_move, who
from netui.path_strength import strength_word
from netui.plural import count_of
from netui.recipient import IntroTarget
from netui.screens.base import NetuiScreen
from netui.store.paths import CompanyPaths
from netui.textsafe import escape_markup as escape
from netui.widgets.footer import Footer
from netui.widgets.row_list import RowList

INTENT_WORDS = {"pitch": "pitch yourself to", "intro": "ask for an introduction:"}


class PathsScreen(NetuiScreen[None], keys="Paths"):
    """Every way into one company, strongest first; c writes to the person you know."""

    def __init__(self, company_id: int) -> None:
        super().__init__()
        self.company_id = company_id
        self.result: CompanyPaths | None = None
        self._seen_version = -1

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Finding the ways in…", id="paths-summary")
        yield RowList[Path](
            [("Strength", 8), ("Way in", 0)],
            self._cells,
            empty="No way in yet.",
            id="paths",
        )
        yield Static("", id="paths-detail")
        yield Footer()

    @property
    def table(self) -> RowList[Path]:
        return self.query_one("#paths", RowList)

    def on_mount(self) -> None:
        self.sub_title = "Paths"
        self.table.focus()
        self.watch(self.table, "cursor", self._show_detail, init=False)
        self._load()

    def on_screen_resume(self) -> None:
        if self._seen_version not in (-1, self.store.data_version()):
            self._load()  # a message was marked sent, a person changed: rank again

    @work(thread=True, exclusive=True, group="paths")
    def _load(self) -> None:
        """Off the UI thread: the first load reads the whole network (~0.5 s at 30,000)."""
        version = self.store.data_version()
        try:
            result = self.store.company_paths(self.company_id, self.settings.path_max_hops)
        except NetuiError as exc:  # the company is gone, the file is busy: said, not raised
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._loaded, result, version)

    def _failed(self, message: str) -> None:
        self.notify(message, severity="error")
        self.app.pop_screen()

    def _loaded(self, result: CompanyPaths, version: int) -> None:
        self.result = result
        self._seen_version = version
        self.sub_title = f"Paths into {result.company}"
        count = len(result.paths)
        star = " [b $warning]★ target[/]" if result.is_target else ""
        name = escape(result.company)
        if count:
            who_ = count_of(count, "person")
            best = strength_word(result.paths[0].strength)
            text = f"[b]{name}[/b]{star} · {who_} can get you in · best: [b]{best}[/b]"
        else:
            text = (
                f"[b]{name}[/b]{star} · no way in yet: add who you know there, or open a "
                "person and link (k) whoever they know there"
            )
        hops = self.settings.path_max_hops
        self.query_one("#paths-summary", Static).update(
            f"{text}\n[dim]c write to them · enter open them · t open who it reaches · "
            f"up to {hops} link{'s' if hops != 1 else ''} away[/dim]"
        )
        current = self.table.current
        self.table.set_rows(
            result.paths, keep=lambda p: current is not None and p.first == current.first
        )
        self._show_detail()

    def _cells(self, path: Path) -> list[str]:
        assert self.result is not None
        return [strength_word(path.strength), explain(path, self.result.network)]

    def _show_detail(self) -> None:
        """The highlighted path in full (a row is cut at 80 columns) and what c will do."""
        path = self.table.current
        detail = self.query_one("#paths-detail", Static)
        if path is None or self.result is None:
            detail.update("")
            return
        network = self.result.network
        move = next_move(path, network)
        person = network.people[move.person_id]
        action = f"pitch yourself to {person.name}"
        if move.intent == "intro":
            named = network.people[move.target_id].name if move.target_id else ""
            action = f"ask {person.name} for an introduction" + (f" to {named}" if named else "")
        detail.update(f"{escape(explain(path, network))}\n[dim]c: {escape(action)}[/dim]")

    # ---- acting on a path ---------------------------------------------------------

    def action_compose(self) -> None:
        """Write to the first person on the path: a pitch, or an intro ask that names whom."""
        from netui.screens.composer import ComposerScreen

        path = self.table.current
        if path is None or self.result is None:
            self.notify("No path to act on yet.", timeout=3)
            return
        network = self.result.network
        move = next_move(path, network)
        target = None
        if move.target_id is not None:
            person = network.people[move.target_id]
            described = who(person, network)
            if path.hops > 1:  # they know someone who knows someone there: say whom
                phrase = network.phrases(path)[1]
                described = (
                    f"{person.name}, who {phrase} {who(network.people[path.people[2]], network)}"
                )
            target = IntroTarget(person.name, person.first_name, described, self.result.company)
        # Back here, on_screen_resume ranks again if the message was marked sent.
        self.app.push_screen(ComposerScreen(move.person_id, intent=move.intent, intro_to=target))

    @on(RowList.Selected)
    def _open_first(self) -> None:
        if (path := self.table.current) is not None:
            self.netui.open_person(path.first)

    def action_open_target(self) -> None:
        if (path := self.table.current) is not None:
            self.netui.open_person(path.target)

    def action_back(self) -> None:
        self.app.pop_screen()
