"""One very large scan: a 7440×10524 JPEG (an A4 page at 900 dpi), read by the intake pipeline.

    .venv/bin/python benchmarks/bench_big_page.py [--runs 3] [--keep FILE.jpg]

Prints the time of each stage the pipeline reports (decoding, preparing, reading the text,
finding the fields), the whole read, and the fields found; median of the runs. The page is
drawn here (an invoice with its total, on grainy, unevenly lit paper, as a phone photographs it),
so nothing is downloaded.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

WIDTH, HEIGHT = 7440, 10524
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def draw_page(path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    k = WIDTH / 1654  # drawn as the 200-dpi test pages, 4.5 times larger
    big = ImageFont.truetype(str(FONT), int(52 * k))
    font = ImageFont.truetype(str(FONT), int(34 * k))
    im = Image.new("RGB", (WIDTH, HEIGHT), "white")
    d = ImageDraw.Draw(im)

    def text(x, y, words, f=font):
        d.text((int(x * k), int(y * k)), words, font=f, fill=(0, 0, 0))

    text(480, 120, "ORTHO SERVICES DU RHÔNE", big)
    text(450, 200, "5 quai Perrache - 69002 Lyon - SIRET 48421798900090")
    text(130, 380, "Facture n° FC-2025-0117", big)
    text(1050, 390, "Émise le 18/09/2025")
    text(130, 520, "Bénéficiaire :")
    text(420, 520, "M. Paul ROUSSEL")
    text(130, 580, "Ordonnance du 02/09/2025")
    y = 720
    for code, label, amount in (("1180372", "Électrostimulateur périnéal", "304,90"),
                                ("1172312", "Sonde vaginale", "25,92")):
        text(145, y, code)
        text(420, y, label)
        text(1330, y, amount + " €")
        y += 80
    text(900, y + 120, "Total TTC : 330,82 €", big)
    text(130, y + 300, "Acquittée le 18/09/2025 par carte bancaire")
    # A photographed page, not a clean render: grainy paper, light falling off to one side, a
    # warm tint. Tesseract's time grows with what it has to sift through, not only with text.
    from PIL import ImageChops

    grain = Image.effect_noise((WIDTH, HEIGHT), 24).point(lambda v: max(0, min(255, 90 + v)))
    light = Image.linear_gradient("L").rotate(90).resize((WIDTH, HEIGHT))
    light = light.point(lambda v: 255 - v // 5)
    paper = ImageChops.multiply(grain, light)
    page = ImageChops.darker(im.convert("L"), paper)
    warm = Image.merge("RGB", (page, page.point(lambda v: v * 97 // 100),
                               page.point(lambda v: v * 90 // 100)))
    warm.save(path, "JPEG", quality=88)


def read_once(path: Path) -> dict:
    from desktop_app import intake

    marks = []
    start = time.perf_counter()

    def stage(_path, name, page, pages):
        marks.append((name, time.perf_counter()))

    import inspect

    if "stage" in inspect.signature(intake.read_document).parameters:
        result = intake.read_document(path, stage=stage, workers=1)
    else:  # measuring a pipeline from before the stages
        result = intake.read_document(path, workers=1)
    end = time.perf_counter()
    stages = {}
    for (name, at), (_next, then) in zip(marks, marks[1:] + [("end", end)]):
        stages[name] = stages.get(name, 0.0) + then - at
    return {"total": end - start, "stages": stages, "result": result}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/bench_big_page.py")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="also save the generated page there")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page-7440x10524.jpg"
        draw_page(path)
        if args.keep:
            args.keep.write_bytes(path.read_bytes())
        print(f"page: {WIDTH}x{HEIGHT} JPEG, {path.stat().st_size / 1e6:.1f} MB")
        runs = [read_once(path) for _ in range(args.runs)]
    totals = [r["total"] for r in runs]
    print(f"whole read, median of {args.runs}: {statistics.median(totals):.1f} s "
          f"(runs: {', '.join(f'{t:.1f}' for t in totals)})")
    names = list(runs[0]["stages"])
    for name in names:
        values = [r["stages"].get(name, 0.0) for r in runs]
        print(f"  {name}: {statistics.median(values):.2f} s")
    result = runs[-1]["result"]
    fields = {k: f.value for k, f in result.fields.items()}
    print(f"kind: {result.kind}; fields: {fields}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
