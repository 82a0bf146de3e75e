"""The sign-in dialog: login (email or subscriber number), password, remember me."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core.accounts import KnownAccount
from icanal_desktop.core.credentials import StorageStatus
from icanal_desktop.gui.problems import Problem, wait_text
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.views.shell.forgot_password_dialog import ForgotPasswordDialog


class SignInDialog(QDialog):
    def __init__(
        self, session: Session, login: str = "", password: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._locked_for = 0
        self._busy = False
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in — iCanal"))
        self.setMinimumWidth(420)

        title = QLabel(self.tr("Sign in to your iCanal account"))
        title.setObjectName("signInTitle")
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")

        self.login_edit = QLineEdit(login)
        self.login_edit.setObjectName("signInLogin")
        self.login_edit.setAccessibleName(self.tr("Email or subscriber number"))
        self.login_edit.setPlaceholderText(self.tr("name@example.com or 10000001"))
        self.password_edit = QLineEdit(password)
        self.password_edit.setObjectName("signInPassword")
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox(self.tr("Remember me on this computer"))
        self.remember_check.setObjectName("signInRemember")
        self.remember_check.setAccessibleName(self.tr("Remember me on this computer"))
        self.remember_check.setEnabled(False)
        self.remember_check.setToolTip(self.tr("Checking this computer's secure storage…"))

        self.error_label = QLabel()
        self.error_label.setObjectName("signInError")
        self.error_label.setAccessibleName(self.tr("Sign-in problem"))
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.hide()

        self.forgot_button = QPushButton(self.tr("Forgot your password?"))
        self.forgot_button.setObjectName("forgotPasswordButton")
        self.forgot_button.setAccessibleName(self.tr("Forgot your password?"))
        self.forgot_button.setFlat(True)
        self.forgot_button.setAutoDefault(False)  # Enter signs in; it never opens this
        self.forgot_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.forgot_button.clicked.connect(self._forgot_password)

        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.sign_in_button.clicked.connect(self._submit)

        form = QFormLayout()
        form.addRow(self.tr("Email or subscriber number"), self.login_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow("", self.remember_check)
        form.addRow("", self.forgot_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self.login_edit.textChanged.connect(self._update_button)
        self.password_edit.textChanged.connect(self._update_button)

        session.signed_in.connect(self._on_signed_in)
        session.sign_in_failed.connect(self._on_failed)
        session.secure_storage_checked.connect(self._on_storage_checked)
        if session.storage_status is not None:
            self._on_storage_checked(session.storage_status)
        self._update_button()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Asked when the dialog shows, not when it is built: a start that opens a
        # remembered account never needs it, and the keyring's imports would compete
        # with the first window for the interpreter (docs/PERFORMANCE.md, B1).
        if self._session.storage_status is None:
            self._session.check_secure_storage()

    def ask(self, known: KnownAccount | None = None) -> None:
        """Shows the dialog, for a known account (its login filled in) or a new one."""
        if known is not None:
            self.login_edit.setText(known.login)
            self.password_edit.clear()
            self.remember_check.setChecked(known.remembered)
        problem = self._session.offline_problem
        if problem is not None and known is not None:
            self._show_error(problem.text)
        self.show()
        self.raise_()
        self.activateWindow()
        (self.password_edit if self.login_edit.text() else self.login_edit).setFocus()

    def _update_button(self) -> None:
        filled = bool(self.login_edit.text().strip() and self.password_edit.text())
        self.sign_in_button.setEnabled(filled and not self._busy and self._locked_for == 0)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.sign_in_button.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))
        self.login_edit.setReadOnly(busy)
        self.password_edit.setReadOnly(busy)
        self._update_button()

    def _submit(self) -> None:
        if self._busy or not self.sign_in_button.isEnabled():
            return
        self.error_label.hide()
        self._set_busy(True)
        self._session.sign_in(
            self.login_edit.text(), self.password_edit.text(), self.remember_check.isChecked()
        )

    def _on_signed_in(self) -> None:
        self._set_busy(False)
        self.password_edit.clear()  # the password lives no longer than the sign-in
        self.accept()

    def _on_failed(self, problem: Problem) -> None:
        self._set_busy(False)
        self._show_error(problem.text)
        if problem.retry_after:
            self._locked_for = math.ceil(problem.retry_after)
            self._countdown.start()
            self._tick_text()
        self.password_edit.selectAll()
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_button()

    def _show_error(self, text: str, *, error: bool = True) -> None:
        self.error_label.setText(text)
        self.error_label.setStyleSheet("color: #b3261e;" if error else "")
        self.error_label.show()

    def _forgot_password(self) -> None:
        dialog = ForgotPasswordDialog(self._session, self.login_edit.text().strip(), self)
        dialog.password_changed.connect(self._on_password_reset)
        dialog.open()

    def _on_password_reset(self, email: str) -> None:
        self.login_edit.setText(email)
        self.password_edit.clear()
        self.password_edit.setFocus()
        self._show_error(
            self.tr("Your password was changed. Sign in with the new one."), error=False
        )

    def _tick(self) -> None:
        self._locked_for = max(0, self._locked_for - 1)
        if self._locked_for == 0:
            self._countdown.stop()
            self.error_label.hide()
        else:
            self._tick_text()
        self._update_button()

    def _tick_text(self) -> None:
        self._show_error(
            self.tr("Too many attempts. For your security, try again in {wait}.").format(
                wait=wait_text(self._locked_for)
            )
        )

    def _on_storage_checked(self, status: StorageStatus) -> None:
        self.remember_check.setEnabled(status.secure)
        if status.secure:
            self.remember_check.setToolTip(
                self.tr("Stay signed in: a sign-in token is kept in the system keyring.")
            )
        else:
            self.remember_check.setChecked(False)
            self.remember_check.setToolTip(
                self.tr("Not available: {reason}. You stay signed in until you quit.").format(
                    reason=status.reason
                )
            )
