"""Schema step 7: full-text search over claims and people."""

from __future__ import annotations

from desktop_app.store.schema.initial import FTS_TOKENIZER

# Search over claims and people, beside the documents' index: accent-insensitive, with prefix
# indexes because the window searches as the user types. Each index keeps its own copy of the text
# (not an external-content table) because a claim's row gathers text from other tables: its
# person's name, the professional read on its documents. The views say what is indexed; the
# triggers write a claim's or a person's row again whenever something it is made of changes.
# The category is indexed as one token ("c" + the id without underscores) so that the words of
# either language, which live in the messages table, are turned into categories at query time.
# Trashed rows stay indexed (restoring brings them back as they were); reads leave them out.
SEARCH_CLAIMS_AND_PEOPLE = f"""
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
    SEARCH_CLAIMS_AND_PEOPLE += f"""
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
