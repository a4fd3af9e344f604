"""Benchmark of the People screen (issue 3): start-up, filter keystrokes, PgDn, memory.

    .venv/bin/python bench/people.py [--sizes 1000,10000,30000,100000] [--runs 5]

Builds one database per size with `netui --db PATH demo --people N` in a temp folder (deleted
at the end unless --keep), then prints medians over --runs runs:

cold start   Whole process in a pseudo-terminal (120x40, TERM=xterm-256color): time from
             fork+exec of `python -m netui --db PATH` until the terminal output contains the
             painted count label ("30,000 people"), i.e. the People screen with its first
             query landed. Then ctrl+q is sent and the process reaped. `bare` is the same for
             bench/_bare_app.py (textual + sqlite3 + platformdirs; Header, Input, Static,
             Footer), the floor a Textual app with these libraries cannot go below.
peak RSS     ru_maxrss of that cold-started process (os.wait4), in MB.
filter key   Headless Pilot (app.run_test(size=(120, 40))), one child process per size. The
             filter box is focused and empty, the full list painted and idle. Clock starts
             just before the Key event for the first letter of --query is handed to the
             driver; it stops when the first frame is composed *after* the PeopleTable has
             applied that query's worker result (its Loaded message is dispatched). "Frame
             composed" = Screen's compositor render_update (every visible render_line run)
             plus rendering that update to the ANSI string the terminal driver would write;
             only the write to a real terminal is missing. Between runs the box is cleared
             and the list allowed to settle. Filter figures are medians over runs x --samples
             keystrokes (default 5 x 3), each started at a random point of Textual's 60 Hz
             frame clock (a random wait of up to two frames first): where a key lands against
             that clock moves its figure by up to ~17 ms, so one sample a run is too few.
3 keys       The same, with the three letters of --query sent back to back (a fast burst);
             stops at the first frame after the result for the whole query is applied.
worst key    The filter key figure for --worst (a letter matching most people).
PgDn         Table focused, cursor at the top; each press is timed from the Key event until
             the first frame composed with the cursor on its new row (a wait between
             presses); median over --presses presses a run, then median over runs; `max` is
             the median of each run's slowest press (a press that has to fetch a new window).
End          One press of End (jump to the last person) timed the same way.

The second table breaks each filter figure down (ms after the key event, medians): `echo` the
first frame (the letter appears in the box), `SQL from/to` the worker's first query start and
last query end, `(sum)` the worker's SQL wall time, `arrived` the result reaching the table's
message queue, `applied` the Loaded message (rows swapped in), `tick` the start of the screen
update that painted it, `painted` that frame composed; `UI SQL` is SQL run on the UI thread
during the measurement, `fetches` the worker fetches that ran, `frames` the frames composed.

Start-up figures: the machine sets PYTHONDONTWRITEBYTECODE=1; it is removed from the children's
environment and each child is run once first (not timed) so the bytecode cache is warm, as it
is for an installed app.

Nothing here is a test: goals are printed beside the numbers for a person to read.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pty
import random
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BARE_APP = Path(__file__).resolve().parent / "_bare_app.py"
COLS, ROWS = 120, 40
GOAL_KEY_MS = 1000 / 60  # one frame at 60 Hz
GOAL_KEY_RATIO = 1.5
GOAL_START_RATIO = 1.25
GOAL_RSS_MB = 120


# ---- environment -----------------------------------------------------------------------


def child_env(home: Path, source: Path) -> dict[str, str]:
    """The children's environment: private data/config folders, bytecode cache on."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(source), *filter(None, [env.get("PYTHONPATH")])])
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("NETUI_DB", None)
    for key in [k for k in env if k.startswith("TEXTUAL")]:
        env.pop(key)
    env.update(
        TERM="xterm-256color",
        COLUMNS=str(COLS),
        LINES=str(ROWS),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        NETUI_CONFIG_DIR=str(home / "config" / "netui"),
    )
    return env


def source_of(env: dict[str, str]) -> str:
    """The folder netui is imported from (first on the children's PYTHONPATH)."""
    return env["PYTHONPATH"].split(os.pathsep)[0]


