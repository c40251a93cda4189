"""The Store's settings (one JSON value a key) and its counts of what it holds."""

from __future__ import annotations

import json
from typing import Any

from desktop_app.store.records import Records


class SettingsRecords(Records):
    def setting(self, key: str, default: Any = None) -> Any:
        row = self._one("SELECT value FROM settings WHERE key = ?", [key])
        return json.loads(row["value"]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )

    def counts(self) -> dict[str, int]:
        return {
            t: self.db.execute(f"SELECT count(*) FROM {t} WHERE trash_id IS NULL").fetchone()[0]
            for t in ("people", "documents", "claims")
        }
