"""The synthetic corpus generator (tools/intake_corpus): same documents for the same seed, valid
ground truth, splits that share no layout or wording, files the intake can open."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tools.intake_corpus import KINDS, SCHEMA, fonts, generate, ids, make, style, values  # noqa: E402
from tools.intake_corpus.style import DISJOINT, SPLIT_GROUP, wording  # noqa: E402

SMALL_DPI = 40  # tiny pages: the tests check content, not legibility
SPLITS = list(SPLIT_GROUP)


def docs(split: str, n: int = 4):
    for kind in KINDS:
        for i in range(n):
            doc, _ = make(7, split, kind, i, dpi=SMALL_DPI)
            yield doc


def test_same_seed_gives_the_same_files(tmp_path):
    a = generate(tmp_path / "a", "calibrate", 1, seed=3, dpi=SMALL_DPI)
    b = generate(tmp_path / "b", "calibrate", 1, seed=3, dpi=SMALL_DPI)
    assert a == b
    for row in a:
        stem = row["file"].rsplit(".", 1)[0]
        assert (tmp_path / "a" / row["file"]).read_bytes() == (tmp_path / "b" / row["file"]).read_bytes()
        assert (tmp_path / "a" / f"{stem}.json").read_text() == (tmp_path / "b" / f"{stem}.json").read_text()
    other = generate(tmp_path / "c", "calibrate", 1, seed=4, dpi=SMALL_DPI)
    truths = lambda folder, rows: [json.loads((folder / (r["file"].rsplit(".", 1)[0] + ".json")).read_text()) for r in rows]  # noqa: E731
    assert truths(tmp_path / "a", a) != truths(tmp_path / "c", other)


def test_a_document_does_not_depend_on_how_many_are_asked_for():
    one, _ = make(5, "test", "invoice", 2, dpi=SMALL_DPI)
    again, _ = make(5, "test", "invoice", 2, dpi=SMALL_DPI)
    assert one.truth == again.truth
    assert one.pages[0].image.tobytes() == again.pages[0].image.tobytes()


def test_ground_truth_follows_the_schema():
    for split in SPLITS:
        for doc in docs(split, 2):
            assert list(doc.truth) == SCHEMA[doc.kind], doc.kind


def _iso(v: str | None) -> date | None:
    return date.fromisoformat(v) if v else None


@pytest.mark.parametrize("split", SPLITS)
def test_identifiers_dates_and_totals_are_valid(split):
    for doc in docs(split, 6):
        t, facts = doc.truth, doc.ctx.facts
        if t.get("nir"):
            nir = t["nir"]
            assert len(nir) == 15 and ids.nir_ok(nir), nir
            assert re.fullmatch(r"[12]\d{4}(\d\d|2A|2B)\d{8}", nir), nir
            born = facts["assure_birth"]
            assert nir[1:3] == f"{born.year % 100:02d}" and nir[3:5] == f"{born.month:02d}"
        if t.get("prescriber_rpps"):
            assert len(t["prescriber_rpps"]) == 11 and ids.luhn_ok(t["prescriber_rpps"])
        if "total_amount" in t:
            assert sum(facts["lines"], Decimal("0")) == Decimal(t["total_amount"]), doc.kind
        for name in ("date", "care_date"):
            if t.get(name):
                d = _iso(t[name])
                assert values.EARLIEST <= d <= values.LATEST
                for born in (facts.get("birth"), _iso(t.get("birth_date")), _iso(t.get("patient_birth_date"))):
                    if born:
                        assert born < d
        if doc.kind == "care_sheet":
            assert _iso(t["care_date"]) == min(facts["act_dates"]) == facts["act_dates"][0]
        if doc.kind == "invoice":
            assert all(re.fullmatch(r"\d{7}", c) for c in t["lpp_codes"])
        if doc.kind == "receipt":
            assert max(facts["act_dates"]) <= _iso(t["date"])
        for v in t.values():
            if isinstance(v, str) and " " in v and v[0].isalpha():
                assert v == v.strip()


def test_identifier_helpers_are_right():
    assert ids.nir_key("1850769123456") == f"{97 - 1850769123456 % 97:02d}"
    assert ids.nir_key("285022A123456") == f"{97 - 2850219123456 % 97:02d}"
    assert ids.nir_key("185072B123456") == f"{97 - 1850718123456 % 97:02d}"
    assert ids.luhn_ok("10003456786") and not ids.luhn_ok("10003456787")
    assert ids.luhn_ok("73282932000074")  # a published SIRET
    import random

    rng = random.Random(1)
    for _ in range(50):
        assert ids.luhn_ok(ids.siret(rng)) and len(ids.siret(rng)) == 14
        assert ids.luhn_ok(ids.rpps(rng))


def test_names_are_varied_and_french():
    data = style.DATA
    surnames = data["surnames"]
    assert any("-" in s for s in surnames) and any(" " in s for s in surnames) and any("'" in s for s in surnames)
    assert any(ch in "".join(data["first_names_f"] + data["first_names_m"]) for ch in "éèëïç")
    firsts = {doc.truth.get("patient_name") for doc in docs("tune", 6) if doc.truth.get("patient_name")}
    assert len(firsts) >= 20


def test_printed_text_stays_on_the_page():
    from tools.intake_corpus.canvas import MM_PER_PT

    for split in SPLITS:
        for kind in KINDS:
            for i in range(2):
                doc, _ = make(0, split, kind, i, dpi=150)  # glyph sizes are rounded at tiny resolutions
                for c in doc.pages:
                    for op in (o for o in c.ops if o[0] == "text"):
                        _, x, y, text, size, style, bold, _ = op
                        role = style if style in ("hand", "mono") else "body"
                        right = x + c.width_of(text, size, role, bold)
                        assert x >= 0 and right <= c.width and y + size * MM_PER_PT <= c.height, (split, kind, i, text)


def test_label_wordings_belong_to_one_group_only():
    seen: dict[str, str] = {}  # across every label: a wording of the test split is nowhere else
    for key, groups in wording().items():
        for g, texts in groups.items():
            for text in texts:
                assert seen.setdefault(text.casefold(), g) == g, f"{key}: {text!r} in {seen[text.casefold()]} and {g}"


def test_layout_and_format_variants_belong_to_one_group_only():
    for dim, table in DISJOINT.items():
        a, b, c = (set(table[g]) for g in "ABC")
        assert not (a & b or a & c or b & c), dim
    for table in (fonts.BODY, fonts.HAND):
        files = {g: {spec if isinstance(spec, str) else spec[1] for spec in table[g]} for g in "ABC"}
        assert not (files["A"] & files["B"] or files["A"] & files["C"] or files["B"] & files["C"])


def test_the_test_split_uses_only_its_own_variants():
    for split, group in SPLIT_GROUP.items():
        for doc in docs(split, 3):
            ctx = doc.ctx
            assert all(v.startswith(group) for v in ctx.words.values())
            for dim, table in DISJOINT.items():
                assert ctx.choices[dim] in table[group], (split, dim)
            own = {spec[1] for spec in fonts.BODY[group]}
            if any(n in fonts.installed() for n in own):
                assert Path(ctx.font.body.regular).name in own


def test_every_kind_is_written_as_a_file_the_intake_opens(tmp_path):
    from desktop_app.intake.sources import open_pages

    rows = []
    for fmt in ("png", "jpg", "pdf-scan", "pdf-text", "tiff"):
        rows += [(tmp_path / fmt, r) for r in generate(tmp_path / fmt, "test", 1, seed=11, fmt=fmt, dpi=60)]
    assert {r["kind"] for _, r in rows} == set(KINDS)
    for folder, row in rows:
        path = folder / row["file"]
        _, pages = open_pages(path)
        assert pages, row["file"]
        page = pages[0]
        if row["format"] == "pdf-text":
            assert page.text and len(page.text.split()) > 5, row["file"]
        else:
            img = page.load_image()
            assert img.width > 100 and img.height > 100
            assert img.convert("L").getextrema()[0] < 128  # something dark is printed on it
        truth = json.loads(path.with_suffix(".json").read_text("utf-8"))
        assert truth["kind"] == row["kind"]
    manifest = [json.loads(line) for line in (tmp_path / "png" / "manifest.jsonl").read_text("utf-8").splitlines()]
    assert {m["kind"] for m in manifest} == set(KINDS)
    assert all({"family", "wording", "font", "degradations", "format"} <= set(m) for m in manifest)


def test_the_command_line_writes_a_corpus_the_shared_scorer_reads(tmp_path):
    from tools.intake_corpus.__main__ import main

    assert main(["--out", str(tmp_path), "--split", "tune", "--count", "1", "--seed", "2", "--dpi", "40",
                 "--kinds", "care_sheet,invoice", "--quiet"]) == 0
    files = sorted(p.name for p in tmp_path.iterdir())
    assert len([f for f in files if f.endswith(".json")]) == 2 and "manifest.jsonl" in files
    with pytest.raises(SystemExit):
        main(["--out", str(tmp_path), "--split", "nope", "--count", "1"])


def test_the_bench_scores_the_new_kinds_with_the_shared_rules(shared):
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_unseen", REPO / "benchmarks" / "bench_intake_unseen.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    scorer = bench.load_scorer()
    assert scorer.score_field("practitioner_name", "Claire MARTIN", "Mme Claire Martin") == 1.0
    assert scorer.score_field("caisse", "CPAM du Rhône", "CPAM DU RHONE") == 1.0
    assert scorer.score_field("amc_number", "77553303", "7755 3303") == 1.0
    assert scorer.score_field("member_number", "AB123456", "AB123457") == 0.0
    assert [bench.band_of(c) for c in (0.1, 0.5, 0.85, 0.9, 1.0, None)] == [
        "[0.0,0.5)", "[0.5,0.8)", "[0.8,0.9)", "[0.9,1.0]", "[0.9,1.0]", "none"]
