"""One page of a scan or PDF, with zoom, rotation and a highlighted field box."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
)


class PageView(QGraphicsView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor("#e6e6e6"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pixmap = QGraphicsPixmapItem()
        self._pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._pixmap)
        self._box = QGraphicsRectItem()
        self._box.setPen(QPen(QColor("#d9480f"), 4))
        self._box.setBrush(QBrush(QColor(255, 200, 0, 60)))
        self._box.setZValue(1)
        self._box.hide()
        self.scene().addItem(self._box)
        self._rotation = 0
        self._fit = True

    def set_image(self, image: QImage | None) -> None:
        self._box.hide()
        if image is None or image.isNull():
            self._pixmap.setPixmap(QPixmap())
            self.scene().setSceneRect(QRectF())
            return
        self._pixmap.setPixmap(QPixmap.fromImage(image))
        self.scene().setSceneRect(self._pixmap.boundingRect())
        if self._fit:
            self.fit()

    def has_image(self) -> bool:
        return not self._pixmap.pixmap().isNull()

    def highlight(self, x: float, y: float, w: float, h: float) -> None:
        """Outline a box given in page pixels, and bring it into view."""
        margin = 6
        self._box.setRect(QRectF(x - margin, y - margin, w + 2 * margin, h + 2 * margin))
        self._box.show()
        self.ensureVisible(self._box, 40, 40)

    def clear_highlight(self) -> None:
        self._box.hide()

    def zoom(self, factor: float) -> None:
        self._fit = False
        current = self.transform().m11() ** 2 + self.transform().m12() ** 2
        if (factor > 1 and current > 36) or (factor < 1 and current < 0.0025):
            return
        self.scale(factor, factor)

    def fit(self) -> None:
        self._fit = True
        if self.has_image():
            self.fitInView(self._pixmap, Qt.AspectRatioMode.KeepAspectRatio)

    def rotate_quarter(self) -> None:
        self._rotation = (self._rotation + 90) % 360
        self.rotate(90)
        if self._fit:
            self.fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fit:
            self.fit()

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)
        else:
            super().wheelEvent(event)
