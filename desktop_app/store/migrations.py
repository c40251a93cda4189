"""Numbered schema migrations.

The schema version lives in ``PRAGMA user_version``. Before any migration of an
existing database, a consistent copy is written aside; each migration runs in
one transaction; a database written by a newer Paperasse is refused untouched.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from desktop_app.core.errors import StoreTooNew
from desktop_app.store import sql

FTS_TOKENIZER = "unicode61 remove_diacritics 2"


_M1_INITIAL = (
    """
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            nir TEXT,
            birth_date TEXT,
            sex TEXT,
            insured_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
            caisse_name TEXT,
            caisse_address TEXT,
            caisse_code TEXT,
            regime TEXT NOT NULL DEFAULT 'general',
            medecin_traitant INTEGER NOT NULL DEFAULT 0,
            ald INTEGER NOT NULL DEFAULT 0,
            css INTEGER NOT NULL DEFAULT 0,
            maternity_start TEXT,
            maternity_end TEXT,
            mutuelle_name TEXT,
            mutuelle_member_number TEXT,
            mutuelle_address TEXT,
            noemie INTEGER NOT NULL DEFAULT 0,
            mutuelle_guarantees TEXT NOT NULL DEFAULT '{}',
            mutuelle_deadline_days INTEGER,
            iban TEXT,
            notes TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
            title TEXT,
            care_date TEXT,
            category TEXT NOT NULL DEFAULT 'other',
            amount_paid TEXT,
            base TEXT,
            amo_rate TEXT,
            tiers_payant TEXT NOT NULL DEFAULT 'none',
            ald INTEGER NOT NULL DEFAULT 0,
            lpp_codes TEXT NOT NULL DEFAULT '[]',
            notes TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX claims_person ON claims(person_id);
        CREATE INDEX claims_care_date ON claims(care_date);
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            person_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
            claim_id INTEGER REFERENCES claims(id) ON DELETE SET NULL,
            kind TEXT NOT NULL DEFAULT 'other',
            sha256 TEXT NOT NULL UNIQUE,
            original_name TEXT NOT NULL,
            stored_name TEXT NOT NULL,
            mime TEXT,
            size INTEGER NOT NULL,
            pages INTEGER,
            read_state TEXT NOT NULL DEFAULT 'pending',
            text_source TEXT,
            text TEXT,
            fields_text TEXT,
            warnings TEXT NOT NULL DEFAULT '[]',
            imported_at TEXT NOT NULL
        );
        CREATE INDEX documents_person ON documents(person_id);
        CREATE INDEX documents_claim ON documents(claim_id);
        CREATE TABLE document_fields (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            value TEXT,
            source TEXT NOT NULL,
            confidence REAL,
            confirmed INTEGER NOT NULL DEFAULT 0,
            page INTEGER,
            bbox TEXT,
            source_text TEXT,
            updated_at TEXT NOT NULL,
            UNIQUE(document_id, name)
        );
        CREATE TABLE track_events (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            payer TEXT NOT NULL,
            state TEXT NOT NULL,
            at TEXT NOT NULL,
            date TEXT,
            channel TEXT,
            amount TEXT,
            reason TEXT,
            source_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
            undone INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX track_events_claim ON track_events(claim_id);
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
    """
    f"""
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            original_name, text, fields_text,
            content='documents', content_rowid='id',
            tokenize='{FTS_TOKENIZER}'
        );
        CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, original_name, text, fields_text)
            VALUES (new.id, new.original_name, new.text, new.fields_text);
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, original_name, text, fields_text)
            VALUES ('delete', old.id, old.original_name, old.text, old.fields_text);
        END;
        CREATE TRIGGER documents_au AFTER UPDATE OF original_name, text, fields_text ON documents
        BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, original_name, text, fields_text)
            VALUES ('delete', old.id, old.original_name, old.text, old.fields_text);
            INSERT INTO documents_fts(rowid, original_name, text, fields_text)
            VALUES (new.id, new.original_name, new.text, new.fields_text);
        END;
    """
)

_M2_CLAIM_PAPER_AND_UNITS = """
    ALTER TABLE claims ADD COLUMN paper INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE claims ADD COLUMN units INTEGER NOT NULL DEFAULT 1;
"""

_M3_PERSON_POSTAL_ADDRESS = """
    ALTER TABLE people ADD COLUMN postal_address TEXT;
"""

# Billing left NULL is decided from the documents and the category; claims the user had already
# posted to the CPAM were paper claims. The other columns default to what the code assumed.
_M4_BILLING_AND_PARCOURS = """
    ALTER TABLE claims ADD COLUMN billing TEXT;
    ALTER TABLE claims ADD COLUMN specialty TEXT;
    ALTER TABLE claims ADD COLUMN out_of_parcours INTEGER;
    ALTER TABLE claims ADD COLUMN basket_100 INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE people ADD COLUMN contrat_responsable INTEGER NOT NULL DEFAULT 1;
    UPDATE claims SET billing = 'vitale' WHERE paper = 0;
    UPDATE claims SET billing = 'paper' WHERE billing IS NULL AND id IN (
        SELECT claim_id FROM track_events
        WHERE payer = 'cpam' AND state = 'sent' AND channel = 'post' AND undone = 0
    );
