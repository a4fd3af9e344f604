"""The schema as ordered migration steps: step k takes a database from version k-1 to k."""

from __future__ import annotations

from netui.folding import fold_sql
from netui.schema_v1 import V1

# Each step is plain SQL run in one transaction with the version bump. Never edit a
# released step: add a new one. `create_all` is not a migration.
_RECOUNT = """
    DELETE FROM contact_stats WHERE person_id = {pid};
    INSERT INTO contact_stats (person_id, interactions, replies, last_at, last_kind)
    SELECT {pid}, count(*), sum(direction = 'in' OR kind = 'reply'), max(at),
           (SELECT kind FROM interaction WHERE person_id = {pid} AND kind != 'note'
            ORDER BY at DESC, id DESC LIMIT 1)
    FROM interaction WHERE person_id = {pid} AND kind != 'note' HAVING count(*) > 0;
"""
V2_PATHS = f"""
CREATE TABLE contact_stats (
    person_id INTEGER PRIMARY KEY,
    interactions INTEGER NOT NULL DEFAULT 0,
    replies INTEGER NOT NULL DEFAULT 0,
    last_at TEXT,
    last_kind TEXT NOT NULL DEFAULT ''
);

INSERT INTO contact_stats (person_id, interactions, replies, last_at, last_kind)
SELECT person_id, count(*), sum(direction = 'in' OR kind = 'reply'), max(at), ''
FROM interaction WHERE kind != 'note' GROUP BY person_id;
UPDATE contact_stats SET last_kind = coalesce((
    SELECT kind FROM interaction i WHERE i.person_id = contact_stats.person_id
    AND i.kind != 'note' ORDER BY i.at DESC, i.id DESC LIMIT 1), '');

CREATE TRIGGER contact_stats_ai AFTER INSERT ON interaction WHEN new.kind != 'note' BEGIN
    INSERT INTO contact_stats (person_id, interactions, replies, last_at, last_kind)
    VALUES (new.person_id, 1, new.direction = 'in' OR new.kind = 'reply', new.at, new.kind)
    ON CONFLICT (person_id) DO UPDATE SET
        interactions = interactions + 1,
        replies = replies + excluded.replies,
        last_kind = CASE WHEN last_at IS NULL OR excluded.last_at >= last_at
                         THEN excluded.last_kind ELSE last_kind END,
        last_at = CASE WHEN last_at IS NULL OR excluded.last_at >= last_at
                       THEN excluded.last_at ELSE last_at END;
END;

CREATE TRIGGER contact_stats_ad AFTER DELETE ON interaction WHEN old.kind != 'note' BEGIN
    {_RECOUNT.format(pid="old.person_id")}
END;

CREATE TRIGGER contact_stats_au AFTER UPDATE OF person_id, kind, direction, at
ON interaction BEGIN
    {_RECOUNT.format(pid="old.person_id")}
    {_RECOUNT.format(pid="new.person_id")}
END;

-- Job changes are notes ("Now at Stripe (was Acme)", see store/import_plan.py): this
-- index holds only those, so "who used to work at X" never scans the timeline.
CREATE INDEX ix_interaction_job_change ON interaction(person_id)
    WHERE kind = 'note' AND substr(summary, 1, 4) = 'Now ' AND instr(summary, ' (was ') > 0;
"""

# Today and Progress (#14): keep-in-touch cadence and snooze on the person, the timeline
# entries Today follows until done or dismissed, and the indexes its reads need.
V3_TODAY = """
ALTER TABLE person ADD COLUMN cadence_days INTEGER;
ALTER TABLE person ADD COLUMN snooze_until TEXT;

-- Timeline entries the Today list follows: job changes seen by an import (until acted on
-- or dismissed) and promised intros marked done. closed_at: done or dismissed.
CREATE TABLE agenda_entry (
    id INTEGER PRIMARY KEY,
    interaction_id INTEGER NOT NULL UNIQUE REFERENCES interaction(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX ix_agenda_entry_open ON agenda_entry(kind, person_id) WHERE closed_at IS NULL;

-- Conversations per week read a date range of the timeline with its flags from the index.
CREATE INDEX ix_interaction_at ON interaction(at, person_id, kind, direction);
CREATE INDEX ix_interaction_promise ON interaction(person_id, at) WHERE kind = 'promise';
CREATE INDEX ix_person_stage ON person(stage) WHERE archived_at IS NULL;
CREATE INDEX ix_draft_status ON draft(status, updated_at);
CREATE INDEX ix_meeting_owed ON meeting(person_id) WHERE follow_up_owed = 1;

-- Any newer interaction (logged, imported, restored) resets the keep-in-touch clock: a
-- snooze only lasts until you are next in touch.
CREATE TRIGGER interaction_snooze_ai AFTER INSERT ON interaction WHEN new.kind != 'note'
BEGIN
    UPDATE person SET snooze_until = NULL
    WHERE id = new.person_id AND snooze_until IS NOT NULL
      AND new.at >= coalesce(last_contact, new.at);
END;
"""

