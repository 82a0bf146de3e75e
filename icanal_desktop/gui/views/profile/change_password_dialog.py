"""Changing the password (F4): the current one, the new one twice, with a strength hint.
The server's rules (10 characters, letters and a digit) are checked before sending."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.gui.operations import profile as profile_ops
from icanal_desktop.gui.problems import Problem
from icanal_desktop.gui.session import Session

MIN_LENGTH = 10


def strength(password: str) -> int:
    """0 (too weak for the server) to 3 (strong)."""
    if len(password) < MIN_LENGTH:
        return 0
    if not any(c.isalpha() for c in password) or not any(c.isdigit() for c in password):
        return 0
    kinds = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    score = 1 + (kinds >= 2) + (len(password) >= 14 and kinds == 3)
    return int(score)


class ChangePasswordDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(420)
        self.current_edit = self._password("changePasswordCurrent", self.tr("Current password"))
        self.new_edit = self._password("changePasswordNew", self.tr("New password"))
        self.confirm_edit = self._password("changePasswordConfirm", self.tr("Confirm new password"))
        self.strength_label = QLabel()
        self.strength_label.setObjectName("changePasswordStrength")
        self.strength_label.setAccessibleName(self.tr("Password strength"))
        self.error_label = QLabel()
        self.error_label.setObjectName("changePasswordError")
        self.error_label.setAccessibleName(self.tr("Error"))
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("QLabel { color: #c62828; }")
        self.new_edit.textChanged.connect(self._update_strength)

        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.current_edit)
        form.addRow(self.tr("New password"), self.new_edit)
        form.addRow("", self.strength_label)
        form.addRow(self.tr("Confirm"), self.confirm_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = QPushButton(self.tr("Change password"))
        self.submit_button.setObjectName("changePasswordSubmit")
        self.submit_button.setAccessibleName(self.tr("Change password"))
        self.submit_button.setDefault(True)
        buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.submit_button.clicked.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._update_strength("")

    def _password(self, name: str, a11y: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(a11y)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.textEdited.connect(lambda _: self.error_label.clear())
        return edit

    def _update_strength(self, text: str) -> None:
        if not text:
            self.strength_label.setText(
                self.tr("At least 10 characters, with letters and a digit.")
            )
            self.strength_label.setStyleSheet("")
            return
        level = strength(text)
        words = [
            self.tr("Too weak: at least 10 characters, with letters and a digit."),
            self.tr("Strength: fair"),
            self.tr("Strength: good"),
            self.tr("Strength: strong"),
        ]
        colors = ["#c62828", "#9a5b00", "#2e7d32", "#2e7d32"]
        self.strength_label.setText(words[level])
        self.strength_label.setStyleSheet(f"QLabel {{ color: {colors[level]}; }}")

    def local_error(self) -> str:
        if not self.current_edit.text():
            return self.tr("Enter your current password.")
        if strength(self.new_edit.text()) == 0:
            return self.tr(
                "The new password needs at least 10 characters, with letters and a digit."
            )
        if self.new_edit.text() != self.confirm_edit.text():
            return self.tr("The two new passwords are not the same.")
        if self.new_edit.text() == self.current_edit.text():
            return self.tr("The new password must be different from the current one.")
        return ""

    def submit(self) -> None:
        error = self.local_error()
        if error:
            self.error_label.setText(error)
            return
        current, new = self.current_edit.text(), self.new_edit.text()
        self.submit_button.setEnabled(False)
        self._session.operations.start(
            profile_ops.change_password(current, new),
            lambda _: self.accept(),
            self._on_failed,
            owner=self,
        )

    def _on_failed(self, problem: Problem) -> None:
        self.submit_button.setEnabled(True)
        if "current_password" in problem.fields:
            self.error_label.setText(self.tr("The current password is not right."))
        elif problem.fields:
            self.error_label.setText("; ".join(problem.fields.values()))
        else:
            self.error_label.setText(problem.text)

    def done(self, result: int) -> None:
        for edit in (self.current_edit, self.new_edit, self.confirm_edit):
            edit.clear()
        super().done(result)
