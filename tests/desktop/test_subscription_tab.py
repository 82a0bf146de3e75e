"""Subscription tab (F8–F12) through the real widgets against a real sandbox process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from icanal_desktop.app import AppParts
from icanal_desktop.gui.models.roles import OBJECT_ROLE
from icanal_desktop.gui.operations import subscription as contract
from icanal_desktop.gui.views.subscription.cancel_dialog import CancelDialog
from icanal_desktop.gui.views.subscription.change_plan_dialog import ChangePlanDialog
from icanal_desktop.gui.views.subscription.subscription_tab import SubscriptionTab

from ..conftest import DEMO, SandboxProcess, start_sandbox
from .driver import Api, build, sign_in


@pytest.fixture
def signed_in(
    qtbot: QtBot, sandbox: SandboxProcess, data_dir: Path
) -> Iterator[tuple[AppParts, Api]]:
    parts = build(qtbot, sandbox.url, data_dir)
    sign_in(qtbot, parts, *DEMO)
    tab = parts.main_window.subscription
    assert isinstance(tab, SubscriptionTab)
    qtbot.waitUntil(lambda: tab.channels.rowCount() > 0)
    parts.main_window.tabs.setCurrentWidget(tab)
    yield parts, Api(sandbox.url)
    parts.shutdown()


def tab_of(parts: AppParts) -> SubscriptionTab:
    tab = parts.main_window.subscription
    assert isinstance(tab, SubscriptionTab)
    return tab


def server_subscription(api: Api) -> Any:
    subs = api.all_items("/subscriptions")
    return next(s for s in subs if s["status"] != "cancelled")


def test_details_and_channels_are_the_servers(
    qtbot: QtBot, signed_in: tuple[AppParts, Api]
) -> None:
    parts, api = signed_in
    tab = tab_of(parts)
    sub = server_subscription(api)
    assert tab.fields["contract"].text() == sub["contract_number"]
    assert sub["plan"]["name"] in tab.fields["plan"].text()
    assert tab.decoder.text() == sub["decoder_number"]
    assert tab.auto_renew.isChecked() == sub["auto_renew"]

    plan = next(p for p in api.all_items("/plans") if p["id"] == sub["plan"]["id"])
    channels = {c["id"]: c for c in api.all_items("/channels")}
    included = [channels[i] for i in plan["channel_ids"]]
    assert tab.channels_proxy.rowCount() == len(included)

    category: str = included[-1]["category"]
    qtbot.keyClicks(tab.channel_search, category.upper())
    shown = [
        tab.channels_proxy.index(r, 0).data(OBJECT_ROLE)
        for r in range(tab.channels_proxy.rowCount())
    ]
    assert {c.category for c in shown} == {category}
    assert len(shown) == sum(1 for c in included if c["category"] == category)
    assert tab.channel_count.text() == f"{len(shown)} of {len(included)} channels"
    numbers = [c.number for c in shown]
    assert numbers == sorted(numbers)


def test_decoder_number_is_copied(qtbot: QtBot, signed_in: tuple[AppParts, Api]) -> None:
    parts, _ = signed_in
    tab = tab_of(parts)
    button = tab.findChild(QPushButton, "copyDecoderButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == tab.decoder.text()


def test_auto_renew_switch_changes_the_contract(
    qtbot: QtBot, signed_in: tuple[AppParts, Api]
) -> None:
    parts, api = signed_in
    tab = tab_of(parts)
    before = tab.auto_renew.isChecked()
    qtbot.mouseClick(tab.auto_renew, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.isVisible() and tab.auto_renew.isEnabled(), timeout=15_000)
    assert server_subscription(api)["auto_renew"] is (not before)
    assert tab.auto_renew.isChecked() is (not before)


def test_change_plan_with_preview(qtbot: QtBot, signed_in: tuple[AppParts, Api]) -> None:
    parts, api = signed_in
    tab = tab_of(parts)
    current = server_subscription(api)["plan"]["id"]
    qtbot.mouseClick(tab.change_plan_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(ChangePlanDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.preview_button.isEnabled()  # the current plan is selected: nothing to change

    table = dialog.plans_table
    rows = [table.model().index(r, 0).data(OBJECT_ROLE) for r in range(table.model().rowCount())]
    target_row = next(
        i for i, r in enumerate(rows) if r.plan.id != current and r.price_difference > 0
    )
    target = rows[target_row]
    table.selectRow(target_row)
    assert "channels gained" in dialog.channel_hint.text()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=15_000)
    assert dialog.preview_fields["plan"].text() == target.plan.name
    assert dialog.preview_fields["due_now"].text()

    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)  # a double click sends once
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=15_000)
    assert target.plan.name in dialog.done_text.text()
    assert target.plan.name in tab.message.text()  # the result shows at once in the tab
    qtbot.waitUntil(lambda: target.plan.name in tab.fields["plan"].text(), timeout=15_000)
    assert server_subscription(api)["plan"]["id"] == target.plan.id
    changes = [
        p for p in api.all_items("/payments") if "plan" in str(p.get("description", "")).lower()
    ]
    assert len(changes) <= 1


def test_cancel_then_reactivate(qtbot: QtBot, signed_in: tuple[AppParts, Api]) -> None:
    parts, api = signed_in
    tab = tab_of(parts)
    qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(CancelDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.understood.isEnabled, timeout=15_000)
    assert "ends on" in dialog.consequences.text()
    assert not dialog.confirm_button.isEnabled()  # explicit confirmation first
    dialog.understood.setChecked(True)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(tab.banner.isVisible, timeout=15_000)
    assert server_subscription(api)["status"] == "pending_cancellation"
    assert "registered" in tab.message.text()
    dash = parts.main_window.dashboard
    qtbot.waitUntil(
        lambda: any(
            "Your subscription ends on" in label.text()
            for label in dash.alerts_box.findChildren(QLabel)
        )
    )

    qtbot.mouseClick(tab.reactivate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.banner.isVisible(), timeout=15_000)
    assert server_subscription(api)["status"] == "active"


def test_models_pass_the_qt_model_tester(
    qtmodeltester, qtbot: QtBot, signed_in: tuple[AppParts, Api]
) -> None:
    parts, _ = signed_in
    tab = tab_of(parts)
    qtmodeltester.check(tab.channels)
    qtmodeltester.check(tab.channels_proxy)
    qtbot.mouseClick(tab.change_plan_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(ChangePlanDialog)
    assert dialog is not None
    assert dialog.comparison.rowCount() >= 3  # the real catalog
    qtmodeltester.check(dialog.comparison)
    dialog.reject()


def test_closing_a_dialog_mid_request_is_harmless(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    """The answer of a request arrives after its dialog is gone: no callback into the
    deleted dialog ("Internal C++ object already deleted"), and the session carries on."""
    server = start_sandbox(tmp_path, "--faults", "latency=400ms,seed=2")
    try:
        parts = build(qtbot, server.url, data_dir)
        sign_in(qtbot, parts, *DEMO, timeout=60_000)
        tab = tab_of(parts)
        qtbot.waitUntil(lambda: tab.channels.rowCount() > 0)
        qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)  # asks for a preview
        dialog = tab.findChild(CancelDialog)
        assert dialog is not None
        assert tab._current is not None
        preview = contract.preview_cancellation(tab._current.id)
        assert parts.session.operations.is_running(preview)
        dialog.close()  # deletes itself (WA_DeleteOnClose) while the preview is in flight
        qtbot.waitUntil(lambda: not parts.session.operations.is_running(preview), timeout=10_000)
        qtbot.wait(100)  # the answer's delivery has run
        assert tab.findChild(CancelDialog) is None
        parts.shutdown()
    finally:
        server.stop()
