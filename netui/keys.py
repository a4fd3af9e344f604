"""Every key binding netui has, as data: one table per screen, widget or the app.

This is the one definition of netui's keys. Each screen, widget and the app names its
table in its class line and gets those bindings (`class PeopleScreen(NetuiScreen[None],
keys="People")`, netui/widgets/bindings.py); `netui keys` and the `[keymap]` check in
settings read the table without loading Textual.

A table starts with `[Owner]`: the class name without its `Screen` suffix (`App` is the
app); `[LogForm, MeetingForm]` is one table both dialogs have. Each row is separated by
spaces: the keys (Textual's key string, several separated by commas), the action, the
binding id (`-`: none; the name a `[keymap]` entry uses), the flags (`-`; `hidden`: not in
the footer; `priority`: before the focused widget; or `hidden+priority`), then what it
does (the rest of the line, shown in the footer and by `?`). An id may repeat across
owners: one `[keymap]` line then remaps it on each (`cancel = "ctrl+c"`, every dialog).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

_TABLES = """
[App]
question_mark  show_keys  keys  -                Keys
ctrl+q         quit       quit  hidden+priority  Quit

[Brief]
escape,b,q  back  brief_back  -  Back

[Companies]
escape  back           back          -  Back
p       paths          paths         -  Paths in
t       toggle_target  target        -  Target
T       cycle_tech     company_tech  -  Tech?
a       alias          alias         -  Also known as
slash   focus_filter   find          -  Find

[Company]
escape  back           back          -  Back
p       paths          paths         -  Paths in
t       toggle_target  target        -  Target
T       cycle_tech     company_tech  -  Tech?

[Alias, Stage]
escape  dismiss(None)  cancel  -  Cancel

[Composer]
ctrl+y  copy          composer_copy       priority  Copy
ctrl+s  save          composer_save       priority  Save
ctrl+t  mark_sent     composer_mark_sent  priority  Mark sent
ctrl+o  edit_outside  composer_editor     priority  $EDITOR
ctrl+l  open_mail     composer_mailto     priority  Mail app
ctrl+g  pick_draft    composer_drafts     priority  Drafts
escape  back          composer_back       -         Back

[DraftPicker]
escape  close  composer_drafts_close  -  Close

[MessageArea]
ctrl+r  redo  composer_redo  hidden  Redo

[Confirm]
y         answer(True)   yes  -  Yes
n,escape  answer(False)  no   -  No

[QuickAdd]
escape  close  close  -  Close

[Duplicates]
a       choose('a')    dup_use_left   -       Left value
b       choose('b')    dup_use_right  -       Right value
m       merge          dup_merge      -       Merge
u       undo           dup_undo       -       Undo merge
n       not_duplicate  dup_not        hidden  Not duplicates (hide)
escape  back           dup_back       -       Back

[Filters]
ctrl+s  apply          apply   priority  Apply
ctrl+r  reset          reset   -         Clear all
escape  dismiss(None)  cancel  -         Cancel

[FollowUp]
escape  dismiss(False)  cancel  -  Cancel

[PathInput]
tab  complete  import_complete  hidden  Complete

[FieldPicker]
escape  cancel  field_cancel  -  Cancel

[Import]
ctrl+s  confirm  import_confirm  priority  Import
escape  close    import_back     -         Back

[Introduced]
escape  dismiss(None)  introduced_skip     -       Skip
down    to_results     introduced_results  hidden  Results

[Keys]
escape,q,question_mark  dismiss  close  -  Close

[Link]
escape  dismiss(None)  cancel      -       Cancel
down    to_results     to_results  hidden  Results

[LogForm, MeetingForm, PersonForm]
ctrl+s  save    save    priority  Save
escape  cancel  cancel  -         Cancel

