"""Settings' view of the offline archive: how many bills' PDFs this computer keeps, what
they take on disk, and an optional size limit (asked before it removes anything; what the
limit leaves out is said here, never silently)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from icanal_desktop.gui.operations import local_copy
from icanal_desktop.gui.problems import Problem
from icanal_desktop.gui.session import Session

if TYPE_CHECKING:  # read through the session, never from the cache itself
    from icanal_desktop.core.domain.account import ArchiveStatus

MIB = 1024 * 1024
CAPS = (None, 50 * MIB, 100 * MIB, 250 * MIB, 500 * MIB, 1024 * MIB, 2048 * MIB)
NAMES = frozenset({"bills"})


class ArchiveSettings(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._status: ArchiveStatus | None = None
        self.confirm_box: QMessageBox | None = None  # while a limit that removes PDFs is asked
        self.status_label = QLabel("—")
        self.status_label.setObjectName("settingsArchiveStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Bills kept offline"))
        self.cap_combo = QComboBox()
        self.cap_combo.setObjectName("settingsArchiveCap")
        self.cap_combo.setAccessibleName(self.tr("Size limit of the bills kept offline"))
        self.cap_combo.setToolTip(
            self.tr(
                "Every bill's PDF is kept on this computer, so you can read them offline, "
                "even after the server stops keeping old ones. A limit keeps only the newest "
                "that fit."
            )
        )
        locale = QLocale()
        for cap in CAPS:
            text = (
                self.tr("No limit (every bill)") if cap is None else locale.formattedDataSize(cap)
            )
            self.cap_combo.addItem(text, cap)
        self.cap_combo.activated.connect(self._on_cap_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status_label)
        layout.addWidget(self.cap_combo)
        session.resources_changed.connect(self._on_resources_changed)  # bound: dies with us
        session.archive_finished.connect(lambda _report: self.reload())
        self.reload()

    def _on_resources_changed(self, names: frozenset[str]) -> None:
        if names & NAMES:
            self.reload()

    def reload(self) -> None:
        self._session.operations.read(local_copy.archive_status(), self._show, owner=self)

    def _show(self, status: ArchiveStatus) -> None:
        self._status = status
        size = QLocale().formattedDataSize(status.bytes)
        if status.kept >= status.bills:
            text = self.tr("Every bill is kept offline: {count} PDFs, {size}.")
            self.status_label.setText(text.format(count=status.bills, size=size))
        else:
            text = self.tr("Bills kept offline: {kept} of {count} ({size}).")
            if status.cap_bytes is not None:
                text += " " + self.tr("The others are left out by the size limit.")
            else:
                text += " " + self.tr("The next sync downloads the others.")
            self.status_label.setText(text.format(kept=status.kept, count=status.bills, size=size))
        index = self.cap_combo.findData(status.cap_bytes)
        if index < 0:  # a limit set elsewhere (the command line): show it as it is
            self.cap_combo.addItem(
                QLocale().formattedDataSize(status.cap_bytes or 0), status.cap_bytes
            )
            index = self.cap_combo.count() - 1
        self.cap_combo.setCurrentIndex(index)

    def _on_cap_chosen(self, index: int) -> None:
        cap = self.cap_combo.itemData(index)
        if self._status is not None and cap == self._status.cap_bytes:
            return
        if cap is None:
            self._apply(None)
            return
        self._session.operations.read(
            local_copy.archive_evictions(int(cap)),
            lambda count: self._confirm(int(cap), count),
            owner=self,
        )

    def _confirm(self, cap: int, count: int) -> None:
        if not count:
            self._apply(cap)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Limit the bills kept offline"),
            self.tr(
                "Keep at most {size} of bills on this computer? The PDFs of the {count} "
                "oldest bills will be removed from it; they can be downloaded again only "
                "while the server keeps them."
            ).format(size=QLocale().formattedDataSize(cap), count=count),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("archiveCapConfirm")
        remove = box.addButton(self.tr("Remove them"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter keeps the PDFs

        def answered() -> None:
            if box.clickedButton() is remove:
                self._apply(cap)
            else:
                self.reload()  # back to the limit in force
            box.deleteLater()

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()

    def _apply(self, cap: int | None) -> None:
        def failed(problem: Problem) -> None:
            self.status_label.setText(problem.text)

        self._session.operations.start(
            local_copy.set_archive_cap(cap),
            lambda _removed: self._after_apply(cap),
            failed,
            owner=self,
        )

    def _after_apply(self, cap: int | None) -> None:
        self.reload()
        if cap is None:
            self._session.sync()  # what the limit left out comes back
