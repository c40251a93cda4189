"""Schema step 6: the Trash."""

from __future__ import annotations

# The Trash: a deleted person, claim or document keeps its rows, marked with the trash entry it
# went with (``trash_id``), so that restoring puts back every link as it was and no id is ever
# handed to something else meanwhile. Every read of the household leaves marked rows out
# (store/people.py, documents.py, claims.py). ``unlinked`` lists the documents a deleted claim left in the Inbox, attached
# again when the claim comes back. Rows go for good only when the entry is emptied.
TRASH = """
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
