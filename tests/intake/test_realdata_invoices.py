"""Real third-party invoices (text PDFs): date, total and number against their ground truth."""

import json

import pytest

from desktop_app.intake import read_document

_INVOICE2DATA = ["free_fiber", "NetpresseInvoice"]
_FACTURX = ["Facture_FR_EN16931", "Facture_DOM_EN16931", "Facture_UE_EN16931", "Avoir_FR_type381_EN16931"]


def _iso(yyyymmdd: str) -> str:
    return f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:]}"


@pytest.mark.parametrize("name", _INVOICE2DATA)
def test_invoice2data_invoices(shared, name):
    folder = shared / "realdata/invoices_fr"
    truth = json.loads((folder / f"{name}.json").read_text("utf-8"))[0]
    result = read_document(folder / f"{name}.pdf", tesseract_cmd="/nonexistent/tesseract")
    assert result.text_source == "text_layer"
    assert result.kind == "invoice"
    assert result.fields["date"].value == truth["date"]
    assert result.fields["total_amount"].value == f"{truth['amount']:.2f}"
    assert result.fields["invoice_number"].value == truth["invoice_number"]


@pytest.mark.parametrize("name", _FACTURX)
def test_facturx_invoices(shared, name):
    folder = shared / "realdata/invoices_fr/facturx_fnfe"
    truth = json.loads((folder / "facturx_ground_truth_summary.json").read_text("utf-8"))[f"{name}.pdf"]
    result = read_document(folder / f"{name}.pdf", tesseract_cmd="/nonexistent/tesseract")
    assert result.kind == "invoice"
    assert result.fields["date"].value == _iso(truth["issue_date"])
    assert result.fields["total_amount"].value == truth["grand_total"]
    assert result.fields["invoice_number"].value == truth["invoice_number"]