def export_rev(rev: str, folder: Path) -> Path:
    """A clean copy of the package at `rev` (others may be editing the working tree)."""
    dest = folder / "src"
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir()
    parts = [p for p in ("netui", "assets") if _git("ls-tree", "--name-only", rev, p)]
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", rev, *parts], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def build_databases(sizes: list[int], folder: Path, env: dict[str, str]) -> dict[int, Path]:
    paths = {}
    for n in sizes:
        path = folder / f"people-{n}.db"
        paths[n] = path
        if path.exists():  # --keep DIR from an earlier run: reuse it
            print(f"  reused {n:>7,} people ({path.stat().st_size / 1e6:.0f} MB)")
            continue
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "netui", "--db", str(path), "demo", "--people", str(n)],
            env=env,
            cwd=source_of(env),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        took = time.perf_counter() - start
        print(f"  built {n:>7,} people in {took:5.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
    return paths


# ---- cold start in a pseudo-terminal ---------------------------------------------------


def cold_start(
    argv: list[str], marker: bytes | tuple[bytes, ...], env: dict[str, str]
) -> tuple[float, float]:
    """Spawn argv in a pty; seconds until every `marker` has been painted, and peak RSS
    in MB. netui's markers are its count label and its list's column header: a frame that
    carried only part of the screen (the count without the list) does not end the clock."""
    markers = (marker,) if isinstance(marker, bytes) else marker
    import fcntl
    import termios

    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child: size the terminal, then become the app
        try:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            os.chdir(source_of(env))
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    output = b""
    painted: float | None = None
    deadline = start + 60
    try:
        while painted is None and time.perf_counter() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break  # the child closed the terminal
            if not chunk:
                break
            output += chunk
            if all(m in output for m in markers):
                painted = time.perf_counter() - start
        if painted is None:
            tail = output[-400:].decode("utf-8", "replace")
            raise RuntimeError(f"{argv} never painted {markers!r}; last output: {tail!r}")
        os.write(fd, b"\x11")  # ctrl+q
        rusage = _reap(pid, fd)
    finally:
        os.close(fd)
    return painted, rusage.ru_maxrss / 1024


def _reap(pid: int, fd: int) -> Any:
    """Drain the terminal until the child exits (a full pty would block it); its rusage."""
    deadline = time.perf_counter() + 10
    while True:
        done, _status, rusage = os.wait4(pid, os.WNOHANG)
        if done:
            return rusage
        if time.perf_counter() > deadline:
            os.kill(pid, signal.SIGKILL)
            return os.wait4(pid, 0)[2]
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            with contextlib.suppress(OSError):
                os.read(fd, 65536)


# ---- headless Pilot (runs in a child process per size: --pilot PATH) -------------------


def pilot_main(path: str, runs: int, query: str, worst: str, presses: int, samples: int) -> None:
    import asyncio

    print(json.dumps(asyncio.run(_pilot(Path(path), runs, query, worst, presses, samples))))


async def _pilot(
    path: Path, runs: int, query: str, worst: str, presses: int, samples: int = 1
) -> dict[str, Any]:
    import asyncio
    import threading
    from time import perf_counter

    from textual import events
    from textual.message import Message
    from textual.widgets import Input

    from netui.app import make_app
    from netui.db import Database
    from netui.settings import Settings
    from netui.store import Store
    from netui.widgets.people_table import PeopleTable

    store = Store(Database.open(path))
    main_thread = threading.get_ident()
    # (what, on_ui, start, end, text, delivered): every list read, inline tries included
    sql: list[tuple[str, bool, float, float, str, bool]] = []

    def timed(name: str) -> None:
        real = getattr(store, name)

        def wrapper(q: Any, *args: Any, **kwargs: Any) -> Any:
            t = perf_counter()
            result = None
            try:
                result = real(q, *args, **kwargs)
                return result
            finally:
                on_ui = threading.get_ident() == main_thread
                delivered = result is not None
                sql.append((name, on_ui, t, perf_counter(), getattr(q, "text", ""), delivered))

        setattr(store, name, wrapper)

    timed("people_window")
    timed("people_page")

    loaded: list[tuple[float, str, int]] = []  # (time, query text, count) at Loaded dispatch
    frames: list[float] = []
    frame_ticks: list[float] = []  # the tick start of each frame
    waiters: list[tuple[Any, asyncio.Event, list[float]]] = []

    fetched: list[float] = []  # when a worker's result reached the table's message queue

    def message_hook(message: Message) -> None:
        if isinstance(message, PeopleTable._Fetched):
            fetched.append(perf_counter())
        elif isinstance(message, PeopleTable.Loaded):
            loaded.append((perf_counter(), message.people_query.text, message.count))

    # When each screen update tick starts: tick start -> frame composed = cost of the frame.
    from textual.screen import Screen

    ticks: list[float] = []
    real_tick = Screen._on_timer_update

    def tick(self: Screen[Any]) -> None:
        ticks.append(perf_counter())
        real_tick(self)

    Screen._on_timer_update = tick  # type: ignore[method-assign]
    app = make_app(store, Settings())
    async with app.run_test(size=(COLS, ROWS), message_hook=message_hook) as pilot:
        real_display = app._display

        def display(screen: Any, renderable: Any) -> None:
            real_display(screen, renderable)
            if renderable is None:
                return
            if hasattr(renderable, "render_segments"):  # what the driver would write
                renderable.render_segments(app.console)
            now = perf_counter()
            frames.append(now)
            frame_ticks.append(ticks[-1] if ticks else now)
            for waiter in list(waiters):
                if waiter[0]():
                    waiter[2].append(now)
                    waiter[1].set()
                    waiters.remove(waiter)

        app._display = display  # type: ignore[method-assign]

        async def frame_when(condition: Any, timeout: float = 30) -> float:
            event = asyncio.Event()
            hit: list[float] = []
            waiters.append((condition, event, hit))
            await asyncio.wait_for(event.wait(), timeout)
            return hit[0]

        def send(key: str) -> None:
            character = key if len(key) == 1 else None
            event = events.Key(key, character)
            event.set_sender(app)
            assert app._driver is not None
            app._driver.send_message(event)

        jitter = random.Random(7)

        async def settle() -> None:
            # Idle, then a random wait of up to two frames: a person's key lands at any
            # point of Textual's 60 Hz frame clock, and that phase moves the figure.
            await pilot.pause()
            await asyncio.sleep(0.05 + jitter.uniform(0, 2 / 60))

        def painted_after_loaded(text: str, since: float) -> Any:
            return lambda: any(t >= since and q == text for t, q, _ in loaded)

        await frame_when(painted_after_loaded("", 0.0))
        await settle()
        table = app.screen.query_one(PeopleTable)
        box = app.screen.query_one("#filter", Input)
        total = table.count

        async def clear_box() -> None:
            if box.value:
                since = perf_counter()
                box.value = ""
                await frame_when(painted_after_loaded("", since))
            await settle()

        async def type_keys(keys: str) -> dict[str, float]:
            await clear_box()
            del sql[:]
            first_frame = len(frames)
            t0 = perf_counter()
            for key in keys:
                send(key)
            end = await frame_when(painted_after_loaded(keys, t0))
            end_tick = frame_ticks[frames.index(end)]
            hit = next(t for t, q, _ in loaded if t >= t0 and q == keys)
            reads = [r for r in sql if r[0] == "people_window" and r[4] == keys]
            last = [r for r in reads if r[5]][-1]  # the read whose rows were shown
            # read inline on the UI thread: applied as it returned; else when the worker's
            # message arrived
            arrived = last[3] if last[1] else next(t for t in fetched if t >= last[3])
            return {
                "sql_start_ms": (reads[0][2] - t0) * 1000,
                "sql_end_ms": (last[3] - t0) * 1000,
                "arrived_ms": (arrived - t0) * 1000,
                "ms": (end - t0) * 1000,
                "loaded_ms": (hit - t0) * 1000,
                "echo_ms": (frames[first_frame] - t0) * 1000,
                "frames": len(frames) - first_frame,
                "tick_ms": (end_tick - t0) * 1000,
                "worker_sql_ms": sum(r[3] - r[2] for r in reads if not r[1]) * 1000,
                "ui_sql_ms": sum(r[3] - r[2] for r in sql if r[1]) * 1000,
                "fetches": sum(1 for r in reads if not r[1]),
                "count": next(c for t, q, c in loaded if t >= t0 and q == keys),
            }

        await pilot.press("slash")
        await settle()
        result: dict[str, Any] = {"total": total, "key": [], "seq": [], "worst": []}
        # run 0 warms SQLite's page cache and is dropped
        for run in range(runs * samples + 1):
            one = await type_keys(query[0])
            seq = await type_keys(query)
            bad = await type_keys(worst)
            if run:
                result["key"].append(one)
                result["seq"].append(seq)
                result["worst"].append(bad)
        await clear_box()

        table.focus()
        await settle()
        height = table.scrollable_content_region.height
        result["pgdn"], result["pgdn_max"], result["end"] = [], [], []
        for run in range(runs + 1):
            table.action_first()
            table.scroll_to(y=0, animate=False)
            table._rows.clear()  # start each run from a cold window, as after a new query
            await settle()
            times = []
            for _ in range(presses):
                target = min(table.count - 1, table.cursor + max(1, height - 1))
                t0 = perf_counter()
                send("pagedown")
                end = await frame_when(lambda target=target: table.cursor == target)
                times.append((end - t0) * 1000)
                await settle()
            target = table.count - 1
            t0 = perf_counter()
            send("end")
            end = await frame_when(lambda target=target: table.cursor == target)
            if run:
                result["pgdn"].append(statistics.median(times))
                result["pgdn_max"].append(max(times))
                result["end"].append((end - t0) * 1000)
            await settle()
        await pilot.press("ctrl+q")
    store.db.close()
    return result


def run_pilot(path: Path, env: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    argv = [sys.executable, str(Path(__file__).resolve()), "--pilot", str(path)]
    argv += ["--runs", str(args.runs), "--query", args.query, "--worst", args.worst]
    argv += ["--presses", str(args.presses), "--samples", str(args.samples)]
    done = subprocess.run(
        argv, env=env, cwd=source_of(env), check=True, capture_output=True, text=True
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _git(*args: str) -> str:
    done = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True)
    return done.stdout.strip()


# ---- the report ------------------------------------------------------------------------


def med(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,30000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--query", default="jos", help="letters typed into the filter")
    parser.add_argument("--worst", default="e", help="a letter that matches most people")
    parser.add_argument("--presses", type=int, default=10, help="PgDn presses a run")
    parser.add_argument(
        "--samples",
        type=int,
        default=3,
        help="filter measurements a run (their phase against Textual's frame clock varies)",
    )
    parser.add_argument(
        "--textual-fps", type=int, help="diagnosis: set TEXTUAL_FPS (frame cap, default 60)"
    )
    parser.add_argument(
        "--rev", help="benchmark this git revision (a clean export) instead of the working tree"
    )
    parser.add_argument("--keep", metavar="DIR", help="build in DIR and keep the databases")
    parser.add_argument(
        "--start-only", action="store_true", help="only the cold start and peak RSS cases"
    )
    parser.add_argument("--json", metavar="PATH", help="write the rows for bench/all.py")
    parser.add_argument("--pilot", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pilot:
        pilot_main(args.pilot, args.runs, args.query, args.worst, args.presses, args.samples)
        return 0
    sizes = sorted(int(s.replace("_", "").replace(",", "")) for s in args.sizes.split(","))
    if args.keep:
        folder = Path(args.keep)
        folder.mkdir(parents=True, exist_ok=True)
    else:
        folder = Path(tempfile.mkdtemp(prefix="netui-bench-"))
    started = time.perf_counter()
    try:
        return report(sizes, folder, args)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        print(f"(total {time.perf_counter() - started:.0f} s)")


def report(sizes: list[int], folder: Path, args: argparse.Namespace) -> int:
    source = export_rev(args.rev, folder) if args.rev else REPO
    env = child_env(folder, source)
    if args.textual_fps:
        env["TEXTUAL_FPS"] = str(args.textual_fps)
        print(f"DIAGNOSIS RUN: TEXTUAL_FPS={args.textual_fps} in every child")
    print(f"netui People benchmark: {args.runs} runs, medians; terminal {COLS}x{ROWS}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, databases in {folder}")
    print(f"load average before: {_load()}")
    if args.rev:
        print(f"netui from git {args.rev} ({_git('rev-parse', '--short', args.rev)}): {source}")
    else:
        print(f"netui from the working tree (uncommitted edits included): {source}")
    print("Building databases (netui --db PATH demo --people N):")
    paths = build_databases(sizes, folder, env)

    bare = [sys.executable, str(BARE_APP)]
    netui = {n: [sys.executable, "-m", "netui", "--db", str(paths[n])] for n in sizes}
    marker = {n: (f"{n:,} people".encode(), b"Last contact") for n in sizes}
    print("Start-up: PYTHONDONTWRITEBYTECODE unset for the children; each run once untimed")
    print("first to warm the bytecode cache.")
    cold_start(bare, b"bare app ready", env)
    for n in sizes:
        cold_start(netui[n], marker[n], env)
    start: dict[Any, list[float]] = {"bare": [], **{n: [] for n in sizes}}
    rss: dict[Any, list[float]] = {"bare": [], **{n: [] for n in sizes}}
    for _ in range(args.runs):  # interleaved, so drift hits every size alike
        seconds, mb = cold_start(bare, b"bare app ready", env)
        start["bare"].append(seconds * 1000)
        rss["bare"].append(mb)
        for n in sizes:
            seconds, mb = cold_start(netui[n], marker[n], env)
            start[n].append(seconds * 1000)
            rss[n].append(mb)

    if args.start_only:
        return _start_report(sizes, start, rss, args)
    print(f"Headless Pilot: query {args.query!r}, worst letter {args.worst!r} ...")
    pilot = {n: run_pilot(paths[n], env, args) for n in sizes}

    floor = med(start["bare"])
    small = sizes[0]
    key_small = med([r["ms"] for r in pilot[small]["key"]])
    print()
    head = (
        f"{'people':>8} | {'cold start':>10} {'(min)':>7} {'x bare':>6} | {'RSS MB':>6} | "
        f"{'key ' + args.query[0]!r:>9} {'x ' + f'{small // 1000}k':>5} | "
        f"{'3 keys':>7} | {'worst ' + args.worst!r:>9} | {'PgDn':>6} {'max':>6} | {'End':>6}"
    )
    print(head)
    print("-" * len(head))
    print(
        f"{'bare':>8} | {floor:8.0f}ms {min(start['bare']):5.0f}ms {1:6.2f} | "
        f"{med(rss['bare']):6.1f} | "
        f"{'':>9} {'':>5} | {'':>7} | {'':>9} | {'':>6} {'':>6} | {'':>6}"
    )
    for n in sizes:
        p = pilot[n]
        key = med([r["ms"] for r in p["key"]])
        print(
            f"{n:>8,} | {med(start[n]):8.0f}ms {min(start[n]):5.0f}ms "
            f"{med(start[n]) / floor:6.2f} | "
            f"{med(rss[n]):6.1f} | {key:7.1f}ms {key / key_small:5.2f} | "
            f"{med([r['ms'] for r in p['seq']]):5.1f}ms | "
            f"{med([r['ms'] for r in p['worst']]):7.1f}ms | "
            f"{med(p['pgdn']):4.1f}ms {med(p['pgdn_max']):4.1f}ms | {med(p['end']):4.1f}ms"
        )
    print()
    print("Where the filter time goes (medians, ms from the key event):")
    print(
        f"{'people':>8} {'case':>6} | {'matches':>7} | {'echo':>5} | {'SQL from':>8} {'to':>5} "
        f"{'(sum)':>6} | {'arrived':>7} | {'applied':>7} | {'tick':>5} | {'painted':>7} | "
        f"{'UI SQL':>6} | {'fetches':>7} | frames"
    )
    for n in sizes:
        for case in ("key", "seq", "worst"):
            runs = pilot[n][case]
            print(
                f"{n:>8,} {case:>6} | {runs[0]['count']:>7,} | "
                f"{med([r['echo_ms'] for r in runs]):5.1f} | "
                f"{med([r['sql_start_ms'] for r in runs]):8.1f} "
                f"{med([r['sql_end_ms'] for r in runs]):5.1f} "
                f"{med([r['worker_sql_ms'] for r in runs]):6.1f} | "
                f"{med([r['arrived_ms'] for r in runs]):7.1f} | "
                f"{med([r['loaded_ms'] for r in runs]):7.1f} | "
                f"{med([r['tick_ms'] for r in runs]):5.1f} | "
                f"{med([r['ms'] for r in runs]):7.1f} | "
                f"{med([r['ui_sql_ms'] for r in runs]):6.1f} | "
                f"{med([r['fetches'] for r in runs]):7.0f} | "
                f"{med([r['frames'] for r in runs]):.0f}"
            )
    print()
    print(f"load average after: {_load()} (other work on the machine skews every figure)")
    print()
    print("Goals:")
    goal_n = 30000 if 30000 in sizes else sizes[-1]
    key_goal = med([r["ms"] for r in pilot[goal_n]["key"]])
    verdict = "met" if key_goal <= GOAL_KEY_MS else "MISSED"
    print(f"  filter key at {goal_n:,} <= {GOAL_KEY_MS:.1f} ms: {key_goal:.1f} ms, {verdict}")
    ratio = key_goal / key_small
    verdict = "met" if ratio <= GOAL_KEY_RATIO else "MISSED"
    print(
        f"  filter key at {goal_n:,} <= {GOAL_KEY_RATIO}x its {small:,} figure: "
        f"{ratio:.2f}x, {verdict}"
    )
    for n in sizes:
        ratio = med(start[n]) / floor
        verdict = "met" if ratio <= GOAL_START_RATIO else "MISSED"
        print(f"  cold start {n:>7,} <= {GOAL_START_RATIO}x bare: {ratio:.2f}x, {verdict}")
    for n in sizes:
        verdict = "met" if med(rss[n]) <= GOAL_RSS_MB else "MISSED"
        print(f"  peak RSS   {n:>7,} <= {GOAL_RSS_MB} MB: {med(rss[n]):.1f} MB, {verdict}")
    if args.json:
        rows = []
        for n in sizes:
            p = pilot[n]
            rows += [
                _row(f"cold start, {n:,} people", med(start[n]), "ms", "bare Textual app",
                     floor, f"<= {GOAL_START_RATIO}x floor"),
                _row(f"peak RSS at start, {n:,} people", med(rss[n]), "MB", "bare Textual app",
                     med(rss["bare"]), f"<= {GOAL_RSS_MB} MB"),
                _row(f"filter key (Pilot), {n:,} people", med([r["ms"] for r in p["key"]]),
                     "ms", f"the same at {small:,}", key_small, f"<= {GOAL_KEY_MS:.1f} ms"),
                _row(f"3 keys (Pilot), {n:,} people", med([r["ms"] for r in p["seq"]]), "ms",
                     "", None, ""),
                _row(f"worst letter (Pilot), {n:,} people",
                     med([r["ms"] for r in p["worst"]]), "ms", "", None, ""),
                _row(f"PgDn, {n:,} people", med(p["pgdn"]), "ms", "", None,
                     f"<= {GOAL_KEY_MS:.1f} ms"),
                _row(f"End, {n:,} people", med(p["end"]), "ms", "", None,
                     f"<= {GOAL_KEY_MS:.1f} ms"),
            ]  # fmt: skip
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


def _start_report(
    sizes: list[int], start: dict[Any, list[float]], rss: dict[Any, list[float]], args: Any
) -> int:
    """--start-only: the cold start and peak RSS table, goals and rows (no Pilot cases)."""
    floor = med(start["bare"])
    print(f"\n{'people':>8} | {'cold start':>10} {'(min)':>7} {'x bare':>6} | {'RSS MB':>6}")
    for key in ["bare", *sizes]:
        name = "bare" if key == "bare" else f"{key:,}"
        print(
            f"{name:>8} | {med(start[key]):8.0f}ms {min(start[key]):5.0f}ms "
            f"{med(start[key]) / floor:6.2f} | {med(rss[key]):6.1f}"
        )
    print(f"\nload average after: {_load()}")
    rows = []
    for n in sizes:
        ratio = med(start[n]) / floor
        verdict = "met" if ratio <= GOAL_START_RATIO else "MISSED"
        print(f"  cold start {n:>7,} <= {GOAL_START_RATIO}x bare: {ratio:.2f}x, {verdict}")
        rows += [
            _row(f"cold start, {n:,} people", med(start[n]), "ms", "bare Textual app", floor,
                 f"<= {GOAL_START_RATIO}x floor"),
            _row(f"peak RSS at start, {n:,} people", med(rss[n]), "MB", "bare Textual app",
                 med(rss["bare"]), f"<= {GOAL_RSS_MB} MB"),
        ]  # fmt: skip
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


def _row(
    case: str, value: float, unit: str, floor_name: str, floor: float | None, goal: str
) -> dict[str, Any]:
    """One row for bench/all.py: the value, the floor measured in the same run, the goal."""
    return {"bench": "people", "case": case, "value": round(value, 2), "unit": unit,
            "floor_name": floor_name, "floor": None if floor is None else round(floor, 2),
            "goal": goal}  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
