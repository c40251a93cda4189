"""Schema steps 2 to 4: columns added to claims and people (paper claims and units, a person's
postal address, billing and the care pathway).
"""

from __future__ import annotations

CLAIM_PAPER_AND_UNITS = """
    ALTER TABLE claims ADD COLUMN paper INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE claims ADD COLUMN units INTEGER NOT NULL DEFAULT 1;
"""

PERSON_POSTAL_ADDRESS = """
    ALTER TABLE people ADD COLUMN postal_address TEXT;
"""

# Billing left NULL is decided from the documents and the category; claims the user had already
# posted to the CPAM were paper claims. The other columns default to what the code assumed.
BILLING_AND_PARCOURS = """
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
