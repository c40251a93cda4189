"""What reading a document produces: its kind, its fields and how sure we are."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.intake.read_warnings import ReadWarning


@dataclass
class ExtractedField:
    value: object
    confidence: float
    page: int | None = None
    bbox: list[int] | None = None  # x, y, width, height in page pixels
    source_text: str | None = None


@dataclass
class ReadResult:
    kind: str
    fields: dict[str, ExtractedField] = field(default_factory=dict)
    pages: int = 0
    text: str = ""
    text_source: str = "none"  # 'text_layer' | 'ocr' | 'none'
    warnings: list[ReadWarning] = field(default_factory=list)
    renewable: bool | None = None
    # The pages' words with their boxes (intake/page_words.py), kept so that a field corrected
    # later can be found on the page again; and the remembered layout the fields were read by.
    page_words: list[dict] = field(default_factory=list)
    remembered_layout: int | None = None

    def value(self, name: str):
        f = self.fields.get(name)
        return f.value if f else None

    def to_extract_json(self) -> dict:
        return {
            "kind": self.kind,
            "fields": {name: f.value for name, f in self.fields.items()},
            "confidence": {name: round(float(f.confidence), 3) for name, f in self.fields.items()},
            "pages": self.pages,
            # The warnings in English, and each as its message id and values for a caller that
            # words them in its own language (intake/read_warnings.py).
            "warnings": [w.text() for w in self.warnings],
            "notices": [{**w.to_json(), "text": w.text()} for w in self.warnings],
        }
