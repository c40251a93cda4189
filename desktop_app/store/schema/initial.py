"""Schema step 1: the first tables (people, claims, documents and their fields, the payer tracks'
steps, settings) and the documents' full-text index.
"""

from __future__ import annotations

# How every full-text index splits its text: accents ignored, so "medecin" finds "médecin".
FTS_TOKENIZER = "unicode61 remove_diacritics 2"

INITIAL = (
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
