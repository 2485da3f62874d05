"""Looking at a generated PDF inside the app: pages, zoom, printing and handing the file to the PDF reader.

    PdfPreviewDialog(pdf_path, title, parent).show()   a window of its own (not modal: keep working)
    PdfPreview(parent).load(pdf_path)                  the same as a widget to put in a screen

Printing renders each page with QPdfDocument.render onto a QPrinter, so it works without any PDF program.
"""

from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QToolButton, QVBoxLayout, QWidget)

ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)
PRINT_DPI_LIMIT = 300  # sharp on paper without rendering a 1200 dpi bitmap per page


class PdfPreview(QWidget):
    """A PDF viewer with page navigation, zoom, "Skriv ut …" and "Öppna i PDF-läsaren"."""
    page_changed = Signal(int)  # 0-based

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pdf_path: Path | None = None
        self.open_url = QDesktopServices.openUrl  # replaced in tests, where no desktop exists
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("QPdfView { background: #8a8f96; }")

        self.previous_button = self._tool("◀", "Föregående sida (Page Up)", QKeySequence.MoveToPreviousPage,
                                          self.previous_page)
        self.next_button = self._tool("▶", "Nästa sida (Page Down)", QKeySequence.MoveToNextPage, self.next_page)
        self.page_label = QLabel()
        self.page_label.setMinimumWidth(90)
        self.page_label.setAlignment(Qt.AlignCenter)
        self.zoom_out_button = self._tool("−", "Förminska (Ctrl+−)", QKeySequence.ZoomOut, self.zoom_out)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignCenter)
        self.zoom_in_button = self._tool("+", "Förstora (Ctrl++)", QKeySequence.ZoomIn, self.zoom_in)
        self.fit_width_button = QPushButton("Anpassa till bredd")
        self.fit_page_button = QPushButton("Hela sidan")
        self.fit_width_button.clicked.connect(self.fit_width)
        self.fit_page_button.clicked.connect(self.fit_page)
        self.print_button = QPushButton("Skriv ut …")
        self.print_button.setShortcut(QKeySequence.Print)
        self.print_button.setToolTip("Skriv ut dokumentet (Ctrl+P)")
        self.print_button.clicked.connect(self.print_document)
        self.open_button = QPushButton("Öppna i PDF-läsaren")
        self.open_button.setToolTip("Öppna filen i datorns vanliga program för PDF")
        self.open_button.clicked.connect(self.open_externally)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(16)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_width_button,
                       self.fit_page_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.view.zoomFactorChanged.connect(lambda _factor: self._update_controls())
        self.view.zoomModeChanged.connect(lambda _mode: self._update_controls())
        self._update_controls()

    def _tool(self, text: str, tip: str, key, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setShortcut(key)
        button.setMinimumWidth(32)
        button.clicked.connect(slot)
        return button

    # Loading ------------------------------------------------------------------------------------

    def load(self, pdf_path) -> bool:
        """Show the file. Returns False (and says why in the page label) if it cannot be read."""
        self.pdf_path = Path(pdf_path)
        error = self.document.load(str(self.pdf_path))
        loaded = error == QPdfDocument.Error.None_
        if loaded:
            self.go_to_page(0)
        self._update_controls()
        if not loaded:
            self.page_label.setText("Filen kunde inte läsas")
        return loaded

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        """0-based."""
        return self.view.pageNavigator().currentPage()

    # Navigation and zoom -------------------------------------------------------------------------

    def go_to_page(self, page: int) -> None:
        if self.page_count() == 0:
            return
        page = min(max(int(page), 0), self.page_count() - 1)
        navigator = self.view.pageNavigator()
        navigator.jump(page, QPointF(), navigator.currentZoom())
        self._update_controls()

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def zoom_factor(self) -> float:
        return self.view.zoomFactor()

    def set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(factor, ZOOM_STEPS[0]), ZOOM_STEPS[-1]))
        self._update_controls()

    def _effective_zoom(self) -> float:
        """The factor shown on screen, also while a fit mode decides it."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        page = self.document.pagePointSize(max(self.current_page(), 0))
        if page.width() <= 0:
            return self.view.zoomFactor()
        dpi_scale = self.logicalDpiX() / 72.0
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        factor = width / (page.width() * dpi_scale)
        if self.view.zoomMode() == QPdfView.ZoomMode.FitInView:
            height = self.view.viewport().height() - margins.top() - margins.bottom()
            factor = min(factor, height / (page.height() * dpi_scale))
        return max(factor, 0.05)

    def zoom_in(self) -> None:
        current = self._effective_zoom()
        self.set_zoom(next((step for step in ZOOM_STEPS if step > current + 0.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        current = self._effective_zoom()
        self.set_zoom(next((step for step in reversed(ZOOM_STEPS) if step < current - 0.01), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_controls()

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_controls()

    def _page_changed(self, page: int) -> None:
        self._update_controls()
        self.page_changed.emit(page)

    def _update_controls(self) -> None:
        count = self.page_count()
        page = self.current_page()
        if count:
            self.page_label.setText(f"Sida {page + 1} av {count}")
        else:
            self.page_label.setText("Inget dokument")
        self.previous_button.setEnabled(count > 0 and page > 0)
        self.next_button.setEnabled(count > 0 and page < count - 1)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_width_button, self.fit_page_button,
                       self.print_button, self.open_button):
            widget.setEnabled(count > 0)
        self.zoom_label.setText(f"{round(self._effective_zoom() * 100)} %" if count else "")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._update_controls)  # the view's viewport gets its new size after this

    # Printing and the system viewer ----------------------------------------------------------------

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.HighResolution)
        printer.setDocName(self.pdf_path.stem if self.pdf_path else "Nämndapp")
        printer.setFromTo(1, max(self.page_count(), 1))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Skriv ut")
        dialog.setMinMax(1, max(self.page_count(), 1))
        if dialog.exec() != QDialog.Accepted:
            return
        if not self.print_to(printer):
            QMessageBox.warning(self, "Nämndapp", "Utskriften kunde inte startas. Kontrollera skrivaren.")

    def print_to(self, printer: QPrinter) -> bool:
        """Render the pages chosen in the printer's range onto it, each scaled to fit the paper."""
        count = self.page_count()
        if count == 0:
            return False
        first, last = 1, count
        if printer.printRange() == QPrinter.PageRange and printer.fromPage() > 0:
            first, last = max(printer.fromPage(), 1), min(printer.toPage() or count, count)
        painter = QPainter()
        if not painter.begin(printer):
            return False
        try:
            dpi = min(printer.resolution(), PRINT_DPI_LIMIT)
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            for number in range(first, last + 1):
                if number > first:
                    printer.newPage()
                size = self.document.pagePointSize(number - 1)
                image = self.document.render(number - 1, QSize(round(size.width() * dpi / 72),
                                                               round(size.height() * dpi / 72)))
                scaled = image.size().scaled(area.size(), Qt.KeepAspectRatio)
                x = (area.width() - scaled.width()) // 2
                painter.drawImage(x, 0, image.scaled(scaled, Qt.IgnoreAspectRatio, Qt.SmoothTransformation))
                QApplication.processEvents()  # a long packet must not freeze the window entirely
        finally:
            painter.end()
        return True

    def open_externally(self) -> None:
        if self.pdf_path is None:
            return
        if not self.open_url(QUrl.fromLocalFile(str(self.pdf_path))):
            QMessageBox.warning(self, "Nämndapp", f"Det finns inget program som kan öppna PDF-filen.\n\n"
                                                  f"Filen finns här: {self.pdf_path}")


class PdfPreviewDialog(QDialog):
    """A window showing one PDF. Not modal: the secretary can keep working while she reads."""

    def __init__(self, pdf_path, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.preview = PdfPreview(self)
        layout = QVBoxLayout(self)
        path_label = QLabel(str(pdf_path))
        path_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        path_label.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.preview, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText("Stäng")
        buttons.rejected.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(path_label, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.preview.load(pdf_path)
        screen = (parent.screen() if parent is not None else QApplication.primaryScreen()).availableGeometry()
        self.resize(min(900, screen.width() - 40), min(1000, screen.height() - 60))
