"""Render the app icon's bitmaps from its SVG: a 256 px PNG, a Windows .ico, a macOS .icns.

    .venv/bin/python packaging/make_icons.py          # writes beside the SVG

Run it after editing ``resources/icons/app/org.paperasse.Paperasse.svg``; the outputs are
committed so that Windows and macOS builds need neither Qt's SVG renderer nor this script.
Rendering uses Qt's SVG renderer (offscreen), packing uses Pillow.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app import APP_ID  # noqa: E402

ICON_DIR = ROOT / "resources" / "icons" / "app"
SVG = ICON_DIR / f"{APP_ID}.svg"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(size: int):
    """The SVG drawn on a transparent square of ``size`` pixels, as a Pillow image."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {SVG}")
    image = QImage(size, size, QImage.Format_ARGB32_Premultiplied)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setRenderHint(QPainter.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main(out_dir: Path = ICON_DIR) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - Qt needs one
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []

    png = out_dir / f"{APP_ID}.png"
    render(256).save(png, optimize=True)
    written.append(png)

    ico_frames = [render(s) for s in ICO_SIZES]
    ico = out_dir / f"{APP_ID}.ico"
    ico_frames[-1].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                        append_images=ico_frames[:-1])
    written.append(ico)

    icns_frames = [render(s) for s in ICNS_SIZES]
    icns = out_dir / f"{APP_ID}.icns"
    icns_frames[-1].save(icns, format="ICNS", append_images=icns_frames[:-1])
    written.append(icns)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else ICON_DIR):
        print(f"make_icons: wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
