"""What every part of the Store stands on: its connection and the few helpers each part's
queries use. The Store (store/store.py) is one class mixed from a part per entity (people,
documents, claims, settings, search, the Trash, layout memories), each a subclass of
:class:`Records`, so a part's queries know ``self.db`` without opening anything themselves."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, cast

from desktop_app.store.db import id_chunks, now, transaction

if TYPE_CHECKING:  # sqlite-utils loads when a store is opened, not when this is imported
    import sqlite_utils
    import sqlite_utils.db


class Records:
    """The connection, set by :class:`desktop_app.store.store.Store` when it opens."""

    db: sqlite_utils.Database

    def transaction(self) -> AbstractContextManager[sqlite_utils.Database]:
        return transaction(self.db)

    def _table(self, name: str) -> sqlite_utils.db.Table:
        """A table by name (``self.db[name]`` is the same, typed as "a table or a view")."""
        return self.db.table(name)

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        """Insert one row (inside the caller's transaction): its new id."""
        return cast(int, self._table(table).insert(row).last_pk)

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        return list(self.db.query(sql, list(params)))

    def _one(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _in_chunks(self, select: str, column: str, ids: Iterable[int],
                   also: str = "") -> list[dict[str, Any]]:
        """The rows whose ``column`` is one of ``ids``, in row order within each id (an id's
        rows all come from one chunk)."""
        rows = []
        for chunk, marks in id_chunks(ids):
            where = f"{also} AND " if also else ""
            rows += self._rows(f"{select} WHERE {where}{column} IN ({marks}) ORDER BY id", chunk)
        return rows

    # People and claims are written the same way: stamped, in a transaction of their own, and
    # read back only while they are out of the Trash.

    def _insert_stamped(self, table: str, row: dict[str, Any]) -> int:
        row["created_at"] = row["updated_at"] = now()
        with self.transaction():
            return self._insert(table, row)

    def _update_stamped(self, table: str, row_id: int | None, row: dict[str, Any]) -> None:
        row["updated_at"] = now()
        with self.transaction():
            # A record never stored has no id: sqlite-utils finds no row and raises NotFoundError.
            self._table(table).update(row_id, row)  # type: ignore[arg-type]

    def _live_row(self, table: str, row_id: int) -> dict[str, Any] | None:
        """The row ``row_id`` of ``table`` (a name of this module's callers, never typed)
        unless it is in the Trash."""
        return self._one(f"SELECT * FROM {table} WHERE id = ? AND trash_id IS NULL", [row_id])
