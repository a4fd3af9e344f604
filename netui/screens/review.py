"""Review (triage): the candidates archives found, one at a time, one key each.

Best evidence first (two-way conversations, mutual follows, several sources, recent). `a`
adds them (the person form, prefilled; their evidence moves onto the new timeline), `m`
matches them to someone already here (fuzzy suggestions), `s` skips, `n` marks them not in
tech (both remembered across re-imports), `u` undoes the last decision.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static

from netui.channel_ingest import NOT_TECH, SKIPPED, ago_text
from netui.names import company_key
from netui.plural import count_of
from netui.screens.base import NetuiScreen
from netui.screens.person_form import PersonFormScreen
from netui.screens.undo import Undo, UndoStack
from netui.store.candidate_review import CandidateRecord, CandidateUndo, ReviewProgress
from netui.tech import tech_guess, tech_said
from netui.textsafe import escape_markup as escape
from netui.widgets.footer import Footer

EMPTY = (
    "No candidates waiting for review.\n\n"
    "Candidates come from archives: your mailbox (Gmail's Takeout mbox, a Maildir), "
    "LinkedIn's data export (messages), WhatsApp chats, Instagram, Snapchat and Facebook "
    "downloads. Bring one in with i on People (or netui import PATH): people you already "
    "have get the conversations on their timeline, everyone else waits here."
)
_VERBS = {"added": "Added", "matched": "Matched", SKIPPED: "Skipped", NOT_TECH: "Not in tech:"}


class CandidateFormScreen(PersonFormScreen):
    """The person form, prefilled from a candidate."""

    def __init__(self, values: dict[str, str]) -> None:
        super().__init__()
        self.prefill = values

    def _initial_values(self) -> dict[str, str]:
        return {**super()._initial_values(), **self.prefill}


class ReviewScreen(NetuiScreen[None], keys="Review"):
    """One candidate at a time; the footer has a key for each decision."""

    class Loaded(Message):
        def __init__(
            self,
            waiting: list[CandidateRecord],
            progress: ReviewProgress,
            tech: dict[str, tuple[str, str]],
        ) -> None:
            super().__init__()
            self.waiting = waiting
            self.progress = progress
            self.tech = tech

    def __init__(self) -> None:
        super().__init__()
        self.waiting: list[CandidateRecord] = []
        self.index = 0
        self.progress = ReviewProgress(0, 0)
        self.loaded = False
        self.undo_stack = UndoStack()
        self.decided: list[int] = []  # candidate ids, in the undo stack's order
        self.show_id: int | None = None  # the candidate to show once loaded (after undo)
        self.tech: dict[str, tuple[str, str]] = {}  # company key -> (you said, guess)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading the candidates…", id="review-progress")
        with VerticalScroll(id="review-body"):
            yield Static("", id="review-card")
        yield Static("", id="review-next")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Review candidates"
        self.load()

    @property
    def current(self) -> CandidateRecord | None:
        return self.waiting[self.index] if self.waiting else None

    # ---- reading --------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="review")
    def load(self) -> None:
        waiting = self.patiently(self.store.waiting_candidates)
        progress = self.patiently(self.store.review_progress)
        tech = self.patiently(self.store.company_tech_by_key)
        self.post_message(self.Loaded(waiting, progress, tech))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        current = self.current
        self.waiting, self.progress, self.loaded = message.waiting, message.progress, True
        self.tech = message.tech
        ids = [c.id for c in self.waiting]
        wanted = self.show_id if self.show_id is not None else current.id if current else None
        self.show_id = None
        if wanted in ids:
            self.index = ids.index(wanted)
        self.index = min(self.index, max(0, len(self.waiting) - 1))
        self.show()

    def show(self) -> None:
        progress = self.query_one("#review-progress", Static)
        card = self.query_one("#review-card", Static)
        after = self.query_one("#review-next", Static)
        candidate = self.current
        self.refresh_bindings()
        if candidate is None:
            progress.update(self.progress.text() if self.progress.total else "")
            card.update(EMPTY if self.loaded else "")
            after.update("u undoes the last decision" if len(self.undo_stack) else "")
            return
        where = f" · {self.index + 1:,} of {len(self.waiting):,} waiting"
        progress.update(f"[b]{self.progress.text()}[/b]{where}")
        card.update(self._card(candidate))
        later = self.waiting[self.index + 1 : self.index + 4]
        after.update(
            "[dim]Next: " + ", ".join(escape(c.shown) for c in later) + "[/dim]" if later else ""
        )

    def _card(self, c: CandidateRecord) -> str:
        today = self.today()
        lines = [
            f"[b]{escape(c.shown)}[/b]" + (f"  {escape(c.handle)}" if c.name and c.handle else "")
        ]
        lines.append(f"From: {escape(c.source_text)}")
        evidence = c.evidence(today)
        if c.days:
            evidence += f" ({count_of(c.days, 'conversation day')}; {ago_text(c.last_at, today)})"
        lines.append(f"Evidence: {escape(evidence)}")
        for topic in self.store.candidate_topics(c.id, today):
            lines.append(f"  [dim]· {escape(topic)}[/dim]")
        if c.company:
            known = self.tech.get(company_key(c.company))
            if known is not None and known[0]:  # you said yes or no about this company
                tech = f" · {tech_said(*known)}"
            else:
                domain = c.email.partition("@")[2]
                why = tech_guess(c.company, domains=[domain] if domain else [])
                why = why or (known[1] if known else "")
                tech = f" · tech: {why}" if why else " · tech: not known"
            lines.append(f"Company (guessed): {escape(c.company)}[dim]{escape(tech)}[/dim]")
        if c.how_we_know == "school":
            lines.append("How you know them: school (a university address)")
        for label, value in (("Email", c.email), ("LinkedIn", c.linkedin_url),
                             ("Phone", c.phone)):  # fmt: skip
            if value and value != c.handle:
                lines.append(f"{label}: {escape(value)}")
        return "\n".join(lines)

    # ---- deciding -------------------------------------------------------------------------

    def _decided(self, undo: CandidateUndo) -> None:
        candidate = self.current
        name = candidate.shown if candidate else f"#{undo.candidate_id}"
        self.undo_stack.append(
            Undo(f"decision about {name}", lambda: self.store.undo_candidate(undo))
        )
        self.decided.append(undo.candidate_id)
        self.notify(f"{_VERBS[undo.action]} {name}. u undoes it.", title="Review", timeout=3)
        self.waiting = [c for c in self.waiting if c.id != undo.candidate_id]
        self.progress = ReviewProgress(self.progress.reviewed + 1, self.progress.total)
        self.index = min(self.index, max(0, len(self.waiting) - 1))
        self.show()

    def action_skip(self) -> None:
        self._decide(SKIPPED)

    def action_not_tech(self) -> None:
        self._decide(NOT_TECH)

    def _decide(self, status: str) -> None:
        candidate = self.current
        if candidate is not None:
            self.attempt(lambda: self.store.decide_candidate(candidate.id, status), self._decided)

    def action_add(self) -> None:
        if (candidate := self.current) is not None:
            form = CandidateFormScreen(candidate.person_values())
            self._decide_by(form, candidate, self.store.candidate_added)

    def action_match(self) -> None:
        from netui.screens.review_match import MatchScreen

        if (candidate := self.current) is not None:
            self._decide_by(MatchScreen(candidate), candidate, self.store.match_candidate)

    def _decide_by(
        self,
        dialog: Screen[int | None],
        candidate: CandidateRecord,
        decide: Callable[[int, int], CandidateUndo],
    ) -> None:
        """Open `dialog`: the person it gives (None: cancelled) decides the candidate, by
        `decide(candidate id, person id)`."""

        def chosen(person_id: int | None) -> None:
            if person_id is not None:
                self.attempt(lambda: decide(candidate.id, person_id), self._decided)

        self.app.push_screen(dialog, chosen)

    def action_undo(self) -> None:
        back = self.decided[-1] if self.decided else None
        if self.undo_stack.undo(self.notify):
            self.decided.pop()
            self.show_id = back
            self.progress = ReviewProgress(max(0, self.progress.reviewed - 1), self.progress.total)
            self.load()

    def action_move(self, step: int) -> None:
        if self.waiting:
            self.index = max(0, min(len(self.waiting) - 1, self.index + step))
            self.show()

    def action_back(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[Any, ...]) -> bool | None:
        """Decisions need a candidate on screen (the footer hides them when none)."""
        if action in ("add", "match", "skip", "not_tech"):
            return self.current is not None
        return True