[Meeting]
space         tick            meeting_toggle          -       Tick
b             brief           meeting_brief           -       Brief
m             mark_done       meeting_done            -       Mark done
c             compose         meeting_compose         -       Write follow-up
f             follow_up_sent  meeting_follow_up_sent  -       Follow-up sent
a             add_item        meeting_add_item        -       Add
d,delete      remove_item     meeting_remove_item     hidden  Remove item
shift+up,K    move(-1)        meeting_move_up         hidden  Move item up
shift+down,J  move(1)         meeting_move_down       hidden  Move item down
u             undo            meeting_undo            hidden  Undo remove
A             add_defaults    meeting_defaults        hidden  Add default items
r             reschedule      meeting_reschedule      -       Reschedule
x             cancel_meeting  meeting_cancel          hidden  Cancel meeting
e             export          meeting_export          hidden  Export .ics
p             plan_another    meeting_plan            hidden  Plan another
escape        back            meeting_back            -       Back

[DoneNotes]
ctrl+s  save    save    priority  Mark done
escape  cancel  cancel  -         Cancel

[AddItem, Request, ExportPath]
escape  cancel  cancel  -  Cancel

[Paths]
escape  back         back           -  Back
c       compose      paths_compose  -  Write to them
t       open_target  paths_target   -  Open who it reaches

[People]
slash             focus_filter     find          -       Find
a                 add              add           -       Add
plus              quick_add        quick_add     hidden  Quick add
e                 edit             edit          -       Edit
d                 archive          archive       hidden  Archive
u                 undo             undo          hidden  Undo
r                 restore          restore       hidden  Restore archived
P                 purge            purge         hidden  Erase an archived person for good
c                 compose          compose       -       Compose
m                 meeting          meeting       -       Meet
f                 follow_up        follow_up     hidden  Follow-up
s                 cycle_sort       sort          -       Sort
S                 reverse_sort     reverse_sort  hidden  Reverse sort
F                 filters          filters       -       Filter
exclamation_mark  toggle_due       due           hidden  Due follow-ups only
x                 toggle_archived  archived      hidden  Archived people
o                 companies        companies     hidden  Companies
t                 upcoming         upcoming      hidden  Upcoming meetings
T                 today            today         hidden  Today: what to do next
i                 import           import        hidden  Import
M                 duplicates       duplicates    hidden  Duplicates
R                 review           review        hidden  Review candidates from archives
comma             settings         settings      hidden  Settings (your name, blurb)
escape            clear_filter     clear_filter  hidden  Clear filter

[Person]
escape  back           back       hidden  Back
l       log            log        -       Log
f       follow_up      follow_up  -       Follow-up
s       stage          stage      -       Stage
k       link           link       -       Link
c       compose        compose    -       Compose
r       drafts         drafts     hidden  Reopen a draft
m       meeting        meeting    -       Meet
p       paths          paths      hidden  Paths into their company
e       edit           edit       hidden  Edit person
b       brief          brief      hidden  Meeting brief
d       delete         delete     hidden  Delete entry / link
u       undo           undo       hidden  Undo
z       keep_in_touch  keep       hidden  Keep in touch: cadence, snooze

[LogBar]
escape  screen.close_log    close_log    -  Close
ctrl+o  screen.log_details  log_details  -  Details form

[Progress]
escape  back    progress_back    -       Back
r       reload  progress_reload  hidden  Refresh

[Review]
a             add       review_add       -       Add
m             match     review_match     -       Match
s             skip      review_skip      -       Skip
n             not_tech  review_not_tech  -       Not in tech
u             undo      review_undo      -       Undo
right,j,down  move(1)   review_next      hidden  Next
left,k,up     move(-1)  review_previous  hidden  Previous
escape        back      review_back      -       Back

[Match]
escape  dismiss(None)  review_match_cancel   -       Cancel
down    to_results     review_match_results  hidden  Results

[Settings]
ctrl+s  save            settings_save    priority  Save
escape  dismiss(False)  settings_cancel  -         Cancel

[Today]
enter   open      today_open      -       Open
c       compose   today_compose   -       Compose
l       log       today_log       -       Log
z       snooze    today_snooze    -       Snooze
d       done      today_done      -       Done
b       brief     today_brief     hidden  Meeting brief
u       undo      today_undo      hidden  Undo
g       progress  today_progress  -       Progress
escape  back      today_back      -       Back

