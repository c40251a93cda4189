"""The Store's claims and the steps of their payer tracks (``track_events``)."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.core.model import Claim
from desktop_app.store.db import id_chunks, now
from desktop_app.store.records import Records
from desktop_app.store.rows import StoredEvent, claim_from_row, claim_to_row, event_from_row


class ClaimRecords(Records):
    def add_claim(self, claim: Claim) -> int:
        return self._insert_stamped("claims", claim_to_row(claim))

    def update_claim(self, claim: Claim) -> None:
        self._update_stamped("claims", claim.id, claim_to_row(claim))

    def claim(self, claim_id: int) -> Claim | None:
        row = self._live_row("claims", claim_id)
        return claim_from_row(row) if row else None

    def claims(self, person_id: int | None = None, year: int | None = None,
               undated: bool = True) -> list[Claim]:
        """Every claim, or a person's; with ``year``, only that person's claims of that year
        (and the undated ones, when ``undated``)."""
        if person_id is not None and year is not None:
            rows = self._rows(
                "SELECT * FROM claims WHERE person_id = ? AND trash_id IS NULL"
                " AND (care_date >= ? AND care_date < ? OR (? AND care_date IS NULL))"
                " ORDER BY care_date DESC, id DESC",
                [person_id, f"{year:04d}-01-01", f"{year + 1:04d}-01-01", int(undated)],
            )
        elif person_id is None:
            rows = self._rows(
                "SELECT * FROM claims WHERE trash_id IS NULL ORDER BY care_date DESC, id DESC"
            )
        else:
            rows = self._rows(
                "SELECT * FROM claims WHERE person_id = ? AND trash_id IS NULL"
                " ORDER BY care_date DESC, id DESC",
                [person_id],
            )
        return [claim_from_row(r) for r in rows]

    def claim_keys(self, person_ids: Iterable[int] | None = None) -> list[tuple]:
        """(id, person id, care date, category, revision) of every claim (of these people),
        newest care first (undated last): what the status cache needs to tell which statuses
        still hold, without loading the claims."""
        where, params = "", []
        if person_ids is not None:
            params = sorted(set(person_ids))
            where = f" AND c.person_id IN ({','.join('?' * len(params))})"
        return self.db.execute(
            "SELECT c.id, c.person_id, c.care_date, c.category, r.rev FROM claims c"
            f" LEFT JOIN claim_revisions r ON r.claim_id = c.id WHERE c.trash_id IS NULL{where}"
            " ORDER BY c.care_date DESC, c.id DESC",
            params,
        ).fetchall()

    def persons_of_claims(self, ids: Iterable[int]) -> set[int]:
        """The people these claims (those not in the Trash) belong to."""
        found: set[int] = set()
        for chunk, marks in id_chunks(list(ids), 900):
            found.update(r[0] for r in self.db.execute(
                f"SELECT DISTINCT person_id FROM claims WHERE trash_id IS NULL AND id IN ({marks})",
                chunk))
        return found

    def claim_revisions(self) -> dict[int, int | None]:
        """claim id -> its revision; None for a claim without a care date (never kept)."""
        return dict(self.db.execute(
            "SELECT c.id, CASE WHEN c.care_date IS NULL THEN NULL ELSE r.rev END FROM claims c"
            " LEFT JOIN claim_revisions r ON r.claim_id = c.id WHERE c.trash_id IS NULL"
        ))

    def claim_ids(self, person_id: int | None = None, year: int | None = None) -> list[int]:
        """The ids of the claims (of a person, of a year of care), newest care first."""
        where: list[str] = ["trash_id IS NULL"]
        params: list[int | str] = []
        if person_id is not None:
            where.append("person_id = ?")
            params.append(person_id)
        if year is not None:
            where.append("substr(care_date, 1, 4) = ?")
            params.append(f"{int(year):04d}")
        sql = "SELECT id FROM claims WHERE " + " AND ".join(where)
        return [i for (i,) in self.db.execute(sql + " ORDER BY care_date DESC, id DESC", params)]

    def claims_by_ids(self, ids: Iterable[int]) -> list[Claim]:
        return [claim_from_row(r) for r in self._in_chunks(
            "SELECT * FROM claims", "id", ids, also="trash_id IS NULL")]

    # Payer track events

    def events_of(self, claim_ids: Iterable[int]) -> list[StoredEvent]:
        """The steps of these claims, each claim's in the order they were recorded."""
        return [event_from_row(r) for r in self._in_chunks(
            "SELECT * FROM track_events", "claim_id", claim_ids)]

    def claims_sent_to_mutuelle(self) -> dict[int, set[int]]:
        """Per person, the ids of their claims with an active "sent" step on the mutuelle track."""
        found: dict[int, set[int]] = {}
        for person_id, claim_id in self.db.execute(
            "SELECT DISTINCT c.person_id, e.claim_id FROM track_events e"
            " JOIN claims c ON c.id = e.claim_id"
            " WHERE e.payer = 'mutuelle' AND e.state = 'sent' AND e.undone = 0"
            " AND c.trash_id IS NULL"
        ).fetchall():
            found.setdefault(person_id, set()).add(claim_id)
        return found

    def add_event(self, event: dict) -> int:
        event = dict(event, at=event.get("at") or now())
        with self.transaction():
            return self._insert("track_events", event)

    def events(self, claim_id: int | None = None) -> list[StoredEvent]:
        """The steps of one claim, or of every claim not in the Trash, in the order recorded."""
        if claim_id is None:
            rows = self._rows(
                "SELECT * FROM track_events WHERE claim_id IN"
                " (SELECT id FROM claims WHERE trash_id IS NULL) ORDER BY id"
            )
        else:
            rows = self._rows(
                "SELECT * FROM track_events WHERE claim_id = ? ORDER BY id", [claim_id]
            )
        return [event_from_row(r) for r in rows]

    def mark_event_undone(self, event_id: int) -> None:
        with self.transaction():
            self.db.execute("UPDATE track_events SET undone = 1 WHERE id = ?", [event_id])