# Today at 30,000 people (bench/today.py): who is going cold is read per closeness in
# last-contact order (people on their own cadence or snoozed are few, read apart), and
# follow-ups due are counted in an index that skips archived people.
V4_TODAY_INDEXES = """
CREATE INDEX ix_person_cold ON person(closeness, last_contact)
    WHERE archived_at IS NULL AND cadence_days IS NULL AND snooze_until IS NULL;
CREATE INDEX ix_person_keep_own ON person(last_contact)
    WHERE cadence_days IS NOT NULL OR snooze_until IS NOT NULL;
CREATE INDEX ix_person_due ON person(follow_up_on) WHERE archived_at IS NULL;
"""

# `netui sync --vdir`: which card file holds each person, and the card's values both sides
# agreed on at the last sync (the base of the three-way merge). A person erased for good
# leaves only their card's file name in vdir_gone, so the next sync deletes the file.
VDIR_SYNC = """
CREATE TABLE vdir_card (
    folder TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    uid TEXT NOT NULL,
    filename TEXT NOT NULL,
    mtime_ns INTEGER NOT NULL DEFAULT 0,
    size INTEGER NOT NULL DEFAULT 0,
    present INTEGER NOT NULL DEFAULT 1,
    ours INTEGER NOT NULL DEFAULT 1,
    netui_hash TEXT NOT NULL,
    base TEXT NOT NULL,
    synced_at TEXT NOT NULL,
    PRIMARY KEY (folder, person_id),
    UNIQUE (folder, uid)
);

CREATE TABLE vdir_gone (
    folder TEXT NOT NULL,
    filename TEXT NOT NULL,
    PRIMARY KEY (folder, filename)
);

CREATE TRIGGER vdir_card_gone AFTER DELETE ON vdir_card WHEN old.present = 1 BEGIN
    INSERT OR IGNORE INTO vdir_gone (folder, filename) VALUES (old.folder, old.filename);
END;
"""

# What a new user tripped on (#13): the next step a meeting agreed (written to them, so the
# follow-up can say it), and the job each kind of source last reported for a person, so a
# job change is only a change that same kind of source reports (see store/import_plan.py).
V6_AGREED_AND_REPORTED = """
ALTER TABLE meeting ADD COLUMN agreed TEXT NOT NULL DEFAULT '';

CREATE TABLE reported_job (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    source_kind TEXT NOT NULL,
    company TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    UNIQUE (person_id, source_kind)
);
"""

# Is it a tech company (#11)? What the user said: 'yes', 'no' or '' (unknown: netui guesses,
# see netui/tech.py; the guess is worked out when read, never stored).
V7_COMPANY_TECH = """
ALTER TABLE company ADD COLUMN tech TEXT NOT NULL DEFAULT '' CHECK (tech IN ('', 'yes', 'no'));
"""

# Names sort as search folds (#13): 'Émile' with the e's, not after 'Zoë'. The key is an
# expression of SQLite's own functions (netui.folding.fold_sql), so any SQLite client can
# still write the table; the People list walks this index in the default view.
V8_NAME_SORT = f"""
CREATE INDEX ix_person_live_sort ON person({fold_sql("full_name")}, id)
    WHERE archived_at IS NULL;
"""

