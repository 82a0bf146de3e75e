"""Live chat with the support agent (F26). The conversation is a support request of its own
(subject CHAT_SUBJECT), so it lives on the server and in the cache: closing the window, or
the app, loses nothing. While the agent's answer is awaited, the request is refreshed now
and then by a timer; the window never waits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core.domain.catalog import TicketThread
from icanal_desktop.gui.operations import Request, support
from icanal_desktop.gui.problems import Problem
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.views.common.online_gate import OnlineGate
from icanal_desktop.gui.views.support.ticket_thread_view import messages_html

CHAT_SUBJECT = "Chat"  # the same word in French and English: it marks the chat's request
CHAT_CATEGORY = "other"
POLL_MS = 3000
NAMES = frozenset({"tickets"})


class ChatView(QWidget):
    def __init__(self, session: Session, gate: OnlineGate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.conversation: TicketThread | None = None
        self.pending: list[str] = []
        self._sending: Request[TicketThread] | None = None  # the message on its way
        self.setObjectName("chatView")
        intro = QLabel(
            self.tr(
                "Ask your question: our assistant answers at once, from the help pages, "
                "and an adviser takes over when needed."
            )
        )
        intro.setWordWrap(True)
        self.messages = QTextBrowser()
        self.messages.setObjectName("chatMessages")
        self.messages.setAccessibleName(self.tr("Chat messages"))
        self.input = QLineEdit()
        self.input.setObjectName("chatInput")
        self.input.setAccessibleName(self.tr("Your message"))
        self.input.setPlaceholderText(self.tr("Type your message and press Enter"))
        self.input.setMaxLength(2000)
        self.input.returnPressed.connect(self.send)
        self.send_button = QPushButton(self.tr("&Send"))
        self.send_button.setObjectName("chatSend")
        self.send_button.setAccessibleName(self.tr("Send the message"))
        self.send_button.clicked.connect(self.send)
        gate.add(self.send_button)
        self.status = QLabel()
        self.status.setObjectName("chatStatus")
        self.status.setAccessibleName(self.tr("Chat status"))
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.messages, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)

        self.poll_timer = QTimer(self)
        self.poll_timer.setObjectName("chatPollTimer")
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        session.resources_changed.connect(self._on_resources_changed)  # bound: dies with us
        self.reload()

    # -- data -----------------------------------------------------------------------------
    def _on_resources_changed(self, names: frozenset[str]) -> None:
        if names & NAMES:
            self.reload()

    def reload(self) -> None:
        self._session.operations.read(support.open_chat(CHAT_SUBJECT), self._show, owner=self)

    def _show(self, thread: TicketThread | None) -> None:
        self.conversation = thread
        messages = thread.messages if thread else ()
        if not messages and not self.pending:
            self.messages.setHtml(
                "<p style='color:#888888'>" + self.tr("No messages yet.") + "</p>"
            )
        else:
            self.messages.setHtml(messages_html(messages, self.pending))
            self.messages.moveCursor(QTextCursor.MoveOperation.End)
        self._update_waiting()

    @property
    def waiting_for_agent(self) -> bool:
        if self.pending:
            return True
        return bool(self.conversation and self.conversation.messages[-1].author == "customer")

    def _update_waiting(self) -> None:
        waiting = self.waiting_for_agent and self.isVisible()
        self.status.setText(self.tr("The assistant is writing…") if self.waiting_for_agent else "")
        if waiting and not self.poll_timer.isActive():
            self.poll_timer.start()
        elif not waiting:
            self.poll_timer.stop()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._update_waiting()

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self.poll_timer.stop()  # polls only while the chat is on screen

    def poll(self) -> None:
        refresh = support.refresh(["tickets"])
        if self._session.online and not self._session.operations.is_running(refresh):
            self._session.operations.start(refresh, owner=self)

    # -- sending --------------------------------------------------------------------------
    def send(self) -> None:
        text = self.input.text().strip()
        if not text or (
            self._sending is not None and self._session.operations.is_running(self._sending)
        ):
            return
        if not self._session.online:
            self.status.setText(self.tr("The chat needs a connection to iCanal."))
            return
        # One key per message until the server answered: sending the same text again after
        # a lost answer does not post it twice; another text is another request.
        chat = self.conversation
        request = (
            support.create_ticket(CHAT_CATEGORY, CHAT_SUBJECT, text)
            if chat is None
            else support.reply(chat.ticket.id, text)
        )
        self._sending = request
        self.pending.append(text)
        self.input.clear()
        self._show(self.conversation)
        self._session.operations.start(
            request, self._sent, lambda problem: self._failed(problem, text), owner=self
        )

    def _sent(self, thread: TicketThread) -> None:
        self.pending.clear()
        self._show(thread)

    def _failed(self, problem: Problem, text: str) -> None:
        self.pending.clear()
        self.input.setText(text)  # nothing lost: sending it again is the same request
        self._show(self.conversation)
        self.status.setText(problem.text)
