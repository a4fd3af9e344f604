"""Progress: conversations per week against the goal, the funnel, response rates, targets.

Charts are drawn by textual-plotext (a maintained Plotext widget); the numbers are the
ones `netui stats` prints (netui/progress.py).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Header, Static
from textual_plotext import PlotextPlot

from netui.conversations import CONVERSATION_DEFINITION
from netui.plural import noun_for
from netui.progress import Progress, Rate, build_progress
from netui.screens.base import LiveScreen
from netui.textsafe import escape_markup as escape
from netui.widgets.footer import Footer
from netui.widgets.row_list import fit

NO_CONVERSATIONS = (
    "No conversations in the last 12 weeks yet. Each call, coffee or meeting you log (l on a "
    "person), and each day you and someone both wrote, adds to its week here, against your "
    "goal of {goal} a week."
)
NO_FUNNEL = (
    "No one in the pipeline yet. As you reach out (compose, then mark sent), talk, ask and "
    "get introduced, people move through these steps and the bars fill."
)
NO_SENT = (
    "No messages marked sent yet. When you mark a draft sent in the composer, its intent and "
    "channel are counted here, and answered once they reply or you talk."
)
NO_TARGETS = (
    "No target companies yet. Mark the companies you want to work at with t on the "
    "Companies screen (o on People): how far you have got at each shows here."
)


def rate_lines(rates: list[Rate]) -> str:
    return "\n".join(
        f"  {escape(fit(r.label, 28))} {r.answered:>4} of {r.sent:<4} [b]{r.percent:>3}%[/b]"
        for r in rates
    )


class ProgressScreen(LiveScreen[None], keys="Progress"):
    """The measure of progress: each conversation counts."""

    SUB_TITLE = "Progress"
    FOCUS = "#progress"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="progress"):
            yield Static("", id="progress-weeks-title", classes="progress-title")
            yield PlotextPlot(id="progress-weeks")
            yield Static("", id="progress-weeks-empty", classes="progress-empty")
            yield Static(f"[dim]{escape(CONVERSATION_DEFINITION)}[/dim]", classes="progress-note")
            yield Static("[b]Funnel[/b] people at or past each step", classes="progress-title")
            yield PlotextPlot(id="progress-funnel")
            yield Static(NO_FUNNEL, id="progress-funnel-empty", classes="progress-empty")
            yield Static("[b]Response rate[/b] of messages marked sent", classes="progress-title")
            yield Static("", id="progress-rates")
            yield Static("[b]Target companies[/b]", classes="progress-title")
            yield Static("", id="progress-targets")
        yield Footer()

    def action_reload(self) -> None:
        self.reload()

    def reload(self) -> None:
        today = self.today()
        progress = build_progress(self.store.progress_facts(today), today,
                                  self.settings.weekly_goal)  # fmt: skip
        self._weeks(progress)
        self._funnel(progress)
        self._rates(progress)
        self._targets(progress)

    def _plot(self, name: str, has_any: bool) -> PlotextPlot | None:
        """The chart #progress-<name>, cleared to draw on, when there is something to draw;
        else None, and its #progress-<name>-empty line shows instead."""
        plot = self.query_one(f"#progress-{name}", PlotextPlot)
        plot.display = has_any
        self.query_one(f"#progress-{name}-empty", Static).display = not has_any
        if not has_any:
            return None
        plot.plt.clear_data()
        plot.plt.clear_figure()
        return plot

    def _weeks(self, progress: Progress) -> None:
        goal = progress.weekly_goal
        this_week = progress.weeks[-1][1] if progress.weeks else 0
        self.query_one("#progress-weeks-title", Static).update(
            f"[b]Conversations per week[/b] last 12 weeks · this week {this_week} of {goal}"
        )
        self.query_one("#progress-weeks-empty", Static).update(NO_CONVERSATIONS.format(goal=goal))
        if (plot := self._plot("weeks", progress.conversations > 0)) is None:
            return
        plt = plot.plt
        labels = [f"{start:%d %b}" for start, _ in progress.weeks]
        counts = [n for _, n in progress.weeks]
        plt.bar(labels, counts, marker="hd")
        if goal > 0:
            plt.hline(goal, "red")
            plt.text(f"goal {goal}", x=1, y=goal, alignment="left")
        top = max([*counts, goal]) + 1
        plt.ylim(0, top)
        plt.yticks(list(range(0, top + 1, max(1, top // 4))))
        plot.refresh()

    def _funnel(self, progress: Progress) -> None:
        if (plot := self._plot("funnel", any(n for _, n in progress.funnel))) is None:
            return
        plt = plot.plt
        steps = progress.funnel[::-1]  # plotext draws the first bar at the bottom
        top = max(n for _, n in steps)
        plt.bar([f"{label} {n:>5,}" for label, n in steps], [n for _, n in steps],
                orientation="horizontal", width=0.5)  # fmt: skip
        plt.xlim(0, top)
        plt.xticks(list(range(0, top + 1, max(1, top // 4))))
        plot.refresh()

    def _rates(self, progress: Progress) -> None:
        box = self.query_one("#progress-rates", Static)
        if not progress.sent:
            box.update(NO_SENT)
            return
        box.update(
            "[dim]by intent[/dim]\n" + rate_lines(progress.by_intent)
            + "\n[dim]by channel[/dim]\n" + rate_lines(progress.by_channel)
        )  # fmt: skip

    def _targets(self, progress: Progress) -> None:
        box = self.query_one("#progress-targets", Static)
        if not progress.targets:
            box.update(NO_TARGETS)
            return
        box.update(
            "\n".join(
                f"  [b]{escape(fit(t.name, 24))}[/b] {t.people:>4} "
                f"{noun_for(t.people, 'person'):<6}  "
                f"{t.engaged:>3} engaged+  {escape(t.how_far)}"
                for t in progress.targets
            )
        )

    def action_back(self) -> None:
        self.app.pop_screen()