"""

# A random revision per claim, changed by triggers whenever anything its status is worked out from
# changes: the claim, its steps, its documents and their fields, its person or the insured person
# of a beneficiary. The status cache (store/status_cache.py) keeps a status only while the revision
# it was worked out from is current. Random, not counted: a restored backup's revisions cannot
# come back equal to ones the cache saw for other contents.
_M5_CLAIM_REVISIONS = """
    CREATE TABLE claim_revisions (
        claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
        rev INTEGER NOT NULL
    );
    INSERT INTO claim_revisions(claim_id, rev) SELECT id, random() FROM claims;
    CREATE TRIGGER claims_rev_ai AFTER INSERT ON claims BEGIN
        INSERT OR REPLACE INTO claim_revisions(claim_id, rev) VALUES (new.id, random());
    END;
    CREATE TRIGGER claims_rev_au AFTER UPDATE ON claims BEGIN
        INSERT OR REPLACE INTO claim_revisions(claim_id, rev) VALUES (new.id, random());
    END;
    CREATE TRIGGER events_rev_ai AFTER INSERT ON track_events BEGIN
        UPDATE claim_revisions SET rev = random() WHERE claim_id = new.claim_id;
    END;
    CREATE TRIGGER events_rev_au AFTER UPDATE ON track_events BEGIN
        UPDATE claim_revisions SET rev = random() WHERE claim_id IN (old.claim_id, new.claim_id);
    END;
    CREATE TRIGGER events_rev_ad AFTER DELETE ON track_events BEGIN
        UPDATE claim_revisions SET rev = random() WHERE claim_id = old.claim_id;
    END;
    CREATE TRIGGER documents_rev_ai AFTER INSERT ON documents WHEN new.claim_id IS NOT NULL BEGIN
        UPDATE claim_revisions SET rev = random() WHERE claim_id = new.claim_id;
    END;
    CREATE TRIGGER documents_rev_au AFTER UPDATE ON documents
    WHEN old.claim_id IS NOT NULL OR new.claim_id IS NOT NULL BEGIN
        UPDATE claim_revisions SET rev = random() WHERE claim_id IN (old.claim_id, new.claim_id);
    END;
    CREATE TRIGGER documents_rev_ad AFTER DELETE ON documents WHEN old.claim_id IS NOT NULL BEGIN
        UPDATE claim_revisions SET rev = random() WHERE claim_id = old.claim_id;
    END;
    CREATE TRIGGER fields_rev_ai AFTER INSERT ON document_fields BEGIN
        UPDATE claim_revisions SET rev = random()
        WHERE claim_id = (SELECT claim_id FROM documents WHERE id = new.document_id);
    END;
    CREATE TRIGGER fields_rev_au AFTER UPDATE ON document_fields BEGIN
        UPDATE claim_revisions SET rev = random() WHERE claim_id IN (
            SELECT claim_id FROM documents WHERE id IN (old.document_id, new.document_id));
    END;
    CREATE TRIGGER fields_rev_ad AFTER DELETE ON document_fields BEGIN
        UPDATE claim_revisions SET rev = random()
        WHERE claim_id = (SELECT claim_id FROM documents WHERE id = old.document_id);
    END;
    CREATE TRIGGER people_rev_au AFTER UPDATE ON people BEGIN
        UPDATE claim_revisions SET rev = random() WHERE claim_id IN (
            SELECT id FROM claims WHERE person_id = new.id
            OR person_id IN (SELECT id FROM people WHERE insured_id = new.id));
    END;
"""

# The Trash: a deleted person, claim or document keeps its rows, marked with the trash entry it
# went with (``trash_id``), so that restoring puts back every link as it was and no id is ever
# handed to something else meanwhile. Every read of the household leaves marked rows out
# (store/store.py). ``unlinked`` lists the documents a deleted claim left in the Inbox, attached
# again when the claim comes back. Rows go for good only when the entry is emptied.
_M6_TRASH = """
    CREATE TABLE trash (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        item_id INTEGER NOT NULL,
        label TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        unlinked TEXT NOT NULL DEFAULT '[]'
    );
    ALTER TABLE people ADD COLUMN trash_id INTEGER REFERENCES trash(id);
    ALTER TABLE claims ADD COLUMN trash_id INTEGER REFERENCES trash(id);
    ALTER TABLE documents ADD COLUMN trash_id INTEGER REFERENCES trash(id);
    CREATE INDEX people_trash ON people(trash_id) WHERE trash_id IS NOT NULL;
    CREATE INDEX claims_trash ON claims(trash_id) WHERE trash_id IS NOT NULL;
    CREATE INDEX documents_trash ON documents(trash_id) WHERE trash_id IS NOT NULL;