[LogLine]
escape  dismiss(False)  log_line_cancel  -  Cancel

[KeepInTouch]
escape  dismiss(False)  keep_cancel  -  Cancel

[Upcoming]
enter   open   upcoming_open   -  Open
b       brief  upcoming_brief  -  Brief
escape  back   upcoming_back   -  Back

[PeopleTable]
up,k      cursor_up    -     hidden  Up
down,j    cursor_down  -     hidden  Down
pageup    page_up      -     hidden  Page up
pagedown  page_down    -     hidden  Page down
home      first        -     hidden  First
end       last         -     hidden  Last
enter     select       open  hidden  Open

[RowList]
up,k      move(-1)           -  hidden  Up
down,j    move(1)            -  hidden  Down
pageup    page(-1)           -  hidden  Page up
pagedown  page(1)            -  hidden  Page down
home      move(-1000000000)  -  hidden  First
end       move(1000000000)   -  hidden  Last
enter     select             -  hidden  Open

[TimelineList]
up        move(-1)           -  hidden  Up
down      move(1)            -  hidden  Down
pageup    page(-1)           -  hidden  Page up
pagedown  page(1)            -  hidden  Page down
home      move(-1000000000)  -  hidden  First
end       move(1000000000)   -  hidden  Last
enter     select             -  hidden  Edit
"""

_FLAGS = {
    "-": (True, False),
    "hidden": (False, False),
    "priority": (True, True),
    "hidden+priority": (False, True),
}

_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "plus": "+",
    "exclamation_mark": "!",
    "escape": "esc",
    "enter": "enter",
    "space": "space",
    "comma": ",",
    "pageup": "PgUp",
    "pagedown": "PgDn",
}


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One binding: what `textual.binding.Binding` is given, and whose it is."""

    keys: str
    action: str
    id: str | None
    description: str
    show: bool
    priority: bool
    owner: str


def parse_table(text: str) -> tuple[KeySpec, ...]:
    """The rows of every table, owner by owner (a table shared by several owners gives each
    of them its rows); ValueError naming the first line that is not a row."""
    specs: list[KeySpec] = []
    names: list[str] = []
    rows: list[tuple[str, str, str | None, str, bool, bool]] = []

    def close_table() -> None:
        specs.extend(KeySpec(*row, owner) for owner in names for row in rows)
        rows.clear()

    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("["):
            close_table()
            names = [name.strip() for name in line.strip().strip("[]").split(",")]
            continue
        parts = line.split(maxsplit=4)
        if not names or len(parts) != 5 or parts[3] not in _FLAGS:
            raise ValueError(f"netui/keys.py table line {number} is not a key row: {line!r}")
        keys, action, binding_id, flags, description = parts
        show, priority = _FLAGS[flags]
        ident = None if binding_id == "-" else binding_id
        rows.append((keys, action, ident, description, show, priority))
    close_table()
    return tuple(specs)


KEYS: tuple[KeySpec, ...] = parse_table(_TABLES)


@cache
def _by_owner() -> dict[str, tuple[KeySpec, ...]]:
    owners: dict[str, list[KeySpec]] = {}
    for spec in KEYS:
        owners.setdefault(spec.owner, []).append(spec)
    return {owner: tuple(specs) for owner, specs in owners.items()}


def owners() -> tuple[str, ...]:
    """Every owner with a table, in the table's order."""
    return tuple(_by_owner())


def specs_for(owner: str) -> tuple[KeySpec, ...]:
    """The bindings of one owner ('People', 'App', 'RowList'); KeyError if it has no table."""
    return _by_owner()[owner]


def binding_ids() -> frozenset[str]:
    """Every binding id netui has: the names a [keymap] entry can use."""
    return frozenset(spec.id for spec in KEYS if spec.id)


def key_label(keys: str) -> str:
    """Keys as a person reads them: 'escape,question_mark' is 'esc, ?'."""
    return ", ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))
