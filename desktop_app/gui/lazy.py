"""Service modules imported on first use.

``services.documents`` imports the whole OCR pipeline (Pillow, pypdf, stdnum, the extractors);
the window can be on screen before any of that is needed, so GUI modules reach those services
through these stand-ins. The first worker that reads claims imports them off the UI thread.
"""

from __future__ import annotations

from desktop_app.core.on_first_use import OnFirstUse as _LazyModule

claims = _LazyModule("desktop_app.services.claims")
documents = _LazyModule("desktop_app.services.documents")
inbox = _LazyModule("desktop_app.services.inbox")
layout_memory = _LazyModule("desktop_app.services.layout_memory")
field_checks = _LazyModule("desktop_app.services.field_checks")
tracking = _LazyModule("desktop_app.services.tracking")
people = _LazyModule("desktop_app.services.people")
person_proposals = _LazyModule("desktop_app.services.person_proposals")
statements = _LazyModule("desktop_app.services.statements")
trash = _LazyModule("desktop_app.services.trash")
watch_folders = _LazyModule("desktop_app.services.watch_folders")
reminders = _LazyModule("desktop_app.services.reminders")