"""

# Search over claims and people, beside the documents' index: accent-insensitive, with prefix
# indexes because the window searches as the user types. Each index keeps its own copy of the text
# (not an external-content table) because a claim's row gathers text from other tables: its
# person's name, the professional read on its documents. The views say what is indexed; the
# triggers write a claim's or a person's row again whenever something it is made of changes.
# The category is indexed as one token ("c" + the id without underscores) so that the words of
# either language, which live in the messages table, are turned into categories at query time.
# Trashed rows stay indexed (restoring brings them back as they were); reads leave them out.
_M7_SEARCH_CLAIMS_AND_PEOPLE = f"""
    CREATE VIEW claim_search_source AS
    SELECT c.id AS id, c.title AS title, c.notes AS notes,
        (SELECT group_concat(f.value, ' ') FROM documents d
            JOIN document_fields f ON f.document_id = d.id
            WHERE d.claim_id = c.id AND d.trash_id IS NULL
            AND f.name IN ('practitioner', 'provider', 'supplier', 'prescriber_name', 'issuer')
        ) AS professional,
        (SELECT p.name FROM people p WHERE p.id = c.person_id) AS person,
        CASE WHEN c.care_date IS NULL THEN NULL ELSE c.care_date || ' ' || substr(c.care_date, 9, 2)
            || '/' || substr(c.care_date, 6, 2) || '/' || substr(c.care_date, 1, 4) END AS dates,
        'c' || replace(c.category, '_', '') AS category
    FROM claims c;
    CREATE VIRTUAL TABLE claims_fts USING fts5(
        title, notes, professional, person, dates, category,
        tokenize='{FTS_TOKENIZER}', prefix='2 3'
    );
    INSERT INTO claims_fts(rowid, title, notes, professional, person, dates, category)
        SELECT * FROM claim_search_source;
    CREATE VIEW person_search_source AS
    SELECT id, name,
        trim(coalesce(caisse_name, '') || ' ' || coalesce(caisse_code, '')) AS caisse,
        trim(coalesce(mutuelle_name, '') || ' ' || coalesce(mutuelle_member_number, '')) AS mutuelle
    FROM people;
    CREATE VIRTUAL TABLE people_fts USING fts5(
        name, caisse, mutuelle, tokenize='{FTS_TOKENIZER}', prefix='2 3'
    );
    INSERT INTO people_fts(rowid, name, caisse, mutuelle) SELECT * FROM person_search_source;

    CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, title, notes, professional, person, dates, category)
            SELECT * FROM claim_search_source WHERE id = new.id;
    END;
    CREATE TRIGGER claims_fts_au AFTER UPDATE OF title, notes, person_id, care_date, category
    ON claims BEGIN
        DELETE FROM claims_fts WHERE rowid IN (old.id, new.id);
        INSERT INTO claims_fts(rowid, title, notes, professional, person, dates, category)
            SELECT * FROM claim_search_source WHERE id = new.id;
    END;
    CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims BEGIN
        DELETE FROM claims_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER people_fts_ai AFTER INSERT ON people BEGIN
        INSERT INTO people_fts(rowid, name, caisse, mutuelle)
            SELECT * FROM person_search_source WHERE id = new.id;
    END;
    CREATE TRIGGER people_fts_au AFTER UPDATE OF name, caisse_name, caisse_code, mutuelle_name,
        mutuelle_member_number ON people BEGIN
        DELETE FROM people_fts WHERE rowid IN (old.id, new.id);
        INSERT INTO people_fts(rowid, name, caisse, mutuelle)
            SELECT * FROM person_search_source WHERE id = new.id;
    END;
    CREATE TRIGGER people_fts_ad AFTER DELETE ON people BEGIN
        DELETE FROM people_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER people_fts_claims_au AFTER UPDATE OF name ON people BEGIN
        DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE person_id = new.id);
        INSERT INTO claims_fts(rowid, title, notes, professional, person, dates, category)
            SELECT * FROM claim_search_source
            WHERE id IN (SELECT id FROM claims WHERE person_id = new.id);
    END;
    CREATE TRIGGER documents_fts_claims_au AFTER UPDATE OF claim_id, trash_id ON documents
    WHEN old.claim_id IS NOT NULL OR new.claim_id IS NOT NULL BEGIN
        DELETE FROM claims_fts WHERE rowid IN (old.claim_id, new.claim_id);
        INSERT INTO claims_fts(rowid, title, notes, professional, person, dates, category)
            SELECT * FROM claim_search_source WHERE id IN (old.claim_id, new.claim_id);
    END;
    CREATE TRIGGER documents_fts_claims_ad AFTER DELETE ON documents
    WHEN old.claim_id IS NOT NULL BEGIN
        DELETE FROM claims_fts WHERE rowid = old.claim_id;
        INSERT INTO claims_fts(rowid, title, notes, professional, person, dates, category)
            SELECT * FROM claim_search_source WHERE id = old.claim_id;
    END;
