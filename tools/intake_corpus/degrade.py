"""What a scanner or a phone does to a page. Only seeded random sources are used, so a document
is the same on every run."""

from __future__ import annotations

import random

from PIL import Image, ImageChops, ImageFilter

# The same maths straightens a photo in the intake: one solver for both directions.
from desktop_app.intake.photos import perspective_coefficients


def _noise(size: tuple[int, int], rng: random.Random, amplitude: int) -> Image.Image:
    # Noise drawn at a quarter of the size then enlarged: grain the size of scanner speckle,
    # and 16 times fewer random bytes.
    w, h = max(1, size[0] // 2), max(1, size[1] // 2)
    raw = Image.frombytes("L", (w, h), rng.randbytes(w * h))
    lut = [round(v * 2 * amplitude / 255) for v in range(256)]
    return raw.point(lut).resize(size, Image.NEAREST)


def on_flatbed(img: Image.Image, width: int, height: int, rng: random.Random) -> Image.Image:
    """A small paper laid somewhere on an A4 scanner glass; the lid's white all around."""
    page = Image.new("L", (width, height), rng.randint(238, 255))
    x = rng.randint(0, max(0, width - img.width))
    y = rng.randint(0, max(0, min(height - img.height, height // 3)))
    page.paste(img.crop((0, 0, min(img.width, width), min(img.height, height))), (x, y))
    return page


def scan(img: Image.Image, rng: random.Random) -> tuple[Image.Image, list[str]]:
    done = []
    if rng.random() < 0.25:
        lo = rng.randint(50, 90)
        hi = rng.randint(190, 235)
        img = img.point([round(lo + v * (hi - lo) / 255) for v in range(256)])
        done.append("contrast")
    if rng.random() < 0.03:  # fed sideways or upside down
        img = img.transpose(rng.choice((Image.ROTATE_90, Image.ROTATE_180, Image.ROTATE_270)))
        done.append("quarter-turn")
    if rng.random() < 0.6:
        angle = rng.uniform(-3, 3)
        img = img.rotate(angle, Image.BICUBIC, expand=False, fillcolor=rng.randint(235, 255))
        done.append("rotate")
    if rng.random() < 0.4:
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.3)))
        done.append("blur")
    if rng.random() < 0.4:
        a = rng.randint(10, 35)
        img = ImageChops.add(img, _noise(img.size, rng, a), 1.0, -a)
        done.append("noise")
    return img, done


def photo(img: Image.Image, rng: random.Random) -> tuple[Image.Image, list[str]]:
    """A page photographed on a table: skewed, unevenly lit, then reduced to about 1000 px wide."""
    w, h = img.size
    pad = int(w * rng.uniform(0.04, 0.1))
    table = rng.randint(70, 150)
    canvas = Image.new("L", (w + 2 * pad, h + 2 * pad), table)
    canvas.paste(img, (pad, pad))
    W, H = canvas.size
    j = lambda s: rng.uniform(-s, s) * W  # noqa: E731
    src = [(pad + j(0.01), pad + j(0.01)), (W - pad + j(0.01), pad + j(0.01)),
           (W - pad + j(0.01), H - pad + j(0.01)), (pad + j(0.01), H - pad + j(0.01))]
    k = rng.uniform(0.02, 0.07)
    dst = [(pad + k * W * rng.random(), pad + k * W * rng.random()), (W - pad - k * W * rng.random(), pad + k * W * rng.random()),
           (W - pad - k * W * rng.random() * 0.5, H - pad), (pad + k * W * rng.random() * 0.5, H - pad)]
    canvas = canvas.transform((W, H), Image.PERSPECTIVE, perspective_coefficients(dst, src), Image.BICUBIC, fillcolor=table)
    # Uneven light: a coarse gradient of gains, enlarged smoothly; sometimes a soft shadow.
    grid = Image.new("L", (3, 3))
    grid.putdata([rng.randint(150, 255) for _ in range(9)])
    light = grid.resize((W, H), Image.BILINEAR)
    done = ["perspective", "light"]
    if rng.random() < 0.5:
        shadow = Image.new("L", (W, H), 255)
        x0 = int(W * rng.uniform(0.3, 0.8))
        shadow.paste(rng.randint(120, 180), (x0, 0, W, H))
        light = ImageChops.multiply(light, shadow.filter(ImageFilter.GaussianBlur(W / 25)))
        done.append("shadow")
    canvas = ImageChops.multiply(canvas, light)
    target = rng.randint(900, 1200)
    canvas = canvas.resize((target, round(H * target / W)), Image.LANCZOS)
    canvas = canvas.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8)))
    a = rng.randint(6, 14)
    canvas = ImageChops.add(canvas, _noise(canvas.size, rng, a), 1.0, -a)
    return canvas.convert("RGB"), done + ["lowres"]
