"""Invoices, receipts, pharmacy receipts, attestations and mutuelle cards: their readers weigh
evidence by hand (beside a label, under it, no label), and what the user sees is that weight
through the table fitted on documents the readers were not tuned on, like the scored fields.

Pages of words placed by hand (no OCR); made-up wordings and values.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from desktop_app.intake import candidates
from desktop_app.intake.extract_receipt import extract_receipt
from tests.intake.word_pages import run

ROOT = Path(__file__).resolve().parents[2]

_RECEIPT = [(100, 100, "NOTE D'HONORAIRES"), (100, 300, "Date : 14/03/2025"),
            (100, 400, "Total TTC : 45,00 €")]


def _table(monkeypatch, fields: dict, default=((0.0, 0.0), (1.0, 1.0))):
    table = {"default": [list(p) for p in default], "fields": fields}
    monkeypatch.setattr(candidates, "_calibration", lambda: table)


def test_a_labelled_total_is_as_sure_as_the_table_says(monkeypatch):
    _table(monkeypatch, {})
    straight = run(extract_receipt, _RECEIPT).fields["total_amount"]
    assert straight.value == "45.00" and straight.confidence >= 0.8
    # Where labelled totals of receipts were wrong too often, the same reading is shown unsure.
    _table(monkeypatch, {"receipt.total_amount": [[0.0, 0.0], [1.0, 0.5]]})
    capped = run(extract_receipt, _RECEIPT).fields["total_amount"]
    assert capped.value == "45.00" and capped.confidence < 0.8


def test_a_kind_s_own_pooled_line_comes_before_the_general_default(monkeypatch):
    table = {"default": [[0.0, 0.0], [1.0, 1.0]], "fields": {},
             "kind_default": {"receipt": [[0.0, 0.0], [1.0, 0.4]]}}
    monkeypatch.setattr(candidates, "_calibration", lambda: table)
    assert run(extract_receipt, _RECEIPT).fields["total_amount"].confidence < 0.5


def test_raw_scores_are_left_as_they_are_for_the_fitting_tool(monkeypatch):
    _table(monkeypatch, {"receipt.total_amount": [[0.0, 0.0], [1.0, 0.1]]})
    monkeypatch.setattr(candidates, "RAW_SCORES", True)
    assert run(extract_receipt, _RECEIPT).fields["total_amount"].confidence >= 0.8


def test_the_shipped_table_has_a_line_for_every_calibrated_kind():
    table = json.loads((ROOT / "resources" / "intake" / "calibration.json").read_text(encoding="utf-8"))
    for kind in ("invoice", "receipt", "pharmacy_receipt", "rights_certificate", "mutuelle_card"):
        assert kind in table["kind_default"], kind
        assert table["_fitted_on_by_kind"][kind]


@pytest.fixture
def tool():
    spec = importlib.util.spec_from_file_location("intake_calibrate", ROOT / "tools" / "intake_calibrate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_fitting_one_kind_keeps_the_lines_of_the_others(tool, tmp_path, monkeypatch):
    res = tmp_path / "intake"
    res.mkdir()
    start = {"precision_to_confidence": [[0.0, 0.0], [0.99, 0.8], [1.0, 0.95]],
             "default": [[0.0, 0.0], [1.0, 0.3]],
             "fields": {"care_sheet.nir": [[0.0, 0.0], [1.0, 0.9]]}}
    (res / "calibration.json").write_text(json.dumps(start), encoding="utf-8")
    monkeypatch.setattr(candidates.vocab, "resources_root", lambda: tmp_path)
    rows = [{"file": f"d{i}", "kind": "receipt", "read_as": "receipt",
             "fields": {"date": {"score": 0.9, "value": "2025-03-14", "truth": "2025-03-14", "right": 1.0},
                        "total_amount": {"score": 0.9, "value": "45.00", "truth": "54.00",
                                         "right": 1.0 if i % 3 else 0.0}}}
            for i in range(150)]
    readings = tmp_path / "r.jsonl"
    readings.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    tool.main(["fit", str(readings), "--write", "--name", "test readings"])
    table = json.loads((res / "calibration.json").read_text(encoding="utf-8"))
    assert table["fields"]["care_sheet.nir"] == [[0.0, 0.0], [1.0, 0.9]]
    assert table["default"] == [[0.0, 0.0], [1.0, 0.3]]
    assert candidates._interp(table["fields"]["receipt.date"], 0.9) >= 0.8  # 150 right of 150
    assert candidates._interp(table["fields"]["receipt.total_amount"], 0.9) < 0.8  # one in three wrong
    assert table["_fitted_on_by_kind"]["receipt"] == "test readings"


def test_a_value_found_without_its_label_stays_unsure_whatever_the_table(monkeypatch):
    _table(monkeypatch, {"receipt.total_amount": [[0.0, 0.95], [1.0, 0.95]]})
    f = run(extract_receipt, [(100, 100, "NOTE D'HONORAIRES"), (100, 300, "Date : 14/03/2025"),
                              (900, 400, "45,00 €")]).fields["total_amount"]
    assert f.value == "45.00" and f.confidence < 0.5


def test_a_date_under_an_invoice_date_label_that_names_another_date_is_not_taken(monkeypatch):
    from desktop_app.intake.extract_invoice import extract_invoice

    _table(monkeypatch, {})
    # The label's own value was lost; the line under it is the prescription's date.
    fields = run(extract_invoice, [(100, 100, "FACTURE"), (700, 200, "Date de facture"),
                                   (700, 240, "Suivant ordonnance en date du 14/07/2026")]).fields
    assert fields["date"].value != "2026-07-14" or fields["date"].confidence < 0.8


def test_a_caisse_glued_to_the_cell_before_it_keeps_its_first_word():
    from desktop_app.intake.extract_rights_certificate import _caisse_name

    assert _caisse_name("dimanche 21 mars 1965CPAM du Rhône") == "CPAM du Rhône"
    assert _caisse_name("CPAM du Rhône") == "CPAM du Rhône"
