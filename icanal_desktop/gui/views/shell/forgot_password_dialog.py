"""Forgotten password (F3): get a code by email, then choose a new password with it.

Every other session of the account is signed out by the server when the code is used.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.gui.operations import profile as profile_ops
from icanal_desktop.gui.problems import Problem
from icanal_desktop.gui.session import Session

MIN_PASSWORD_LENGTH = 10
EMAIL_PAGE, CODE_PAGE = range(2)


class ForgotPasswordDialog(QDialog):
    password_changed = Signal(str)  # the email, to fill the sign-in form with

    def __init__(self, session: Session, email: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("forgotPasswordDialog")
        self.setWindowTitle(self.tr("Forgotten password"))
        self.setMinimumWidth(460)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.email = QLineEdit(email if "@" in email else "")
        self.email.setObjectName("resetEmail")
        self.email.setAccessibleName(self.tr("Email address"))
        self.send_button = QPushButton(self.tr("Send me a code"))
        self.send_button.setObjectName("sendResetCodeButton")
        self.send_button.setAccessibleName(self.tr("Send me a code"))
        self.send_button.clicked.connect(self._send_code)
        self.send_button.setDefault(True)
        self.email.textChanged.connect(self._update_buttons)

        self.code = QLineEdit()
        self.code.setObjectName("resetCode")
        self.code.setAccessibleName(self.tr("Code received by email"))
        self.new_password = QLineEdit()
        self.new_password.setObjectName("resetNewPassword")
        self.new_password.setAccessibleName(self.tr("New password"))
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_password = QLineEdit()
        self.confirm_password.setObjectName("resetConfirmPassword")
        self.confirm_password.setAccessibleName(self.tr("New password, again"))
        self.confirm_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.change_button = QPushButton(self.tr("Change my password"))
        self.change_button.setObjectName("confirmResetButton")
        self.change_button.setAccessibleName(self.tr("Change my password"))
        self.change_button.clicked.connect(self._confirm)
        for field in (self.code, self.new_password, self.confirm_password):
            field.textChanged.connect(self._update_buttons)

        self.message = QLabel()
        self.message.setObjectName("resetMessage")
        self.message.setAccessibleName(self.tr("Password reset status"))
        self.message.setWordWrap(True)
        self.message.hide()

        self.pages = QStackedWidget()
        self.pages.addWidget(self._email_page())
        self.pages.addWidget(self._code_page())
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)  # Enter sends the code or changes the password
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self._update_buttons()

    def _email_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Enter the email address of your account. "
                "We will send you a code to choose a new password."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Email address"), self.email)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _code_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "If an account uses this address, a code is on its way (valid 15 minutes). "
                "Choose a password of at least {n} characters."
            ).format(n=MIN_PASSWORD_LENGTH)
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("New password"), self.new_password)
        form.addRow(self.tr("Again"), self.confirm_password)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _problem(self) -> str:
        if len(self.new_password.text()) < MIN_PASSWORD_LENGTH:
            return self.tr("The new password needs at least {n} characters.").format(
                n=MIN_PASSWORD_LENGTH
            )
        if self.new_password.text() != self.confirm_password.text():
            return self.tr("The two passwords are not the same.")
        return ""

    def _update_buttons(self) -> None:
        self.send_button.setEnabled("@" in self.email.text())
        ready = bool(self.code.text().strip()) and not self._problem()
        self.change_button.setEnabled(ready)
        if self.pages.currentIndex() == CODE_PAGE and self.new_password.text():
            self._say(self._problem(), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c42b1c;" if error else "")
        self.message.setVisible(bool(text))

    def _send_code(self) -> None:
        email = self.email.text().strip()
        self.send_button.setEnabled(False)

        def done(_: None) -> None:
            self.message.hide()
            self.pages.setCurrentIndex(CODE_PAGE)
            self.change_button.setDefault(True)
            self.code.setFocus()

        self._session.operations.start_public(
            profile_ops.request_password_reset(email), done, self._failed, owner=self
        )

    def _confirm(self) -> None:
        if self._problem():
            return
        email, code, password = (
            self.email.text().strip(),
            self.code.text().strip(),
            self.new_password.text(),
        )
        self.change_button.setEnabled(False)

        def done(_: None) -> None:
            self.password_changed.emit(email)
            self.accept()

        self._session.operations.start_public(
            profile_ops.confirm_password_reset(email, code, password),
            done,
            self._failed,
            owner=self,
        )

    def _failed(self, problem: Problem) -> None:
        self._update_buttons()
        self._say(problem.text, error=True)
