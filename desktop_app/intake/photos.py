"""Phone photos of a page: straightened, evenly lit and large enough before OCR.

A photo of a page differs from a flat scan in three ways tesseract minds: the page is a
quadrilateral on a darker surround (perspective), the paper's brightness drifts across it
(a hand's shadow, a lamp), and the characters are often few pixels tall. Each step below
works on a thumbnail first (a few hundred pixels a side, Pillow's C routines), so a flat
scan costs a few milliseconds to recognise as one and is returned untouched.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageFilter

from desktop_app.intake.imaging import _percentiles

_THUMB = 320  # longest side of the thumbnail a photo's page edges are found on
_GLANCE = 160  # longest side of the sample a scan is told from a photo on
_UNEVEN = 40  # grey levels of spread in the paper's brightness beyond which light is flattened
_READABLE_SIDE = 2400  # a page's longest side below this is enlarged (A4 at about 200 dpi)
_MAX_UPSCALE = 3.0


@dataclass
class PhotoFix:
    """What was done to a page image before OCR (all False: it was left as it was)."""

    photo: bool = False
    straightened: bool = False
    flattened: bool = False
    enlarged: float = 1.0  # how many times larger the result is than the page it came from
    levelled: bool = False  # a scan's grey paper made white (page_cleaning.py)


def _thumbnail(image: Image.Image, side: int = _THUMB) -> tuple[Image.Image, float]:
    """The page at about ``side`` pixels on its longest side (each pixel the mean of a block),
    and how many page pixels one of it stands for."""
    f = max(image.size) // side
    if f <= 1:
        return image.copy(), 1.0
    small = image.reduce(f)
    return small, image.width / small.width


def _glance(image: Image.Image) -> Image.Image:
    """A very small sample of the page (every n-th pixel), enough to tell a scan from a photo:
    sampling touches a few thousand pixels where averaging touches them all."""
    k = max(image.size) / _GLANCE
    if k <= 1:
        return image
    return image.resize((max(1, round(image.width / k)), max(1, round(image.height / k))),
                        Image.Resampling.NEAREST)


def _surround_dark(closed: Image.Image) -> bool:
    """Whether the picture's border is much darker than its centre: a page lying on a table."""
    w, h = closed.size
    px = closed.tobytes()
    centre = _percentiles(closed.crop((w // 3, h // 3, 2 * w // 3, 2 * h // 3)), 0.5)
    ring = sorted([px[i] for i in range(w)] + [px[(h - 1) * w + i] for i in range(w)]
                  + [px[y * w] for y in range(h)] + [px[y * w + w - 1] for y in range(h)])
    return ring[len(ring) // 2] <= 0.7 * centre


def _paper_map(thumb: Image.Image) -> Image.Image:
    """The paper's brightness without the ink: text is darker and thinner than the kernel."""
    k = max(3, (min(thumb.size) // 40) | 1)
    return thumb.filter(ImageFilter.MaxFilter(k)).filter(ImageFilter.GaussianBlur(k))


def _spread(im: Image.Image, mask: Image.Image | None = None) -> int:
    hist = im.histogram(mask)[:256]
    total = sum(hist)
    if not total:
        return 0
    lo = hi = None
    acc = 0
    for v, n in enumerate(hist):
        acc += n
        if lo is None and acc >= 0.05 * total:
            lo = v
        if acc >= 0.95 * total:
            hi = v
            break
    return (hi or 255) - (lo or 0)


def _closed(thumb: Image.Image) -> Image.Image:
    """The thumbnail with its text closed over (dark strokes thinner than the kernel gone) and
    the page's edges kept where they are."""
    k = max(3, (min(thumb.size) // 60) | 1)
    return thumb.filter(ImageFilter.MaxFilter(k)).filter(ImageFilter.MinFilter(k))


def page_quad(thumb: Image.Image) -> list[tuple[float, float]] | None:
    """The page's corners (top-left, top-right, bottom-right, bottom-left) in the thumbnail,
    when the page stands out brighter than its surround with all four edges inside the
    picture; None when it fills the picture (a scan) or its edges are not clear.

    The page is grown from the picture's centre, stopping where the brightness changes fast
    for its level: a shadow darkens the paper gradually, a page's edge is a step down to the
    table it lies on, whatever the light there."""
    w, h = thumb.size
    if w < 16 or h < 16:
        return None
    closed = _closed(thumb)
    px = closed.tobytes()
    seed = (h // 2) * w + w // 2
    if not _surround_dark(closed):  # a scan's paper reaches the picture's edges
        return None
    # Change over each pixel's 3×3 neighbourhood: large across an edge, even a blurred one.
    change = ImageChops.subtract(closed.filter(ImageFilter.MaxFilter(3)),
                                 closed.filter(ImageFilter.MinFilter(3))).tobytes()
    open_ = bytes(1 if change[i] * 100 <= 12 * px[i] + 400 else 0 for i in range(w * h))
    region = bytearray(w * h)
    if not open_[seed]:
        return None
    region[seed] = 1
    todo = [seed]
    count = 0
    n = w * h
    while todo:
        i = todo.pop()
        count += 1
        x = i % w
        for j in (i - 1 if x else -1, i + 1 if x < w - 1 else -1, i - w, i + w):
            if 0 <= j < n and open_[j] and not region[j]:
                region[j] = 1
                todo.append(j)
    if not 0.15 * n <= count <= 0.97 * n:
        return None
    # Extreme points along the diagonals are the corners of a convex quadrilateral.
    tl = br = tr = bl = (0, 0)
    s_min = d_min = 1e9
    s_max = d_max = -1e9
    edge = 0
    for y in range(h):
        row = region[y * w:(y + 1) * w]
        x0 = row.find(1)
        if x0 < 0:
            continue
        x1 = row.rfind(1)
        edge += (x0 == 0) + (x1 == w - 1) + (y in (0, h - 1)) * (x1 - x0 + 1)
        for x in (x0, x1):
            s, d = x + y, x - y
            if s < s_min:
                s_min, tl = s, (x, y)
            if s > s_max:
                s_max, br = s, (x, y)
            if d > d_max:
                d_max, tr = d, (x, y)
            if d < d_min:
                d_min, bl = d, (x, y)
    if edge > 0.05 * (w + h):  # the page runs off the picture: its edges are not all there
        return None
    quad = [tl, tr, br, bl]
    area = _polygon_area([(float(x), float(y)) for x, y in quad])
    # A page is a quadrilateral: the region fills it. A blob (a hand, a mug) does not.
    if area <= 0 or not 0.9 <= count / area <= 1.1:
        return None
    return [(x + 0.5, y + 0.5) for x, y in quad]


def _polygon_area(points: list[tuple[float, float]]) -> float:
    a = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
        a += x0 * y1 - x1 * y0
    return a / 2


def _solve(a: list[list[float]], b: list[float]) -> list[float] | None:
    """Gaussian elimination with partial pivoting (an 8×8 system: no library needed)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        if abs(m[p][c]) < 1e-12:
            return None
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                if f:
                    for k in range(c, n + 1):
                        m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def perspective_coefficients(dst: list[tuple[float, float]], src: list[tuple[float, float]]
                             ) -> list[float] | None:
    """Pillow's PERSPECTIVE data: for each output point ``dst[i]``, the input point ``src[i]``."""
    a, b = [], []
    for (x, y), (u, v) in zip(dst, src):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        b.append(u)
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b.append(v)
    return _solve(a, b)


def straighten(image: Image.Image, quad: list[tuple[float, float]]) -> Image.Image | None:
    """The page inside ``quad`` (full-size corners) warped to an upright rectangle."""
    (tlx, tly), (trx, try_), (brx, bry), (blx, bly) = quad
    width = (math.hypot(trx - tlx, try_ - tly) + math.hypot(brx - blx, bry - bly)) / 2
    height = (math.hypot(blx - tlx, bly - tly) + math.hypot(brx - trx, bry - try_)) / 2
    if width < 50 or height < 50:
        return None
    size = (round(width), round(height))
    coeffs = perspective_coefficients([(0, 0), (size[0], 0), size, (0, size[1])], quad)
    if coeffs is None:
        return None
    return image.transform(size, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC,
                           fillcolor=255)


def flatten_light(image: Image.Image) -> Image.Image:
    """The page divided by its paper's brightness: a shadow or a lamp's falloff becomes white
    paper again, and ink keeps its contrast to the paper around it.

    The division is done in 8 bits: ink × (255 / paper) as Pillow's multiply (a·b/255) with
    the gain scaled down by ``s``, then multiplied back by ``s`` through a lookup table; steps
    of ``s`` grey levels (2 to 4) are far finer than what thresholding the text needs."""
    thumb, _ = _thumbnail(image)
    paper = _paper_map(thumb)
    darkest = max(16, _percentiles(paper, 0.005))
    s = max(1, min(8, math.ceil(255 / darkest)))
    gain_small = paper.point(lambda v: min(255, round(255 * 255 / (s * max(v, darkest)))))
    gain = gain_small.resize(image.size, Image.Resampling.BILINEAR)
    out = ImageChops.multiply(image, gain)
    return out.point(lambda v: min(255, v * s)) if s > 1 else out


def _photo_signs(sample: Image.Image) -> tuple[bool, bool]:
    """(lying on a darker surround, unevenly lit), judged on a small grey sample of the page."""
    glance = _glance(sample)
    return _surround_dark(_closed(glance)), _spread(_paper_map(glance)) > _UNEVEN


def may_be_photo(sample: Image.Image) -> bool:
    """Whether a page whose small sample this is (a JPEG decoded at 1/8 scale, say) needs
    :func:`clean_photo`; False: it is a flat scan, to be read as it is."""
    return any(_photo_signs(sample))


def clean_photo(image: Image.Image) -> tuple[Image.Image, PhotoFix]:
    """A grey page image as tesseract reads it best: a photo straightened when its page edges
    are clear, its light flattened when uneven, enlarged when small; a flat scan as it was."""
    fix = PhotoFix()
    on_table, uneven = _photo_signs(image)
    if not on_table and not uneven:
        return image, fix  # a flat scan: a few thousand pixels looked at, nothing changed
    fix.photo = True
    thumb, k = _thumbnail(image)
    quad = page_quad(thumb) if on_table else None
    if quad is not None:
        full = [(x * k, y * k) for x, y in quad]
        warped = straighten(image, full)
        if warped is not None:
            image, fix.straightened = warped, True
            thumb, _ = _thumbnail(image)
            uneven = _spread(_paper_map(thumb)) > _UNEVEN / 2
    if uneven:
        image, fix.flattened = flatten_light(image), True
    return _enlarged(image, fix)


def _enlarged(image: Image.Image, fix: PhotoFix) -> tuple[Image.Image, PhotoFix]:
    """Photos (and only photos: a small scan keeps its size) enlarged to a readable size."""
    longest = max(image.size)
    if not fix.photo or longest >= _READABLE_SIDE:
        return image, fix
    f = min(_MAX_UPSCALE, _READABLE_SIDE / longest)
    size = (round(image.width * f), round(image.height * f))
    fix.enlarged = f
    return image.resize(size, Image.Resampling.LANCZOS), fix
