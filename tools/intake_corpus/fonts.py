"""Fonts found on this machine, in four disjoint groups (one per split).

Each face is (style, regular file, bold file). A group whose files are all missing falls back to
whatever is installed, then to Pillow's built-in font, so generation never fails for want of a
font; the manifest records the face actually used.
"""

from __future__ import annotations

import functools
import glob
import os
import random
from dataclasses import dataclass

from PIL import ImageFont

FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", os.path.expanduser("~/.fonts"))

# style, regular, bold (bold may equal regular)
BODY = {
    "A": [("sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
          ("serif", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
          ("mono", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"),
          ("serif", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf")],
    "B": [("sans", "NimbusSans-Regular.otf", "NimbusSans-Bold.otf"),
          ("serif", "NimbusRoman-Regular.otf", "NimbusRoman-Bold.otf"),
          ("mono", "NimbusMonoPS-Regular.otf", "NimbusMonoPS-Bold.otf"),
          ("sans", "LiberationSansNarrow-Regular.ttf", "LiberationSansNarrow-Bold.ttf"),
          ("serif", "FreeSerif.ttf", "FreeSerifBold.ttf")],
    "C": [("sans", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
          ("sans", "URWGothic-Book.otf", "URWGothic-Demi.otf"),
          ("serif", "P052-Roman.otf", "P052-Bold.otf"),
          ("serif", "C059-Roman.otf", "C059-Bold.otf"),
          ("mono", "FreeMono.ttf", "FreeMonoBold.ttf"),
          ("serif", "URWBookman-Light.otf", "URWBookman-Demi.otf"),
          ("sans", "FreeSans.ttf", "FreeSansBold.ttf")],
    "D": [("sans", "Carlito-Regular.ttf", "Carlito-Bold.ttf"),
          ("serif", "Caladea-Regular.ttf", "Caladea-Bold.ttf"),
          ("sans", "Go-Regular.ttf", "Go-Bold.ttf"),
          ("mono", "LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf"),
          ("mono", "Go-Mono.ttf", "Go-Mono-Bold.ttf")],
}
# Handwriting-like faces for filled-in values.
HAND = {
    "A": ["ComicNeue-Regular.otf", "ComicNeue-Italic.otf"],
    "B": ["Breip.ttf"],
    "C": ["Z003-MediumItalic.otf", "Rufscript010.ttf"],
    "D": ["dkg.ttf", "Ecolier-court.ttf"],
}


@functools.lru_cache(maxsize=1)
def installed() -> dict[str, str]:
    found: dict[str, str] = {}
    for d in FONT_DIRS:
        for ext in ("ttf", "otf"):
            for path in sorted(glob.glob(os.path.join(d, "**", f"*.{ext}"), recursive=True)):
                found.setdefault(os.path.basename(path), path)
    return found


@functools.lru_cache(maxsize=256)
def load(path: str | None, size_px: int):
    if path is None:
        return ImageFont.load_default(size_px)
    return ImageFont.truetype(path, size_px)


@functools.lru_cache(maxsize=4096)
def covers(path: str | None, text: str) -> bool:
    """Whether every character of text has a glyph (missing ones render as the .notdef box)."""
    if path is None:
        return True
    font = load(path, 24)
    notdef = bytes(font.getmask("\ue000"))
    return all(ch.isspace() or bytes(font.getmask(ch)) != notdef for ch in set(text))


@dataclass(frozen=True)
class Face:
    name: str
    style: str  # sans | serif | mono
    regular: str | None
    bold: str | None


def _face(style: str, reg: str, bold: str) -> Face | None:
    have = installed()
    if reg not in have:
        return None
    return Face(reg.rsplit(".", 1)[0], style, have[reg], have.get(bold, have[reg]))


def body_faces(group: str) -> list[Face]:
    faces = [f for f in (_face(*spec) for spec in BODY[group]) if f is not None]
    if faces:
        return faces
    # Degrade: any installed face of any group, then Pillow's own.
    for g in sorted(BODY):
        faces = [f for f in (_face(*spec) for spec in BODY[g]) if f is not None]
        if faces:
            return faces[:1]
    anything = sorted(installed().items())
    if anything:
        name, path = anything[0]
        return [Face(name.rsplit(".", 1)[0], "sans", path, path)]
    return [Face("pillow-default", "sans", None, None)]


def hand_faces(group: str) -> list[Face]:
    have = installed()
    return [Face(n.rsplit(".", 1)[0], "hand", have[n], have[n]) for n in HAND[group] if n in have]


@dataclass
class FontChoice:
    """The faces one document uses: a body face and, maybe, a handwriting face for values."""
    body: Face
    hand: Face | None
    mono: Face | None

    def path(self, role: str, bold: bool, text: str) -> str | None:
        if role == "hand" and self.hand is not None and covers(self.hand.regular, text):
            return self.hand.regular
        if role == "mono" and self.mono is not None:
            return self.mono.bold if bold else self.mono.regular
        return self.body.bold if bold else self.body.regular


def choose(rng: random.Random, group: str, hand_probability: float) -> FontChoice:
    faces = body_faces(group)
    body = rng.choice(faces)
    hands = hand_faces(group)
    hand = rng.choice(hands) if hands and rng.random() < hand_probability else None
    monos = [f for f in faces if f.style == "mono"]
    return FontChoice(body, hand, monos[0] if monos else body)
