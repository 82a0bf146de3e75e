"""One support request's thread (F25): who wrote what and when, and a reply box. Also the
message rendering shared with the chat."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QGuiApplication, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core.domain.catalog import TicketMessage, TicketThread
from icanal_desktop.gui.models.formatting import datetime_text
from icanal_desktop.gui.models.tickets_model import category_text, status_text
from icanal_desktop.gui.operations import support
from icanal_desktop.gui.problems import Problem
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.views.common.online_gate import OnlineGate

translate = QCoreApplication.translate


def author_text(author: str) -> str:
    if author == "customer":
        return translate("TicketThread", "You")
    if author == "agent":
        return translate("TicketThread", "iCanal support")
    return author


def messages_html(messages: Sequence[TicketMessage], pending: Sequence[str] = ()) -> str:
    """The messages as simple HTML (escaped); `pending` ones are still being sent."""
    dark = QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    you, them = ("#64b5f6", "#81c784") if dark else ("#1565c0", "#2e7d32")
    parts = []
    for message in messages:
        color = you if message.author == "customer" else them
        parts.append(
            f'<p style="margin-bottom:2px"><b style="color:{color}">'
            f"{html.escape(author_text(message.author))}</b>"
            f' <span style="color:#888888">{html.escape(datetime_text(message.created_at))}'
            "</span></p>"
            f'<p style="margin-top:0; margin-bottom:10px">'
            f"{html.escape(message.body).replace(chr(10), '<br>')}</p>"
        )
    sending = translate("TicketThread", "sending…")
    for text in pending:
        parts.append(
            f'<p style="margin-bottom:2px"><b style="color:{you}">'
            f"{html.escape(author_text('customer'))}</b>"
            f' <span style="color:#888888">{html.escape(sending)}'
            f'</span></p><p style="margin-top:0">{html.escape(text)}</p>'
        )
    return "".join(parts)


class TicketThreadView(QWidget):
    replied = Signal(object)  # TicketThread

    def __init__(self, session: Session, gate: OnlineGate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.ticket_thread: TicketThread | None = None
        self.bill_number: str | None = None
        self.setObjectName("ticketThreadView")
        self.header = QLabel(self.tr("Choose a request to read its messages."))
        self.header.setObjectName("ticketThreadHeader")
        self.header.setAccessibleName(self.tr("Request"))
        self.header.setWordWrap(True)
        self.messages = QTextBrowser()
        self.messages.setObjectName("ticketThreadMessages")
        self.messages.setAccessibleName(self.tr("Messages of the request"))
        self.reply_edit = QPlainTextEdit()
        self.reply_edit.setObjectName("ticketReply")
        self.reply_edit.setAccessibleName(self.tr("Your reply"))
        self.reply_edit.setPlaceholderText(self.tr("Write a reply…"))
        self.reply_edit.setMaximumHeight(90)
        self.reply_button = QPushButton(self.tr("Send &reply"))
        self.reply_button.setObjectName("ticketReplySend")
        self.reply_button.setAccessibleName(self.tr("Send the reply"))
        self.reply_button.clicked.connect(self.send_reply)
        gate.add(self.reply_button)
        self.error = QLabel()
        self.error.setObjectName("ticketReplyError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("QLabel { color: #c62828; }")
        row = QHBoxLayout()
        row.addWidget(self.reply_edit, 1)
        row.addWidget(self.reply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.messages, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.show_thread(None)

    def show_thread(self, thread: TicketThread | None, bill_number: str | None = None) -> None:
        previous = self.ticket_thread.ticket.id if self.ticket_thread else None
        self.ticket_thread, self.bill_number = thread, bill_number
        self.reply_edit.setEnabled(thread is not None and thread.ticket.is_open)
        if thread is None:
            self.header.setText(self.tr("Choose a request to read its messages."))
            self.messages.clear()
            return
        if thread.ticket.id != previous:
            self.error.clear()
        ticket = thread.ticket
        header = self.tr("{number} — {subject}\n{category} · {status}").format(
            number=ticket.number,
            subject=ticket.subject,
            category=category_text(ticket.category),
            status=status_text(ticket.status),
        )
        if bill_number:
            header += "\n" + self.tr("About bill {number}").format(number=bill_number)
        self.header.setText(header)
        self.messages.setHtml(messages_html(thread.messages))
        self.messages.moveCursor(QTextCursor.MoveOperation.End)

    def show_missing(self, reason: str) -> None:
        """A request whose messages cannot be shown now, and why."""
        self.show_thread(None)
        self.header.setText(reason)

    def send_reply(self) -> None:
        text = self.reply_edit.toPlainText().strip()
        if self.ticket_thread is None or not text:
            self.error.setText(self.tr("Write your reply first."))
            return
        self.reply_button.setEnabled(False)
        self.error.clear()
        self._session.operations.start(
            support.reply(self.ticket_thread.ticket.id, text),
            self._on_replied,
            self._on_failed,
            owner=self,
        )

    def _on_replied(self, thread: TicketThread) -> None:
        self.reply_edit.clear()
        self.reply_button.setEnabled(self._session.online)
        self.show_thread(thread, self.bill_number)
        self.replied.emit(thread)

    def _on_failed(self, problem: Problem) -> None:
        self.reply_button.setEnabled(self._session.online)
        self.error.setText(problem.text)
