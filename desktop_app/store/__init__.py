"""SQLite record store (sqlite-utils). Imports only core."""

from desktop_app.store.store import Store

__all__ = ["Store"]
