"""The synthetic corpus generator (tools/intake_corpus): same documents for the same seed, valid
ground truth, splits that share no layout or wording (holdout's group D none with any other), files
the intake can open."""

from __future__ import annotations

import itertools
import json
import re
import sys
import unicodedata
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
GROUPS = sorted(set(SPLIT_GROUP.values()))


def docs(split: str, n: int = 4):
    for kind in KINDS:
        for i in range(n):
            doc, _ = make(7, split, kind, i, dpi=SMALL_DPI)
            yield doc


@pytest.mark.parametrize("split", ["calibrate", "holdout"])
def test_same_seed_gives_the_same_files(tmp_path, split):
    a = generate(tmp_path / "a", split, 1, seed=3, dpi=SMALL_DPI)
    b = generate(tmp_path / "b", split, 1, seed=3, dpi=SMALL_DPI)
    assert a == b
    for row in a:
        stem = row["file"].rsplit(".", 1)[0]
        assert (tmp_path / "a" / row["file"]).read_bytes() == (tmp_path / "b" / row["file"]).read_bytes()
        assert (tmp_path / "a" / f"{stem}.json").read_text() == (tmp_path / "b" / f"{stem}.json").read_text()
    other = generate(tmp_path / "c", split, 1, seed=4, dpi=SMALL_DPI)
    truths = lambda folder, rows: [json.loads((folder / (r["file"].rsplit(".", 1)[0] + ".json")).read_text()) for r in rows]  # noqa: E731
    assert truths(tmp_path / "a", a) != truths(tmp_path / "c", other)


@pytest.mark.parametrize("split", ["test", "holdout"])
def test_a_document_does_not_depend_on_how_many_are_asked_for(tmp_path, split):
    one, _ = make(5, split, "invoice", 2, dpi=SMALL_DPI)
    again, _ = make(5, split, "invoice", 2, dpi=SMALL_DPI)
    assert one.truth == again.truth
    assert one.pages[0].image.tobytes() == again.pages[0].image.tobytes()
    # Asked for among more documents and fewer kinds, the same file comes out.
    generate(tmp_path / "few", split, 3, seed=5, kinds=["invoice"], fmt="png", dpi=SMALL_DPI)
    generate(tmp_path / "many", split, 1, seed=5, fmt="png", dpi=SMALL_DPI)
    name = f"{split}_invoice_0000.png"
    assert (tmp_path / "few" / name).read_bytes() == (tmp_path / "many" / name).read_bytes()


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


def _bare(text: str) -> str:
    """A wording without case, accents, spaces or punctuation: "N° S.S." and "N° SS" are one."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[^a-z0-9{}]", "", "".join(ch for ch in text if not unicodedata.combining(ch)))


def test_label_wordings_belong_to_one_group_only():
    seen: dict[str, str] = {}  # across every label: a wording of one split is nowhere else
    for key, groups in wording().items():
        assert sorted(groups) == GROUPS, key
        for g, texts in groups.items():
            assert texts, (key, g)
            for text in texts:
                assert seen.setdefault(text.casefold(), g) == g, f"{key}: {text!r} in {seen[text.casefold()]} and {g}"


def test_holdout_wordings_differ_from_every_other_even_without_accents_or_punctuation():
    words = wording()
    others = {_bare(t): (key, g) for key, groups in words.items() for g, texts in groups.items() if g != "D"
              for t in texts}
    for key, groups in words.items():
        placeholders = {tuple(sorted(re.findall(r"{(\w+)}", t))) for t in groups["A"]}
        for text in groups["D"]:
            assert _bare(text) not in others, f"{key}: {text!r} is {others[_bare(text)]}"
            assert tuple(sorted(re.findall(r"{(\w+)}", text))) in placeholders, (key, text)


def test_layout_and_format_variants_belong_to_one_group_only():
    for dim, table in DISJOINT.items():
        assert sorted(table) == GROUPS, dim
        for g, h in itertools.combinations(GROUPS, 2):
            assert not set(table[g]) & set(table[h]), (dim, g, h)
    for table in (fonts.BODY, fonts.HAND):
        assert sorted(table) == GROUPS
        files = {g: {spec if isinstance(spec, str) else spec[1] for spec in table[g]} for g in GROUPS}
        for g, h in itertools.combinations(GROUPS, 2):
            assert not files[g] & files[h], (g, h)
            # nor the same face in another weight or width ("DejaVuSans" and "DejaVuSansMono" differ)
            assert not {f.rsplit(".", 1)[0].split("-")[0] for f in files[g]} & {
                f.rsplit(".", 1)[0].split("-")[0] for f in files[h]}, (g, h)


def test_invoice_numbers_have_a_shape_of_their_own_per_group():
    import random

    from tools.intake_corpus.kinds_billing import INVOICE_NUMBERS

    assert sorted(INVOICE_NUMBERS) == GROUPS
    rng = random.Random(3)
    shape = lambda s: re.sub(r"[A-Z]", "A", re.sub(r"\d", "9", s))  # noqa: E731
    shapes = {g: {shape(f(rng, date(2025, 4, 3))) for f in makers for _ in range(20)}
              for g, makers in INVOICE_NUMBERS.items()}
    for g, h in itertools.combinations(GROUPS, 2):
        assert not shapes[g] & shapes[h], (g, h)


def test_every_format_prints_and_holdout_amounts_read_back(shared):
    import importlib.util

    spec = importlib.util.spec_from_file_location("shared_score", shared / "corpus" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    person = style.Person("Hélène", "de La Tour", 2, date(1961, 1, 16))
    for fmt in style.AMOUNT_FORMATS["D"]:  # holdout's amounts are signs and digits the shared rules read
        for v in ("0.50", "7.05", "1245.00", "12345.67"):
            assert scorer.norm_amount(style.format_amount(Decimal(v), fmt)) == Decimal(v), (fmt, v)
    for g in GROUPS:
        for fmt in style.AMOUNT_FORMATS[g]:
            assert style.format_amount(Decimal("1245.00"), fmt)
        for fmt in style.DATE_FORMATS[g]:
            assert "2025" in style.format_date(date(2025, 4, 3), fmt) or "25" in style.format_date(date(2025, 4, 3), fmt)
        for fmt in style.NAME_FORMATS[g] + style.DOCTOR_FORMATS[g]:
            printed = (style.format_name if fmt in style.NAME_FORMATS[g] else style.format_doctor)(person, fmt)
            assert scorer.score_field("patient_name", person.truth, printed) == 1.0, (fmt, printed)
        for fmt in style.NIR_FORMATS[g]:
            printed = style.format_nir("185057800608436", fmt)
            assert re.sub(r"\D", "", printed) == "185057800608436", (fmt, printed)


def test_every_split_uses_only_its_own_variants():
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
    for fmt in ("png", "pdf-text"):  # holdout's own drawing (leader dots, monogram, rules) written both ways
        folder = tmp_path / f"holdout-{fmt}"
        rows += [(folder, r) for r in generate(folder, "holdout", 1, seed=11, fmt=fmt, dpi=60)]
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
    assert main(["--out", str(tmp_path / "h"), "--split", "holdout", "--count", "1", "--dpi", "40",
                 "--kinds", "receipt", "--quiet"]) == 0
    row = json.loads((tmp_path / "h" / "manifest.jsonl").read_text("utf-8"))
    assert (row["split"], row["group"]) == ("holdout", "D")
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
