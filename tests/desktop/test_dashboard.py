"""Dashboard (F6, F7) against a real sandbox: the figures are the server's, alerts dismiss."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from icanal_desktop.core.domain.records import Money
from icanal_desktop.gui.models.formatting import money_text

from ..conftest import DEMO, SandboxProcess
from .driver import Api, build, sign_in


def test_dashboard_shows_the_accounts_figures(
    qtbot: QtBot, sandbox: SandboxProcess, data_dir: Path
) -> None:
    parts = build(qtbot, sandbox.url, data_dir)
    sign_in(qtbot, parts, *DEMO)
    dash = parts.main_window.dashboard
    api = Api(sandbox.url)

    unpaid = [b for b in api.all_items("/bills") if b["status"] in ("due", "overdue", "failed")]
    due = 0
    for bill in unpaid:
        due += int(bill["total"]["amount"])
    assert dash.due_card.value.text() == money_text(Money(due, "EUR"))
    overdue = len([b for b in unpaid if b["status"] == "overdue"])
    assert f"Overdue bills: {overdue}" in dash.due_card.detail.text()
    assert "c42b1c" in dash.due_card.detail.styleSheet()  # overdue stands out

    sub = api.all_items("/subscriptions")[0]
    assert sub["plan"]["name"] in dash.plan.text()
    methods = api.all_items("/payment-methods")
    default = next(m for m in methods if m["default"])
    assert dash.payment_card.value.text() == default["summary"]
    open_tickets = [t for t in api.all_items("/support/tickets") if t["status"] != "closed"]
    assert dash.tickets_card.value.text() == f"{len(open_tickets)} open"


def test_an_alert_can_be_dismissed_and_stays_dismissed(
    qtbot: QtBot, sandbox: SandboxProcess, data_dir: Path
) -> None:
    parts = build(qtbot, sandbox.url, data_dir)
    sign_in(qtbot, parts, *DEMO)
    dash = parts.main_window.dashboard
    buttons = dash.alerts_box.findChildren(QPushButton, "dismissAlertButton")
    assert buttons, "the demo account has an overdue bill and an expiring card"
    before = len(buttons)
    first_alert = buttons[0].accessibleName()
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: len(dash.alerts_box.findChildren(QPushButton, "dismissAlertButton")) == before - 1
    )

    parts.session.sync()  # a new sync does not bring it back
    qtbot.waitUntil(lambda: not parts.session.busy, timeout=20_000)
    names = [
        b.accessibleName() for b in dash.alerts_box.findChildren(QPushButton, "dismissAlertButton")
    ]
    assert first_alert not in names
