"""A bill's PDF inside the app (F15): the pages, zoom, Save as… and Print.

It only shows bytes it is given (from the cache, or just downloaded); when it has none it
shows a message saying why (not downloaded yet and offline, loading, an error).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class PdfViewer(QWidget):
    MESSAGE_PAGE, PDF_PAGE = range(2)
    # The owner of the viewer writes the file off the GUI thread, then calls
    # show_save_failed if it could not.
    save_requested = Signal(object, bytes)  # Path, the PDF

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("billPdfViewer")
        self._data = b""
        self._name = "facture.pdf"
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)

        self.view = QPdfView()
        self.view.setObjectName("billPdfView")
        self.view.setAccessibleName(self.tr("Bill PDF"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.message = QLabel()
        self.message.setObjectName("billPdfMessage")
        self.message.setAccessibleName(self.tr("PDF status"))
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(24)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)

        self.save_button = QPushButton(self.tr("&Save as…"))
        self.save_button.setObjectName("billPdfSave")
        self.save_button.setAccessibleName(self.tr("Save the PDF as"))
        self.save_button.clicked.connect(self._ask_save)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("billPdfPrint")
        self.print_button.setAccessibleName(self.tr("Print the bill"))
        self.print_button.clicked.connect(self._ask_print)
        self.zoom_out = QToolButton()
        self.zoom_out.setText("−")
        self.zoom_out.setObjectName("billPdfZoomOut")
        self.zoom_out.setAccessibleName(self.tr("Zoom out"))
        self.zoom_out.setToolTip(self.tr("Zoom out"))
        self.zoom_out.clicked.connect(lambda: self._zoom(1 / 1.25))
        self.zoom_in = QToolButton()
        self.zoom_in.setText("+")
        self.zoom_in.setObjectName("billPdfZoomIn")
        self.zoom_in.setAccessibleName(self.tr("Zoom in"))
        self.zoom_in.setToolTip(self.tr("Zoom in"))
        self.zoom_in.clicked.connect(lambda: self._zoom(1.25))
        self.fit = QToolButton()
        self.fit.setText(self.tr("Fit"))
        self.fit.setObjectName("billPdfFit")
        self.fit.setAccessibleName(self.tr("Fit to width"))
        self.fit.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))

        bar = QHBoxLayout()
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom_in)
        bar.addWidget(self.fit)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.show_message(self.tr("Select a bill to see its PDF."))

    # -- what it shows ----------------------------------------------------------------------
    @property
    def has_pdf(self) -> bool:
        return self.stack.currentIndex() == self.PDF_PAGE

    @property
    def data(self) -> bytes:
        return self._data

    def show_pdf(self, data: bytes, file_name: str) -> bool:
        """Shows the document; False (and a message) when the bytes are not a readable PDF."""
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() < 1:
            self.show_message(self.tr("This PDF cannot be displayed (the file is damaged)."))
            return False
        self._data, self._name = data, file_name
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.stack.setCurrentIndex(self.PDF_PAGE)
        self._set_actions(True)
        return True

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentIndex(self.MESSAGE_PAGE)
        self._data = b""
        self._set_actions(False)

    def _set_actions(self, enabled: bool) -> None:
        for widget in (self.save_button, self.print_button, self.zoom_in, self.zoom_out, self.fit):
            widget.setEnabled(enabled)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    # -- save and print ---------------------------------------------------------------------
    def _ask_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the bill"), self._name, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        self.save_requested.emit(path, self._data)

    def show_save_failed(self, exc: Exception) -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        QMessageBox.warning(
            self,
            self.tr("Save the bill"),
            self.tr("The file could not be saved: {reason}").format(reason=reason),
        )

    def _ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._name)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Renders every page (or the chosen range) into the printer; returns pages printed."""
        first, last = 1, self.document.pageCount()
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage(), min(last, printer.toPage() or last)
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        printed = 0
        try:
            for page in range(first - 1, last):
                if printed:
                    printer.newPage()
                area = printer.pageLayout().paintRectPixels(printer.resolution())
                target = _fit(self.document.pagePointSize(page).toSize(), area.size())
                image = self.document.render(page, target)
                painter.drawImage(QPoint((area.width() - target.width()) // 2, 0), image)
                printed += 1
        finally:
            painter.end()
        return printed


def _fit(page: QSize, area: QSize) -> QSize:
    """The page scaled to fill the printable area, keeping its proportions."""
    if page.isEmpty():
        return area
    return page.scaled(area, Qt.AspectRatioMode.KeepAspectRatio)
