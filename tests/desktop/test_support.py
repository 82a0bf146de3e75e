"""Support tab (F23–F26) through the real widgets against a real sandbox process: FAQ search
and contact details (also offline), a new request and one linked to a bill with the agent's
answer, a reply, and the chat kept when the app is closed and opened again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from icanal_desktop.app import AppParts
from icanal_desktop.core.domain.catalog import FaqEntry, Ticket
from icanal_desktop.gui.models.faq_model import faq_model
from icanal_desktop.gui.models.tickets_model import tickets_model
from icanal_desktop.gui.operations import Request
from icanal_desktop.gui.operations.outcomes import unchanged
from icanal_desktop.gui.session import ConnectionState
from icanal_desktop.gui.views.support.chat_view import CHAT_SUBJECT
from icanal_desktop.gui.views.support.support_tab import SupportTab

from ..conftest import SandboxProcess, start_sandbox
from .driver import Api, OpenApp, app_opener, forget_detail


@pytest.fixture
def open_app(qtbot: QtBot, data_dir: Path) -> Iterator[OpenApp]:
    yield from app_opener(qtbot, data_dir)


def support_tab(parts: AppParts) -> SupportTab:
    tab = parts.main_window.support
    assert isinstance(tab, SupportTab)
    parts.main_window.tabs.setCurrentWidget(tab)
    return tab


def faq_questions(tab: SupportTab) -> list[str]:
    return [e.question for e in tab.faq.records()]


def test_faq_search_and_contact_work_offline(
    qtbot: QtBot, open_app: OpenApp, tmp_path: Path
) -> None:
    server = start_sandbox(tmp_path)
    try:
        parts = open_app(server.url)
        tab = support_tab(parts)
        qtbot.waitUntil(lambda: tab.faq.rowCount() > 3)
        everything = tab.faq.rowCount()
        qtbot.waitUntil(lambda: tab.contact_labels["phone"].text() != "—")
    finally:
        server.stop()
    parts.session.sync()  # finds the server gone
    qtbot.waitUntil(lambda: parts.session.state == ConnectionState.OFFLINE, timeout=15_000)

    qtbot.keyClicks(tab.faq_search, "facture")
    qtbot.waitUntil(lambda: 0 < tab.faq.rowCount() < everything)
    assert all(
        "facture" in f"{e.question} {e.answer} {e.category}".lower() for e in tab.faq.records()
    )
    assert tab.faq_answer.toPlainText() != ""
    tab.faq_search.clear()
    qtbot.keyClicks(tab.faq_search, "zzzz introuvable")
    qtbot.waitUntil(lambda: tab.faq.rowCount() == 0)
    assert "No question" in tab.faq_answer.toPlainText()
    assert tab.contact_labels["phone"].text() == "09 69 39 00 00"
    assert "@" in tab.contact_labels["email"].text()
    assert not tab.new_ticket_button.isEnabled()  # a new request needs the server


def test_new_request_and_one_about_a_bill_get_the_agents_answer(
    qtbot: QtBot, sandbox: SandboxProcess, open_app: OpenApp
) -> None:
    parts = open_app(sandbox.url)
    api = Api(sandbox.url)
    tab = support_tab(parts)
    before = len(api.get("/support/tickets?limit=100")["items"])
    qtbot.waitUntil(lambda: tab.tickets.rowCount() == before)

    qtbot.mouseClick(tab.new_ticket_button, Qt.MouseButton.LeftButton)
    dialog = tab.new_ticket_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("technical"))
    qtbot.keyClicks(dialog.subject_edit, "Decodeur")
    qtbot.keyClicks(dialog.message_edit, "Comment redemarrer mon decodeur ?")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    view = tab.thread_view
    qtbot.waitUntil(lambda: tab.tickets.rowCount() == before + 1, timeout=10_000)
    qtbot.waitUntil(
        lambda: view.ticket_thread is not None and len(view.ticket_thread.messages) == 2
    )
    assert view.ticket_thread is not None
    assert [m.author for m in view.ticket_thread.messages] == ["customer", "agent"]
    assert "iCanal support" in view.messages.toPlainText()
    assert view.ticket_thread.messages[1].body in view.messages.toPlainText()

    # A reply in the thread, answered too.
    qtbot.keyClicks(view.reply_edit, "Merci, et pour la telecommande ?")
    qtbot.mouseClick(view.reply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.ticket_thread is not None
                    and len(view.ticket_thread.messages) == 4, timeout=10_000)  # fmt: skip
    thread_id = view.ticket_thread.ticket.id
    assert len(api.get(f"/support/tickets/{thread_id}")["messages"]) == 4

    # From the bills tab: "Report a problem with this bill" opens the dialog with the bill.
    bill = api.get("/bills?limit=1")["items"][0]
    dialog = tab.open_new_ticket(bill["id"], bill["number"])
    qtbot.waitUntil(dialog.isVisible)
    assert bill["number"] in dialog.subject_edit.text()
    qtbot.keyClicks(dialog.message_edit, "Le montant de ma facture est faux.")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    created = dialog.ticket
    assert created is not None
    assert api.get(f"/support/tickets/{created.ticket.id}")["bill_id"] == bill["id"]
    qtbot.waitUntil(lambda: tab.tickets.rowCount() == before + 2, timeout=10_000)
    qtbot.waitUntil(lambda: view.ticket_thread is not None
                    and view.ticket_thread.ticket.id == created.ticket.id)  # fmt: skip
    qtbot.waitUntil(lambda: f"About bill {bill['number']}" in view.header.text())
    assert view.ticket_thread is not None
    assert view.ticket_thread.messages[-1].author == "agent"


def test_chat_answers_and_is_kept_when_the_app_is_opened_again(
    qtbot: QtBot, sandbox: SandboxProcess, open_app: OpenApp
) -> None:
    parts = open_app(sandbox.url)
    tab = support_tab(parts)
    tab.sections.setCurrentWidget(tab.chat)
    chat = tab.chat
    qtbot.keyClicks(chat.input, "Comment payer ma facture ?")
    qtbot.keyClick(chat.input, Qt.Key.Key_Return)
    assert "sending" in chat.messages.toPlainText()  # shown at once, the window never waits
    qtbot.waitUntil(lambda: chat.conversation is not None and not chat.pending, timeout=10_000)
    assert chat.conversation is not None
    assert chat.conversation.ticket.subject == CHAT_SUBJECT
    assert [m.author for m in chat.conversation.messages] == ["customer", "agent"]
    assert not chat.poll_timer.isActive()  # answered: nothing to wait for
    qtbot.keyClicks(chat.input, "Et pour changer de carte ?")
    qtbot.mouseClick(chat.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: chat.conversation is not None
                    and len(chat.conversation.messages) == 4, timeout=10_000)  # fmt: skip
    shown = chat.messages.toPlainText()
    parts.shutdown()
    parts.main_window.close()

    again = open_app(sandbox.url)  # the app closed and opened again, same computer
    tab = support_tab(again)
    tab.sections.setCurrentWidget(tab.chat)
    qtbot.waitUntil(lambda: tab.chat.conversation is not None
                    and len(tab.chat.conversation.messages) == 4)  # fmt: skip
    assert tab.chat.messages.toPlainText() == shown


def test_chat_polls_for_the_answer_only_while_waiting_and_shown(
    qtbot: QtBot, sandbox: SandboxProcess, open_app: OpenApp
) -> None:
    parts = open_app(sandbox.url)
    tab = support_tab(parts)
    tab.sections.setCurrentWidget(tab.chat)
    chat = tab.chat
    chat.pending.append("Allo ?")  # as if the answer had not come yet
    chat._update_waiting()
    assert chat.poll_timer.isActive()
    assert "writing" in chat.status.text()
    with qtbot.waitSignal(parts.session.operations.finished, timeout=10_000) as polled:
        chat.poll()
    assert polled.args[0] == "refresh:tickets"
    tab.sections.setCurrentIndex(0)  # the chat is hidden: no more polling
    assert not chat.poll_timer.isActive()
    chat.pending.clear()


def test_models_pass_the_model_tester(qtmodeltester: Any) -> None:
    import datetime as dt

    now = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
    faq = faq_model()
    faq.set_records([FaqEntry("f1", "facturation", "Quand ?", "Le 1er."),
                     FaqEntry("f2", "technique", "Comment ?", "Ainsi.")])  # fmt: skip
    qtmodeltester.check(faq)
    assert faq.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Le 1er."
    tickets = tickets_model()
    tickets.set_records(
        [
            Ticket("t1", "T-1", "billing", "Facture", "answered", None, now, now, 2),
            Ticket("t2", "T-2", "other", "Chat", "open", None, now, now, 1),
        ]
    )
    qtmodeltester.check(tickets)
    assert tickets.index(0, 3).data() == "Answered"
    assert tickets.index(1, 2).data() == "Other"


HEAVY = ("heavy@icanal.example", "Heavy-2026!")


@pytest.mark.slow
def test_a_request_the_cache_lacks_is_downloaded_when_opened(
    qtbot: QtBot, sandbox: SandboxProcess, open_app: OpenApp
) -> None:
    parts = open_app(sandbox.url, HEAVY, sync_s=120)
    tab = support_tab(parts)
    tab.sections.setCurrentIndex(1)
    qtbot.waitUntil(lambda: tab.tickets.rowCount() > 100, timeout=15_000)
    oldest = min(tab.tickets.records(), key=lambda t: t.updated_at)
    # As a copy made by an older version, or from a server that ignores the expansion.
    found: list[object] = []
    forget = Request(
        "forget", (), lambda _c, cache, _key: unchanged(forget_detail(cache, "ticket", oldest.id))
    )
    parts.session.operations.start(forget, found.append)
    qtbot.waitUntil(lambda: len(found) == 1)
    assert found == [None]
    assert tab.select_ticket(oldest.id)
    view = tab.thread_view
    qtbot.waitUntil(lambda: view.ticket_thread is not None
                    and view.ticket_thread.ticket.id == oldest.id, timeout=10_000)  # fmt: skip
    assert view.ticket_thread is not None
    assert view.ticket_thread.messages
    assert view.ticket_thread.messages[0].body in view.messages.toPlainText()
