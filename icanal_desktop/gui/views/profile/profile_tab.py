"""Profile (F27–F29): contact details and postal address (a new email needs the password
again), marketing preferences and the account's language, the password, and this app's own
settings."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core.domain import validation
from icanal_desktop.core.domain.records import Profile
from icanal_desktop.gui.operations import profile as profile_ops
from icanal_desktop.gui.problems import Problem
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.settings import AppSettings
from icanal_desktop.gui.views.common.online_gate import OnlineGate
from icanal_desktop.gui.views.common.reload_when_shown import ReloadWhenShown
from icanal_desktop.gui.views.profile.app_settings_view import LANGUAGE_NAMES, AppSettingsView
from icanal_desktop.gui.views.profile.change_password_dialog import ChangePasswordDialog

EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
POSTAL_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$")
NAMES = frozenset({"profile"})


class ProfileTab(QWidget):
    def __init__(
        self,
        session: Session,
        gate: OnlineGate,
        settings: AppSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("profileTab")
        self.profile: Profile | None = None
        self.password_prompt: QInputDialog | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self._edits: dict[str, QLineEdit] = {}

        contact = QGroupBox(self.tr("Contact details"))
        form = QFormLayout(contact)
        for key, label, name in (
            ("first_name", self.tr("First name"), "profileFirstName"),
            ("last_name", self.tr("Last name"), "profileLastName"),
            ("email", self.tr("Email"), "profileEmail"),
            ("phone", self.tr("Mobile phone"), "profilePhone"),
        ):
            form.addRow(label, self._edit(key, name, label))
        self._edits["phone"].setPlaceholderText("+33612345678")
        self.subscriber_label = QLabel("—")
        self.subscriber_label.setObjectName("profileSubscriberNumber")
        self.subscriber_label.setAccessibleName(self.tr("Subscriber number"))
        self.subscriber_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.insertRow(0, self.tr("Subscriber number"), self.subscriber_label)

        address = QGroupBox(self.tr("Postal address"))
        form = QFormLayout(address)
        for key, label, name in (
            ("line1", self.tr("Address"), "profileAddressLine1"),
            ("line2", self.tr("Address (continued)"), "profileAddressLine2"),
            ("postal_code", self.tr("Postal code"), "profilePostalCode"),
            ("city", self.tr("City"), "profileCity"),
            ("country", self.tr("Country (2 letters)"), "profileCountry"),
        ):
            form.addRow(label, self._edit(key, name, label))
        self._edits["country"].setInputMask(">AA;_")
        self._edits["country"].setMaximumWidth(60)

        prefs = QGroupBox(self.tr("Communication"))
        form = QFormLayout(prefs)
        self.marketing_email = QCheckBox(self.tr("News and offers by email"))
        self.marketing_email.setObjectName("profileMarketingEmail")
        self.marketing_email.setAccessibleName(self.tr("News and offers by email"))
        self.marketing_sms = QCheckBox(self.tr("News and offers by SMS"))
        self.marketing_sms.setObjectName("profileMarketingSms")
        self.marketing_sms.setAccessibleName(self.tr("News and offers by SMS"))
        self.account_language = QComboBox()
        self.account_language.setObjectName("profileAccountLanguage")
        self.account_language.setAccessibleName(self.tr("Language of letters and emails"))
        for code, name in LANGUAGE_NAMES:
            self.account_language.addItem(name, code)
        form.addRow(self.marketing_email)
        form.addRow(self.marketing_sms)
        form.addRow(self.tr("Letters and emails in"), self.account_language)

        self.save_button = QPushButton(self.tr("&Save my details"))
        self.save_button.setObjectName("profileSave")
        self.save_button.setAccessibleName(self.tr("Save my details"))
        self.save_button.clicked.connect(self.save)
        self.password_button = QPushButton(self.tr("Change &password…"))
        self.password_button.setObjectName("profileChangePassword")
        self.password_button.setAccessibleName(self.tr("Change password"))
        self.password_button.clicked.connect(self.open_password_dialog)
        gate.add(self.save_button, self.password_button)
        self.message = QLabel()
        self.message.setObjectName("profileMessage")
        self.message.setAccessibleName(self.tr("Last action"))
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.password_button)
        buttons.addStretch(1)

        account = QVBoxLayout()
        account.addWidget(contact)
        account.addWidget(address)
        account.addWidget(prefs)
        account.addLayout(buttons)
        account.addWidget(self.message)
        account.addStretch(1)
        self.app_settings = AppSettingsView(session, gate, settings)
        side = QVBoxLayout()
        side.addWidget(self.app_settings)
        side.addStretch(1)
        content = QWidget()
        columns = QHBoxLayout(content)
        columns.addLayout(account, 3)
        columns.addLayout(side, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self.reloads = ReloadWhenShown(self, session, self._on_resources_changed)
        self.reload()

    def _edit(self, key: str, name: str, a11y: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(a11y)
        self._edits[key] = edit
        return edit

    # -- data -----------------------------------------------------------------------------
    def _on_resources_changed(self, names: frozenset[str]) -> None:
        if names & NAMES:
            self.reload()

    def reload(self) -> None:
        self._session.operations.read(profile_ops.profile(), self._show, owner=self)

    def _show(self, profile: Profile | None) -> None:
        if profile is None:
            return
        self.profile = profile
        self.subscriber_label.setText(profile.subscriber_number)
        address = profile.address
        values = {
            "first_name": profile.first_name, "last_name": profile.last_name,
            "email": profile.email, "phone": profile.phone or "", "line1": address.line1,
            "line2": address.line2 or "", "postal_code": address.postal_code,
            "city": address.city, "country": address.country,
        }  # fmt: skip
        for key, value in values.items():
            self._edits[key].setText(value)
        self.marketing_email.setChecked(profile.marketing_email)
        self.marketing_sms.setChecked(profile.marketing_sms)
        self.account_language.setCurrentIndex(
            max(0, self.account_language.findData(profile.language))
        )

    def value(self, key: str) -> str:
        return self._edits[key].text().strip()

    # -- saving ---------------------------------------------------------------------------
    def changes(self) -> dict[str, Any]:
        """Only what differs from the saved profile, in PATCH /me's shape."""
        p = self.profile
        if p is None:
            return {}
        changes: dict[str, Any] = {}
        for key, old in (("first_name", p.first_name), ("last_name", p.last_name)):
            if self.value(key) != old:
                changes[key] = self.value(key)
        if self.value("phone") != (p.phone or "") and self.value("phone"):
            changes["phone"] = self.value("phone")
        address = {
            "line1": self.value("line1"), "line2": self.value("line2") or None,
            "postal_code": self.value("postal_code"), "city": self.value("city"),
            "country": self.value("country"),
        }  # fmt: skip
        a = p.address
        if address != {"line1": a.line1, "line2": a.line2 or None, "postal_code": a.postal_code,
                       "city": a.city, "country": a.country}:  # fmt: skip
            changes["address"] = address
        language = str(self.account_language.currentData())
        if language != p.language:
            changes["language"] = language
        marketing = {
            "email": self.marketing_email.isChecked(),
            "sms": self.marketing_sms.isChecked(),
        }
        if marketing != {"email": p.marketing_email, "sms": p.marketing_sms}:
            changes["marketing"] = marketing
        if self.value("email").lower() != p.email.lower():
            changes["email"] = self.value("email")
        return changes

    def local_errors(self) -> list[str]:
        errors = []
        if not self.value("first_name") or not self.value("last_name"):
            errors.append(self.tr("Your first and last names are required."))
        if not EMAIL.match(self.value("email")):
            errors.append(self.tr("This email address is not valid."))
        if self.value("phone") and not validation.E164.match(self.value("phone")):
            errors.append(
                self.tr("Write the phone number in international format, e.g. +33612345678.")
            )
        if not self.value("line1") or not self.value("city"):
            errors.append(self.tr("The address and the city are required."))
        if not POSTAL_CODE.match(self.value("postal_code")):
            errors.append(self.tr("This postal code is not valid."))
        if len(self.value("country")) != 2:
            errors.append(self.tr("The country is a 2-letter code, e.g. FR."))
        return errors

    def save(self) -> None:
        errors = self.local_errors()
        if errors:
            self._say("\n".join(errors), error=True)
            return
        changes = self.changes()
        if not changes:
            self._say(self.tr("Nothing to save: your details are unchanged."))
            return
        if "email" in changes:
            self._ask_password(changes)
            return
        self._send(changes)

    def _ask_password(self, changes: dict[str, Any]) -> None:
        prompt = QInputDialog(self)
        prompt.setObjectName("currentPasswordPrompt")
        prompt.setWindowTitle(self.tr("Confirm your new email"))
        prompt.setLabelText(
            self.tr("To change your email to {email}, enter your current password.").format(
                email=changes["email"]
            )
        )
        prompt.setTextEchoMode(QLineEdit.EchoMode.Password)
        prompt.textValueSelected.connect(
            lambda password: self._send({**changes, "current_password": password})
        )
        prompt.finished.connect(prompt.deleteLater)
        self.password_prompt = prompt
        prompt.open()

    def _send(self, changes: dict[str, Any]) -> None:
        self.save_button.setEnabled(False)
        self._say(self.tr("Saving…"))
        self._session.operations.start(
            profile_ops.update_profile(changes), self._saved, self._failed, owner=self
        )

    def _saved(self, _: object) -> None:
        self.save_button.setEnabled(self._session.online)
        self._say(self.tr("Your details were saved."))

    def _failed(self, problem: Problem) -> None:
        self.save_button.setEnabled(self._session.online)
        if "current_password" in problem.fields:
            self._say(self.tr("The password is not right: your email was not changed."), True)
        elif problem.fields:
            self._say("\n".join(f"{k}: {v}" for k, v in problem.fields.items()), True)
        else:
            self._say(problem.text, True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("QLabel { color: #c62828; }" if error else "")

    def open_password_dialog(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self._session, self)
        dialog.accepted.connect(self._password_changed)
        dialog.finished.connect(dialog.deleteLater)
        self.password_dialog = dialog
        dialog.open()
        return dialog

    def _password_changed(self) -> None:
        self._say(self.tr("Your password was changed. Other devices will need to sign in again."))
