"""Documents: import (services/document_import.py), the name check (document_names.py), find
and list (document_lookup.py), confirm and re-read (document_fields.py), all said again here
where callers ask; and here: extract, search, a stored original opened."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.errors import UserError
from desktop_app.services.document_fields import (  # noqa: F401  (names said again here)
    confirm_document,
    normalise_field,
    reread_document,
    restore_fields,
)
from desktop_app.services.document_import import (  # noqa: F401  (names said again here)
    STAGE_TEXT,
    ImportOutcome,
    ImportStep,
    Progress,
    expand_paths,
    import_files,
)
from desktop_app.services.document_lookup import (  # noqa: F401  (names said again here)
    document_dict,
    get_document,
    list_documents,
    warning_texts,
)
from desktop_app.services.document_names import (  # noqa: F401  (names said again here)
    NAME_SURE_ENOUGH,
    NameMismatch,
    document_name_mismatch,
    name_mismatch,
)
from desktop_app.services.field_checks import AMOUNT_FIELDS, BOOL_FIELDS, DATE_FIELDS, LIST_FIELDS  # noqa: F401
from desktop_app.services.input_files import _CONTROL, check_input_file, display_name, printable  # noqa: F401
from desktop_app.store import originals

if TYPE_CHECKING:
    from desktop_app.services.context import Context


def extract(ctx_or_none, path: str | Path) -> dict:
    """Read a file without storing it: the JSON contract of ``paperasse extract``."""
    from desktop_app.services.extract import extract as extract_file

    tesseract_cmd = ctx_or_none.setting("tesseract_cmd") if ctx_or_none else None
    return extract_file(path, tesseract_cmd)


_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Every word of what the user typed, the last one as a prefix (results as you type)."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return None
    quoted = [f'"{t}"' for t in tokens]
    quoted[-1] += "*"
    return " ".join(quoted)


def search(ctx: Context, text: str, limit: int = 50) -> list[dict]:
    query = fts_query(text)
    if not query:
        return []
    return ctx.store.search(query, limit)


def readable_original(path: Path):
    """A stored original as plain bytes for reading (a context manager; see originals.plain)."""
    return originals.plain(Path(path))


def viewable_original(path: Path) -> Path:
    """A stored original for the user's own viewer: itself, or an opened copy in the private
    run folder of the data folder (removed when the folder is closed)."""
    try:
        return originals.plain_copy_kept(Path(path))
    except (OSError, sealed_errors()) as exc:
        raise UserError(f"{path}: cannot be opened ({exc}); restore a backup") from None


def sealed_errors():
    from desktop_app.store import sealed

    return sealed.Unreadable
