"""Corrections teach the reader an issuer's layout: the next papers of that issuer are read right.

The series is one issuer's invoices in a layout the reader was never tuned on (its total under a
"Montant de la prestation" label, its date after "Édité le" at the foot, the patient after
"Personne suivie"). The first paper is corrected through the service the document pane uses,
field by field; the four after it must then come in right and sure, where the reader alone gets
them wrong, leaves them empty or only suggests them (a confidence under 0.8).
"""

from __future__ import annotations

import pytest

from desktop_app import intake
from desktop_app.services import documents, layout_memory

pytestmark = pytest.mark.ocr

FIELDS = ("date", "total_amount", "patient_name")


def expected(paper) -> dict:
    return {"date": paper.issued.isoformat(), "total_amount": paper.total,
            "patient_name": paper.patient}


def right_fields(values: dict, paper) -> int:
    want = expected(paper)
    return sum(values.get(name) == want[name] for name in FIELDS)


def test_one_correction_and_the_next_four_papers_are_read_right(ctx, podology_series):
    papers = [p for p, _ in podology_series]
    files = [f for _, f in podology_series]

    # The reader alone, knowing nothing of this issuer.
    alone = intake.read_documents(files)
    alone_sure = sum(right_fields({n: r.value(n) for n in FIELDS if r.fields[n].confidence >= 0.8}, p)
                     for r, p in zip(alone[1:], papers[1:]))
    alone_right = sum(right_fields({n: r.value(n) for n in FIELDS}, p) for r, p in zip(alone[1:], papers[1:]))
    assert alone_sure == 0, "the layout must be one the reader is not sure of on its own"
    assert alone_right < 4 * len(FIELDS), "the layout must be one the reader gets wrong on its own"

    [first] = documents.import_files(ctx, [files[0]])
    for name, typed in (("date", papers[0].issued.strftime("%d/%m/%Y")),
                        ("total_amount", papers[0].total.replace(".", ",")),
                        ("patient_name", papers[0].patient)):
        # The document pane's Enter on one field: the same call.
        documents.confirm_document(ctx, first.document_id, {name: typed}, confirm_others=False)
    [remembered] = layout_memory.list_layouts(ctx)
    assert remembered.issuer_type == "siret" and remembered.issuer_key == "81947265500011"
    assert set(FIELDS) <= set(remembered.fields)

    outcomes = documents.import_files(ctx, files[1:])
    for outcome, paper in zip(outcomes, papers[1:]):
        doc = ctx.store.document(outcome.document_id)
        values = {name: doc.fields[name].value if name in doc.fields else None for name in FIELDS}
        assert values == expected(paper)
        assert all(doc.fields[name].confidence >= 0.8 for name in FIELDS), {n: doc.fields[n].confidence for n in FIELDS}
        assert outcome.to_dict()["remembered_layout"] == remembered.id
    [remembered] = layout_memory.list_layouts(ctx)
    assert remembered.uses == 4