"""
# A field of a document in a claim that names the professional: the claim's row is written again.
for _event, _row in (("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old")):
    _M7_SEARCH_CLAIMS_AND_PEOPLE += f"""
    CREATE TRIGGER fields_fts_claims_{_event.lower()} AFTER {_event} ON document_fields
    WHEN {_row}.name IN ('practitioner', 'provider', 'supplier', 'prescriber_name', 'issuer')
    BEGIN
        DELETE FROM claims_fts WHERE rowid =
            (SELECT claim_id FROM documents WHERE id = {_row}.document_id);
        INSERT INTO claims_fts(rowid, title, notes, professional, person, dates, category)
            SELECT * FROM claim_search_source
            WHERE id = (SELECT claim_id FROM documents WHERE id = {_row}.document_id);
    END;
"""

# What the user's corrections teach about an issuer's layout (core/layout_memory.py): one row per
# issuer (its SIRET, its RPPS, else its letterhead's words) and kind of document, its fields'
# places as JSON. ``document_pages`` keeps each read page's words and boxes (zlib-compressed
# JSON, intake/page_words.py) so that a field corrected later is found on the page without
# reading the scan again; it is worked out from the originals, so archives leave it out.
_M8_LAYOUT_MEMORY = """
    CREATE TABLE layout_memories (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        issuer_type TEXT NOT NULL,
        issuer_key TEXT NOT NULL,
        issuer_name TEXT,
        fingerprint TEXT NOT NULL DEFAULT '[]',
        fields TEXT NOT NULL DEFAULT '{}',
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        uses INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (kind, issuer_type, issuer_key)
    );
    CREATE TABLE document_pages (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        pages BLOB NOT NULL
    );
"""

# Tables that are worked out from the others (never dumped to an archive, never merged).
DERIVED_TABLES = ("claim_revisions", "document_pages")

# Each entry is the SQL of one schema step; never edit a released one, append a new one.
MIGRATIONS: list[str] = [
    _M1_INITIAL,
    _M2_CLAIM_PAPER_AND_UNITS,
    _M3_PERSON_POSTAL_ADDRESS,
    _M4_BILLING_AND_PARCOURS,
    _M5_CLAIM_REVISIONS,
    _M6_TRASH,
    _M7_SEARCH_CLAIMS_AND_PEOPLE,
    _M8_LAYOUT_MEMORY,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sql.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def check_not_newer(path: Path) -> int:
    """Read the version of an existing database without writing to it."""
    if not path.exists() or path.stat().st_size == 0:
        return 0
    from desktop_app.store import db

    uri = f"file:{path}?mode=ro"
    conn = None
    try:
        conn = db.open_file(path, uri=uri)
        version = schema_version(conn)
    except sql.DatabaseError as exc:
        if conn is not None:
            conn.close()
        raise StoreTooNew(
            f"{path} is not a Paperasse database ({exc}); "
            "choose another data folder or restore a backup"
        ) from None
    conn.close()
    if version > SCHEMA_VERSION:
        raise StoreTooNew(
            f"{path} was written by a newer Paperasse (schema {version}, this version knows "
            f"{SCHEMA_VERSION}); it was left untouched: install the newer version to open it"
        )
    return version


def copy_aside(conn: sql.Connection, backups: Path, version: int) -> Path:
    """A consistent copy through SQLite's backup API (the WAL included)."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups / f"before-migration-v{version}-{stamp}.db"
    from desktop_app.store import db

    dest = sql.connect(target, key=db.copy_key(conn, backups.parent / "paperasse.db"))
    try:
        conn.backup(dest)
    finally:
        dest.close()
    target.chmod(0o600)
    return target


def migrate(conn: sql.Connection, backups: Path) -> int:
    """Bring the database to SCHEMA_VERSION; returns the version it had."""
    start = schema_version(conn)
    if start > SCHEMA_VERSION:
        raise StoreTooNew(
            f"the database was written by a newer Paperasse (schema {start}); it was left untouched"
        )
    if start == SCHEMA_VERSION:
        return start
    if start > 0:
        copy_aside(conn, backups, start)
    for number in range(start + 1, SCHEMA_VERSION + 1):
        # executescript would commit an open transaction first, so the whole step,
        # BEGIN to COMMIT, is one script: it applies entirely or not at all.
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{MIGRATIONS[number - 1]}\n"
                f"PRAGMA user_version = {number};\nCOMMIT;"
            )
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return start
