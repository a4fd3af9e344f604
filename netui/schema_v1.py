"""Step 1 of the schema: the tables, indexes, search index and triggers netui was first
released with. A released step is never edited (netui/schema.py adds the steps since)."""

from __future__ import annotations

V1 = """
CREATE TABLE company (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    aliases TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    is_target INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    full_name TEXT NOT NULL,
    first_name TEXT NOT NULL DEFAULT '',
    company_id INTEGER REFERENCES company(id) ON DELETE SET NULL,
    title TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'unknown',
    closeness TEXT NOT NULL DEFAULT 'acquaintance',
    how_we_know TEXT NOT NULL DEFAULT 'other',
    how_we_know_text TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    linkedin_url TEXT NOT NULL DEFAULT '',
    instagram TEXT NOT NULL DEFAULT '',
    snapchat TEXT NOT NULL DEFAULT '',
    other_channel TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL DEFAULT 'new',
    next_step TEXT NOT NULL DEFAULT '',
    follow_up_on TEXT,
    last_contact TEXT,
    connected_on TEXT,
    is_stub INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX ix_person_name ON person(full_name COLLATE NOCASE, id);
-- The People list's default view: skipping to any page and counting stay in this index.
CREATE INDEX ix_person_live_name ON person(full_name COLLATE NOCASE, id)
    WHERE archived_at IS NULL;
CREATE INDEX ix_person_archived ON person(archived_at) WHERE archived_at IS NOT NULL;
CREATE INDEX ix_person_company ON person(company_id);
CREATE INDEX ix_person_follow_up ON person(follow_up_on);
CREATE INDEX ix_person_last_contact ON person(last_contact);
CREATE INDEX ix_person_email ON person(email COLLATE NOCASE) WHERE email != '';
CREATE INDEX ix_person_linkedin ON person(linkedin_url) WHERE linkedin_url != '';
CREATE INDEX ix_person_phone ON person(phone) WHERE phone != '';

CREATE TABLE interaction (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    direction TEXT NOT NULL DEFAULT 'none',
    at TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX ix_interaction_person_at ON interaction(person_id, at);

CREATE TABLE draft (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    intent TEXT NOT NULL,
    tone TEXT NOT NULL,
    channel TEXT NOT NULL,
    template_key TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX ix_draft_person ON draft(person_id, created_at);

CREATE TABLE meeting (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    starts_at TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    ask TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'planned',
    follow_up_owed INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_meeting_person ON meeting(person_id);
CREATE INDEX ix_meeting_starts ON meeting(status, starts_at);

CREATE TABLE checklist_item (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    phase TEXT NOT NULL,
    text TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_checklist_meeting ON checklist_item(meeting_id, position);

CREATE TABLE link (
    id INTEGER PRIMARY KEY,
    person_a INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    person_b INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'knows',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (person_a, person_b, kind),
    CHECK (person_a != person_b)
);
CREATE INDEX ix_link_b ON link(person_b);

-- Search index: word-prefix, case- and accent-insensitive. Kept in sync by triggers,
-- so every write path (ORM, Core, raw bulk) updates it in the same transaction.
CREATE VIRTUAL TABLE person_fts USING fts5(
    full_name, company, title, email, notes, how_we_know,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER person_fts_ai AFTER INSERT ON person BEGIN
    INSERT INTO person_fts(rowid, full_name, company, title, email, notes, how_we_know)
    VALUES (new.id, new.full_name,
            coalesce((SELECT name FROM company WHERE id = new.company_id), ''),
            new.title, new.email, new.notes, new.how_we_know_text);
END;

CREATE TRIGGER person_fts_au AFTER UPDATE OF
    full_name, company_id, title, email, notes, how_we_know_text ON person BEGIN
    DELETE FROM person_fts WHERE rowid = old.id;
    INSERT INTO person_fts(rowid, full_name, company, title, email, notes, how_we_know)
    VALUES (new.id, new.full_name,
            coalesce((SELECT name FROM company WHERE id = new.company_id), ''),
            new.title, new.email, new.notes, new.how_we_know_text);
END;

CREATE TRIGGER person_fts_ad AFTER DELETE ON person BEGIN
    DELETE FROM person_fts WHERE rowid = old.id;
END;

CREATE TRIGGER company_fts_au AFTER UPDATE OF name ON company BEGIN
    UPDATE person_fts SET company = new.name
    WHERE rowid IN (SELECT id FROM person WHERE company_id = new.id);
END;

-- last_contact is stored and indexed (a GROUP BY MAX measured 250-860 ms at 50k).
CREATE TRIGGER interaction_ai AFTER INSERT ON interaction WHEN new.kind != 'note' BEGIN
    UPDATE person SET last_contact = new.at
    WHERE id = new.person_id AND (last_contact IS NULL OR last_contact < new.at);
END;

CREATE TRIGGER interaction_au AFTER UPDATE ON interaction BEGIN
    UPDATE person SET last_contact = (
        SELECT max(at) FROM interaction WHERE person_id = old.person_id AND kind != 'note')
    WHERE id = old.person_id;
    UPDATE person SET last_contact = (
        SELECT max(at) FROM interaction WHERE person_id = new.person_id AND kind != 'note')
    WHERE id = new.person_id;
END;

CREATE TRIGGER interaction_ad AFTER DELETE ON interaction BEGIN
    UPDATE person SET last_contact = (
        SELECT max(at) FROM interaction WHERE person_id = old.person_id AND kind != 'note')
    WHERE id = old.person_id;
END;
"""

# Paths into a company (netui/network.py) rank each tie by how often you talked, whether
# they ever answered and what you did last: kept per person by triggers, so ranking 20,000
# people reads one row each instead of counting 300,000 interactions. Notes don't count.
# A recount (delete, edit) reads one person's entries through ix_interaction_person_at.
