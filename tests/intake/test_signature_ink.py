"""A signature box scanned a little askew: its edges run across pixel rows and are no writing."""

from __future__ import annotations

from PIL import Image, ImageDraw

from desktop_app.intake.imaging import ink_amount


def _box(signed: bool, angle: float) -> Image.Image:
    im = Image.new("L", (760, 240), 255)
    d = ImageDraw.Draw(im)
    d.rectangle((20, -40, 740, 190), outline=0, width=3)
    if signed:
        d.line([(150, 120), (200, 60), (260, 140), (320, 70), (380, 130)], fill=0, width=4)
    return im.rotate(angle, resample=Image.BICUBIC, fillcolor=255)


def test_an_empty_box_askew_holds_no_ink():
    for angle in (0.0, 2.5, -3.0):
        cells, _ = ink_amount(_box(False, angle))
        assert cells < 0.008, angle


def test_a_signed_box_askew_still_holds_ink():
    for angle in (0.0, 2.5, -3.0):
        cells, span = ink_amount(_box(True, angle))
        assert cells > 0.008 and span > 0.15, angle
