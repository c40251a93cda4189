"""SQLite record store (sqlite-utils). Imports only core."""

__all__ = ["Store"]


def __getattr__(name: str):
    # sqlite-utils loads only when a store is opened, not for every import of store.originals.
    if name == "Store":
        from desktop_app.store.store import Store

        return Store
    raise AttributeError(name)
