"""Support (F23–F26): help pages with search and the contact details (both work offline,
from the cache), the account's requests with their threads, a new request, and the chat."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core.domain.catalog import Contact, FaqEntry, Ticket, TicketThread
from icanal_desktop.gui.models.faq_model import faq_model
from icanal_desktop.gui.models.filter_proxy import RecordFilterProxy
from icanal_desktop.gui.models.roles import OBJECT_ROLE
from icanal_desktop.gui.models.tickets_model import tickets_model
from icanal_desktop.gui.operations import support
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.views.common.online_gate import OnlineGate
from icanal_desktop.gui.views.common.reload_when_shown import ReloadWhenShown
from icanal_desktop.gui.views.support.chat_view import ChatView
from icanal_desktop.gui.views.support.new_ticket_dialog import NewTicketDialog
from icanal_desktop.gui.views.support.ticket_thread_view import TicketThreadView

NAMES = frozenset({"faq", "contact", "tickets"})


def _table(name: str, a11y: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(a11y)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setSortingEnabled(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class SupportTab(QWidget):
    def __init__(self, session: Session, gate: OnlineGate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._gate = gate
        self.setObjectName("supportTab")
        self.new_ticket_dialog: NewTicketDialog | None = None
        self._select_after_reload: str | None = None
        self.sections = QTabWidget()
        self.sections.setObjectName("supportSections")
        self.sections.setAccessibleName(self.tr("Support sections"))
        self.sections.addTab(self._faq_page(), self.tr("Help"))
        self.sections.addTab(self._tickets_page(), self.tr("My requests"))
        self.chat = ChatView(session, gate)
        self.sections.addTab(self.chat, self.tr("Chat"))
        self.sections.addTab(self._contact_page(), self.tr("Contact us"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.sections)
        self.reloads = ReloadWhenShown(self, session, self._on_resources_changed)
        self.reload_faq()
        self.reload_tickets()
        self.reload_contact()

    # -- pages ----------------------------------------------------------------------------
    def _faq_page(self) -> QWidget:
        page = QWidget()
        self.faq_search = QLineEdit()
        self.faq_search.setObjectName("faqSearch")
        self.faq_search.setAccessibleName(self.tr("Search the help"))
        self.faq_search.setPlaceholderText(self.tr("Search the help (works offline)"))
        self.faq_search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.reload_faq)
        self.faq_search.textChanged.connect(lambda _: self._search_timer.start())
        self.faq = faq_model(self)
        self.faq_table = _table("faqTable", self.tr("Questions"))
        self.faq_table.setModel(self.faq)
        self.faq_table.setSortingEnabled(False)  # the server's order: most asked first
        self.faq_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.faq_table.horizontalHeader().setStretchLastSection(False)
        self.faq_table.selectionModel().currentRowChanged.connect(self._show_answer)
        self.faq_answer = QTextBrowser()
        self.faq_answer.setObjectName("faqAnswer")
        self.faq_answer.setAccessibleName(self.tr("Answer"))
        self.faq_count = QLabel()
        self.faq_count.setObjectName("faqCount")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.faq_table)
        split.addWidget(self.faq_answer)
        split.setSizes([300, 200])
        layout = QVBoxLayout(page)
        layout.addWidget(self.faq_search)
        layout.addWidget(split, 1)
        layout.addWidget(self.faq_count)
        return page

    def _tickets_page(self) -> QWidget:
        page = QWidget()
        self.tickets = tickets_model(self)
        self.tickets_proxy = RecordFilterProxy(self)
        self.tickets_proxy.setSourceModel(self.tickets)
        self.tickets_table = _table("ticketsTable", self.tr("My requests"))
        self.tickets_table.setModel(self.tickets_proxy)
        self.tickets_table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        header = self.tickets_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tickets_table.setWordWrap(False)
        self.tickets_table.horizontalHeader().setStretchLastSection(False)
        self.tickets_table.selectionModel().currentRowChanged.connect(self._open_ticket)
        self.new_ticket_button = QPushButton(self.tr("&New request…"))
        self.new_ticket_button.setObjectName("newTicketButton")
        self.new_ticket_button.setAccessibleName(self.tr("New support request"))
        self.new_ticket_button.clicked.connect(lambda: self.open_new_ticket())
        self._gate.add(self.new_ticket_button)
        self.thread_view = TicketThreadView(self._session, self._gate)
        self.thread_view.replied.connect(self._on_replied)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tickets_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_ticket_button)
        row.addStretch(1)
        column.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.thread_view)
        split.setSizes([660, 420])
        layout = QVBoxLayout(page)
        layout.addWidget(split)
        return page

    def _contact_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.contact_labels: dict[str, QLabel] = {}
        for key, title, name in (
            ("phone", self.tr("Phone"), "contactPhone"),
            ("hours", self.tr("Opening hours"), "contactHours"),
            ("email", self.tr("Email"), "contactEmail"),
            ("postal_address", self.tr("Postal address"), "contactPostalAddress"),
            ("response_time", self.tr("Written answers"), "contactResponseTime"),
        ):
            label = QLabel("—")
            label.setObjectName(name)
            label.setAccessibleName(title)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.contact_labels[key] = label
            form.addRow(title, label)
        return page

    # -- data -----------------------------------------------------------------------------
    def _on_resources_changed(self, names: frozenset[str]) -> None:
        if "faq" in names:
            self.reload_faq()
        if "tickets" in names:
            self.reload_tickets()
        if "contact" in names:
            self.reload_contact()

    def reload_faq(self) -> None:
        query = self.faq_search.text()
        self._session.operations.read(support.faq(query), self._show_faq, owner=self)

    def _show_faq(self, entries: list[FaqEntry]) -> None:
        self.faq.set_records(entries)
        self.faq_count.setText(self.tr("{n} question(s)").format(n=len(entries)))
        if entries:
            self.faq_table.selectRow(0)
        else:
            self.faq_answer.setPlainText(self.tr("No question matches your search."))

    def _show_answer(self, current: Any, _previous: Any = None) -> None:
        entry = current.data(OBJECT_ROLE) if current.isValid() else None
        if isinstance(entry, FaqEntry):
            self.faq_answer.setHtml(
                f"<h3>{_escape(entry.question)}</h3><p>{_escape(entry.answer)}</p>"
            )

    def reload_contact(self) -> None:
        self._session.operations.read(support.contact(), self._show_contact, owner=self)

    def _show_contact(self, contact: Contact | None) -> None:
        if contact is None:
            return
        for key, label in self.contact_labels.items():
            label.setText(str(getattr(contact, key)))

    def reload_tickets(self) -> None:
        self._session.operations.read(support.tickets(), self._show_tickets, owner=self)

    def _show_tickets(self, tickets: list[Ticket]) -> None:
        current = (
            self.thread_view.ticket_thread.ticket.id if self.thread_view.ticket_thread else None
        )
        wanted = self._select_after_reload or current
        self.tickets.set_records(tickets)
        if wanted is not None and self.select_ticket(wanted):
            self._select_after_reload = None

    def select_ticket(self, ticket_id: str) -> bool:
        for row in range(self.tickets_proxy.rowCount()):
            ticket = self.tickets_proxy.index(row, 0).data(OBJECT_ROLE)
            if isinstance(ticket, Ticket) and ticket.id == ticket_id:
                self.tickets_table.selectRow(row)
                self._load_thread(ticket_id)
                return True
        return False

    def _open_ticket(self, current: Any, _previous: Any = None) -> None:
        ticket = current.data(OBJECT_ROLE) if current.isValid() else None
        if isinstance(ticket, Ticket):
            self._load_thread(ticket.id)

    def _load_thread(self, ticket_id: str, fetched: bool = False) -> None:
        def show(found: tuple[TicketThread | None, str | None]) -> None:
            if found[0] is not None:
                self.thread_view.show_thread(*found)
            elif self._session.online and not fetched:
                # Older requests' messages are downloaded when first opened.
                self._session.operations.start(
                    support.ticket_thread(ticket_id),
                    lambda _: self._load_thread(ticket_id, fetched=True),
                    lambda problem: self.thread_view.show_missing(problem.text),
                    owner=self,
                )
            else:
                self.thread_view.show_missing(
                    self.tr(
                        "The messages of this request were not downloaded yet; they will "
                        "be when the app is back online."
                    )
                )

        self._session.operations.read(support.kept_thread_and_bill(ticket_id), show, owner=self)

    def _on_replied(self, thread: TicketThread) -> None:
        self._select_after_reload = thread.ticket.id

    # -- new request ----------------------------------------------------------------------
    def open_new_ticket(
        self, bill_id: str | None = None, bill_number: str | None = None
    ) -> NewTicketDialog:
        category = "billing" if bill_id else "other"
        dialog = NewTicketDialog(
            self._session, bill_id=bill_id, bill_number=bill_number, category=category, parent=self
        )
        dialog.created.connect(self._on_created)
        dialog.finished.connect(dialog.deleteLater)
        self.new_ticket_dialog = dialog
        dialog.open()
        return dialog

    def _on_created(self, thread: TicketThread) -> None:
        self.sections.setCurrentIndex(1)
        self._select_after_reload = thread.ticket.id
        self.thread_view.show_thread(thread)
        self.reload_tickets()


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")
