"""Payment methods (F20–F22): the list with expiry warnings, adding a card, a direct debit or
a mobile-money wallet, choosing the default, removing one (with the server's reason when it
refuses)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core.domain.billing import PaymentMethod
from icanal_desktop.gui.models.filter_proxy import RecordFilterProxy
from icanal_desktop.gui.models.payment_methods_model import (
    EXPIRED,
    EXPIRING,
    expiry_state,
    method_description,
    payment_methods_model,
)
from icanal_desktop.gui.models.roles import OBJECT_ROLE
from icanal_desktop.gui.operations import billing, methods
from icanal_desktop.gui.problems import Problem
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.views.common.online_gate import OnlineGate
from icanal_desktop.gui.views.common.reload_when_shown import ReloadWhenShown
from icanal_desktop.gui.views.methods.add_payment_method_dialog import AddPaymentMethodDialog

NAMES = frozenset({"payment_methods"})


class PaymentMethodsTab(QWidget):
    def __init__(self, session: Session, gate: OnlineGate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("paymentMethodsTab")
        self.dialog: AddPaymentMethodDialog | None = None

        self.model = payment_methods_model(self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("paymentMethodsTable")
        self.table.setAccessibleName(self.tr("Payment methods"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # the default method first
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.add_button = QToolButton()
        self.add_button.setObjectName("addPaymentMethodButton")
        self.add_button.setText(self.tr("&Add a payment method"))
        self.add_button.setAccessibleName(self.tr("Add a payment method"))
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self.add_button)
        for kind, text, name in (
            ("card", self.tr("Card…"), "addCardAction"),
            ("sepa_debit", self.tr("SEPA direct debit…"), "addSepaAction"),
            ("mobile_money", self.tr("Mobile money…"), "addMobileMoneyAction"),
        ):
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(lambda _=False, k=kind: self.open_add_dialog(k))
        self.add_button.setMenu(menu)
        self.add_button.clicked.connect(lambda: self.open_add_dialog("card"))
        self.default_button = QPushButton(self.tr("Make &default"))
        self.default_button.setObjectName("setDefaultMethodButton")
        self.default_button.setAccessibleName(self.tr("Make the selected method the default"))
        self.default_button.clicked.connect(self.set_default)
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.remove_button.setObjectName("removeMethodButton")
        self.remove_button.setAccessibleName(self.tr("Remove the selected method"))
        self.remove_button.clicked.connect(self.confirm_remove)
        gate.add(self.add_button, self.default_button, self.remove_button)

        self.warning = QLabel()
        self.warning.setObjectName("paymentMethodsWarning")
        self.warning.setAccessibleName(self.tr("Expiry warning"))
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.message = QLabel()
        self.message.setObjectName("paymentMethodsMessage")
        self.message.setAccessibleName(self.tr("Last action"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.default_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Your payment methods"))
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        layout.addWidget(title)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.reloads = ReloadWhenShown(self, session, self._on_resources_changed)
        session.state_changed.connect(self._on_state_changed)  # bound methods: die with us
        self._update_buttons()
        self.reload()

    # -- data -----------------------------------------------------------------------------
    def _on_state_changed(self, _state: object) -> None:
        self._update_buttons()

    def _on_resources_changed(self, names: frozenset[str]) -> None:
        if names & NAMES:
            self.reload()

    def reload(self) -> None:
        self._session.operations.read(billing.payment_methods(), self._show, owner=self)

    def _show(self, methods: list[PaymentMethod]) -> None:
        selected = self.selected_method()
        self.model.set_records(methods)
        if selected is not None:
            self.select(selected.id)
        states = [expiry_state(m) for m in methods]
        if EXPIRED in states:
            self._warn(self.tr("⚠ A card has expired: add a new one so your payments go through."))
        elif EXPIRING in states:
            self._warn(
                self.tr("⚠ A card expires within two months: add the new card when it comes.")
            )
        else:
            self.warning.hide()
        self._update_buttons()

    def _warn(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.setStyleSheet(
            "QLabel { background: #fff4ce; color: #3d3000; border: 1px solid #e0c36a;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.warning.show()

    def selected_method(self) -> PaymentMethod | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        method = rows[0].data(OBJECT_ROLE)
        return method if isinstance(method, PaymentMethod) else None

    def select(self, method_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            method = self.proxy.index(row, 0).data(OBJECT_ROLE)
            if isinstance(method, PaymentMethod) and method.id == method_id:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        method = self.selected_method()
        online = self._session.online
        self.default_button.setEnabled(online and method is not None and not method.is_default)
        self.remove_button.setEnabled(online and method is not None)

    # -- actions --------------------------------------------------------------------------
    def open_add_dialog(self, kind: str = "card") -> AddPaymentMethodDialog:
        dialog = AddPaymentMethodDialog(self._session, kind, self)
        dialog.accepted.connect(lambda: self._say(self.tr("The payment method was added.")))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def set_default(self) -> None:
        method = self.selected_method()
        if method is None or method.is_default:
            return
        self.default_button.setEnabled(False)

        def done(_: object) -> None:
            self._say(
                self.tr("{method} is now your default payment method.").format(
                    method=method_description(method)
                )
            )

        self._session.operations.start(
            methods.set_default(method.id), done, self._on_failed, owner=self
        )

    def confirm_remove(self) -> QMessageBox | None:
        method = self.selected_method()
        if method is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove a payment method"),
            self.tr("Remove {method} from your account?").format(method=method_description(method)),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("removeMethodConfirm")
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        remove.setObjectName("removeMethodConfirmButton")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        remove.clicked.connect(lambda: self.remove(method))
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def remove(self, method: PaymentMethod) -> None:
        self.remove_button.setEnabled(False)

        def done(_: object) -> None:
            self._say(self.tr("{method} was removed.").format(method=method_description(method)))

        self._session.operations.start(methods.remove(method.id), done, self._on_failed, owner=self)

    def _on_failed(self, problem: Problem) -> None:
        self._update_buttons()
        self._say(problem.text, True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("QLabel { color: #c62828; }" if error else "")
