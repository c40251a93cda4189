"""A strip across the top of the window for something the user should know, that blocks nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton

from desktop_app.gui.plain import PlainLabel


class BannerView(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setStyleSheet(
            "#banner { background: #fff4d6; border: 1px solid #e7c66b; border-radius: 4px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.text = PlainLabel()
        self.text.setWordWrap(True)
        self.action = QPushButton()
        self.dismiss = QPushButton()
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action)
        layout.addWidget(self.dismiss)
        self.dismiss.clicked.connect(self.hide)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.dismiss.setText(self.tr("Dismiss"))
        self.dismiss.setAccessibleName(self.tr("Dismiss this message"))
