"""Schema step 5: a revision per claim, for the status cache."""

from __future__ import annotations

# A random revision per claim, changed by triggers whenever anything its status is worked out from
# changes: the claim, its steps, its documents and their fields, its person or the insured person
# of a beneficiary. The status cache (store/status_cache.py) keeps a status only while the revision
# it was worked out from is current. Random, not counted: a restored backup's revisions cannot
# come back equal to ones the cache saw for other contents.
CLAIM_REVISIONS = """
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
