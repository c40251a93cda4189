"""Schema step 8: the remembered layouts of issuers and the read pages' words."""

from __future__ import annotations

# What the user's corrections teach about an issuer's layout (core/layout_memory.py): one row per
# issuer (its SIRET, its RPPS, else its letterhead's words) and kind of document, its fields'
# places as JSON. ``document_pages`` keeps each read page's words and boxes (zlib-compressed
# JSON, intake/page_words.py) so that a field corrected later is found on the page without
# reading the scan again; it is worked out from the originals, so archives leave it out.
LAYOUT_MEMORY = """
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
