"""The guide's window: its contents on the left, the text on the right, a search above."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
)

from desktop_app.gui import icons
from desktop_app.gui.help_guide import Guide
from desktop_app.gui.plain import PlainLabel

ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 1


class GuideBrowser(QTextBrowser):
    """Read-only text that can scroll any heading to the top, the last ones too."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        frame = self.document().rootFrame().frameFormat()
        frame.setBottomMargin(max(0, self.viewport().height() - 40))
        self.document().rootFrame().setFrameFormat(frame)


class HelpWindow(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setModal(False)
        self.setObjectName("help_window")
        self.guide: Guide | None = None
        self._headings: dict[str, int] = {}  # anchor -> position of its heading in the text
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.previous = QPushButton()
        self.next = QPushButton()
        self.found = PlainLabel()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.previous)
        bar.addWidget(self.next)
        bar.addWidget(self.found)
        layout.addLayout(bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.contents = QListWidget()
        self.contents.setWordWrap(True)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.browser = GuideBrowser()
        self.browser.setReadOnly(True)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.splitter.addWidget(self.contents)
        self.splitter.addWidget(self.browser)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 560])
        layout.addWidget(self.splitter, 1)
        self.close_button = QPushButton()
        self.close_button.setAutoDefault(False)
        close_row = QHBoxLayout()
        close_row.addStretch()
        close_row.addWidget(self.close_button)
        layout.addLayout(close_row)
        for button in (self.previous, self.next):
            button.setAutoDefault(False)

        self.contents.currentItemChanged.connect(
            lambda item, _prev: item is not None and self._scroll_to(item.data(ANCHOR_ROLE))
        )
        self.browser.anchorClicked.connect(lambda url: url.fragment() and self.open_section(url.fragment()))
        self.search.textChanged.connect(lambda _t: self.find(forward=True, fresh=True))
        self.search.returnPressed.connect(lambda: self.find(forward=True))
        self.next.clicked.connect(lambda: self.find(forward=True))
        self.previous.clicked.connect(lambda: self.find(forward=False))
        self.close_button.clicked.connect(self.close)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        again = QShortcut(QKeySequence(QKeySequence.StandardKey.FindNext), self)
        again.activated.connect(lambda: self.find(forward=True))
        back = QShortcut(QKeySequence(QKeySequence.StandardKey.FindPrevious), self)
        back.activated.connect(lambda: self.find(forward=False))
        self.setTabOrder(self.search, self.previous)
        self.setTabOrder(self.previous, self.next)
        self.setTabOrder(self.next, self.contents)
        self.setTabOrder(self.contents, self.browser)
        self.setTabOrder(self.browser, self.close_button)
        self.retranslate()
        self.resize(820, 560)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Paperasse guide"))
        self.search.setPlaceholderText(self.tr("Search the guide (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the guide"))
        self.previous.setText(self.tr("&Previous"))
        self.next.setText(self.tr("&Next"))
        self.contents.setAccessibleName(self.tr("Contents of the guide"))
        self.browser.setAccessibleName(self.tr("Guide"))
        self.close_button.setText(self.tr("&Close"))

    # The text

    def show_guide(self, guide: Guide) -> None:
        self.guide = guide
        self._headings.clear()
        self.contents.blockSignals(True)
        self.contents.clear()
        parts = [f"# {guide.title}"] if guide.title else []
        parts += [guide.intro] if guide.intro else []
        for section in guide.sections:
            parts += [f"## {section.title}", section.body]
            item = QListWidgetItem(section.title)
            item.setData(ANCHOR_ROLE, section.anchor)
            self.contents.addItem(item)
        document = self.browser.document()
        document.setMarkdown("\n\n".join(parts))
        # Each section's heading carries its anchor, for scrollToAnchor and the guide's own links.
        sections = iter(guide.sections)
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 2:
                section = next(sections, None)
                if section is None:
                    break
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                anchor = QTextCharFormat()
                anchor.setAnchor(True)
                anchor.setAnchorNames([section.anchor])
                cursor.mergeCharFormat(anchor)
                self._headings[section.anchor] = block.position()
            block = block.next()
        self.contents.blockSignals(False)
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)

    def open_section(self, anchor: str | None) -> None:
        """Show the section ``anchor`` at the top (the beginning of the guide when there is none)."""
        for row in range(self.contents.count()):
            if self.contents.item(row).data(ANCHOR_ROLE) == anchor:
                if self.contents.currentRow() == row:
                    self._scroll_to(anchor)
                else:
                    self.contents.setCurrentRow(row)  # scrolls, through currentItemChanged
                return
        self.browser.verticalScrollBar().setValue(0)

    def _scroll_to(self, anchor: str) -> None:
        position = self._headings.get(anchor)
        if position is None:
            return
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(position)
        self.browser.setTextCursor(cursor)
        self.browser.scrollToAnchor(anchor)

    def top_heading(self) -> str:
        """The title of the section at the top of the text (what the reader sees first)."""
        top = self.browser.cursorForPosition(QPoint(4, 4)).position()
        shown = ""
        for anchor, position in sorted(self._headings.items(), key=lambda kv: kv[1]):
            if position <= top + 1:
                shown = anchor
        section = self.guide.section(shown) if self.guide and shown else None
        return section.title if section else ""

    # Searching

    def find(self, forward: bool = True, fresh: bool = False) -> bool:
        text = self.search.text()
        if not text:
            self.found.setText("")
            return False
        if fresh:
            cursor = self.browser.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self.browser.setTextCursor(cursor)
        flags = QTextDocument.FindFlag(0) if forward else QTextDocument.FindFlag.FindBackward
        hit = self.browser.find(text, flags)
        if not hit:  # round again from the other end
            self.browser.moveCursor(
                QTextCursor.MoveOperation.Start if forward else QTextCursor.MoveOperation.End
            )
            hit = self.browser.find(text, flags)
        self.found.setText("" if hit else self.tr("Not found"))
        return hit