# Archives (#11) never add people: each correspondent or handle either matches a person
# (evidence on their timeline) or waits as a candidate for review. candidate_key holds each
# candidate's strong keys ('email:…', 'linkedin:…', 'phone:…', 'instagram:…', 'snapchat:…',
# 'name:…') so sources merge; candidate_decision remembers skips and "not in tech" by key,
# so a re-import never asks again. channel_evidence is one row per (person or candidate,
# channel, conversation, day); a row on a person has its timeline entry (interaction_id),
# whose triggers keep last_contact and contact_stats. Erasing a person erases what the
# archives said about them (their evidence and the candidate they were added from).
V9_CANDIDATES = """
CREATE INDEX ix_person_instagram ON person(instagram COLLATE NOCASE) WHERE instagram != '';
CREATE INDEX ix_person_snapchat ON person(snapchat COLLATE NOCASE) WHERE snapchat != '';

CREATE TABLE candidate (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    linkedin_url TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    instagram TEXT NOT NULL DEFAULT '',
    snapchat TEXT NOT NULL DEFAULT '',
    company TEXT NOT NULL DEFAULT '',
    how_we_know TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    mutual INTEGER NOT NULL DEFAULT 0,
    sources TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'waiting'
        CHECK (status IN ('waiting', 'added', 'matched', 'skipped', 'not_tech')),
    person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    decided_at TEXT
);
CREATE INDEX ix_candidate_status ON candidate(status);
CREATE INDEX ix_candidate_person ON candidate(person_id) WHERE person_id IS NOT NULL;

CREATE TABLE candidate_key (
    key TEXT PRIMARY KEY,
    candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX ix_candidate_key_candidate ON candidate_key(candidate_id);

CREATE TABLE candidate_decision (
    key TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('skipped', 'not_tech')),
    decided_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE channel_evidence (
    id INTEGER PRIMARY KEY,
    candidate_id INTEGER REFERENCES candidate(id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES person(id) ON DELETE CASCADE,
    interaction_id INTEGER REFERENCES interaction(id) ON DELETE SET NULL,
    channel TEXT NOT NULL,
    conversation TEXT NOT NULL,
    day TEXT NOT NULL,
    at TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 0,
    wrote INTEGER NOT NULL DEFAULT 0,
    topic TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX ux_evidence_person ON channel_evidence(person_id, channel, conversation, day)
    WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX ux_evidence_candidate
    ON channel_evidence(candidate_id, channel, conversation, day)
    WHERE candidate_id IS NOT NULL AND person_id IS NULL;
CREATE INDEX ix_evidence_channel ON channel_evidence(channel);
CREATE INDEX ix_evidence_of_candidate ON channel_evidence(candidate_id)
    WHERE candidate_id IS NOT NULL;

CREATE TRIGGER person_channels_bd BEFORE DELETE ON person BEGIN
    DELETE FROM channel_evidence WHERE person_id = old.id;
    DELETE FROM candidate WHERE person_id = old.id;
END;
"""

# Step 8's key folded every name with a mark anywhere ('José' too): 3x slower to sort a
# search's matches than needed. The key now looks up only names with a mark in the first
# characters it folds (the same order); step 8 on a new file builds this one at once.
V10_NAME_SORT_CHEAPER = f"""
DROP INDEX IF EXISTS ix_person_live_sort;
CREATE INDEX ix_person_live_sort ON person({fold_sql("full_name")}, id)
    WHERE archived_at IS NULL;
"""

# A filter's first letter at 100,000 people (#16): without a prefix index FTS5 merges the
# postings of every word starting with that letter on each keystroke (7-15 ms for 'e' or
# 's'); prefix='1 2' stores them merged for one- and two-letter prefixes (~1.8 ms, +14%
# file size). The index is rebuilt from the people it indexes, as the triggers fill it.
V11_SEARCH_PREFIX = """
DROP TABLE person_fts;
CREATE VIRTUAL TABLE person_fts USING fts5(
    full_name, company, title, email, notes, how_we_know,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2'
);
INSERT INTO person_fts(rowid, full_name, company, title, email, notes, how_we_know)
    SELECT p.id, p.full_name, coalesce(c.name, ''), p.title, p.email, p.notes,
           p.how_we_know_text
    FROM person p LEFT JOIN company c ON c.id = p.company_id;
"""

MIGRATIONS: list[str] = [
    V1,
    V2_PATHS,
    V3_TODAY,
    V4_TODAY_INDEXES,
    VDIR_SYNC,
    V6_AGREED_AND_REPORTED,
    V7_COMPANY_TECH,
    V8_NAME_SORT,
    V9_CANDIDATES,
    V10_NAME_SORT_CHEAPER,
    V11_SEARCH_PREFIX,
]
SCHEMA_VERSION = len(MIGRATIONS)
