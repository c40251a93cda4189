"""The intake's vocabularies are data: each file loads, says where it comes from, and every
label in it is found on a page that prints it and feeds a field the extractors fill."""

from __future__ import annotations

import json

import pytest

from desktop_app.intake import label_hits, vocab
from desktop_app.intake.extract_care_sheet import extract_care_sheet
from desktop_app.intake.extract_prescription import extract_prescription
from desktop_app.intake.names import first_names
from tests.intake.word_pages import page, run

FILES = ["labels_care_sheet", "labels_prescription", "headings", "stopwords", "calibration"]
LABEL_FILES = {"labels_care_sheet": extract_care_sheet, "labels_prescription": extract_prescription}


@pytest.mark.parametrize("name", FILES)
def test_each_file_loads_and_says_where_it_comes_from(name):
    path = vocab.resources_root() / "intake" / f"{name}.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw.get("_source") and raw.get("_as_of")
    assert vocab.load(name)


@pytest.mark.parametrize("name", sorted(LABEL_FILES))
def test_every_label_feeds_a_field_the_extractor_fills(name):
    ctx = run(LABEL_FILES[name], [(120, 100, "x")])
    filled = set(ctx.fields)
    data = vocab.load(name)
    assert set(data["fields"]) <= filled
    for entry in data["not_fields"]:
        assert entry["not"] and set(entry["not"]) <= filled, entry


def _label_entries():
    for name in sorted(LABEL_FILES):
        data = vocab.load(name)
        for fname, entries in list(data["fields"].items()) + list(data.get("name_parts", {}).items()):
            for e in entries:
                yield name, fname, e["label"]
        for e in data["not_fields"]:
            yield name, "", e["label"]


@pytest.mark.parametrize("name,fname,label", list(_label_entries()))
def test_every_label_is_found_where_it_is_printed(name, fname, label):
    hits = label_hits.find_label_hits([page([(120, 300, label + " :")])], label_hits.labels_of(name))
    assert any(h.label.field == fname and h.label.text == label_hits.norm_text(label) for h in hits), \
        [(h.label.field, h.label.text) for h in hits]


def test_headings_have_known_roles_and_are_recognised():
    roles = {"patient", "insured", "practitioner", "acts", "payment", "signature", "title"}
    for h in vocab.load("headings")["headings"]:
        assert h["role"] in roles
        assert label_hits.heading_role(h["text"].upper()) == h["role"] or label_hits.is_heading_text(h["text"])


def test_stop_words_are_never_first_names():
    words = vocab.load("stopwords")
    assert words["titles"] and words["particles"] and words["name_stopwords"]
    assert not set(words["name_stopwords"]) & first_names()


def test_the_confidence_table_only_rises():
    table = vocab.load("calibration")
    for key, points in [("default", table["default"])] + list(table["fields"].items()):
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        assert xs == sorted(xs), key
        assert ys == sorted(ys), key
        assert all(0.0 <= y <= 1.0 for y in ys), key
