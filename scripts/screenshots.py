"""Grabs the sign-in dialog and every tab of the main window, signed in to the demo account.

    .venv/bin/python scripts/screenshots.py --lang fr --out docs/screenshots/fr

Runs offscreen (no display needed) against the embedded sandbox, through the real dialog.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from icanal_desktop.app import DEMO_LOGIN, build_app, install_translations
from icanal_desktop.core.config import AppConfig
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.views.billing.bill_detail import BillDetailPane
from icanal_desktop.gui.views.common.theme import apply_theme
from icanal_desktop.gui.views.shell.main_window import MainWindow
from icanal_sandbox.embedded import start_embedded


def spin(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition: Callable[[], bool], timeout_ms: int = 15_000) -> None:
    waited = 0
    while not condition() and waited < timeout_ms:
        spin(50)
        waited += 50
    if not condition():
        sys.exit("timed out waiting for the window")


def save(widget: QWidget, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(path))
    print(f"saved {path}")


def grab_bills(window: MainWindow, out: Path) -> None:
    """The Bills tab's sub-tabs, a bill's PDF and its dialogs."""
    tab = window.bills
    window.tabs.setCurrentWidget(tab)
    wait_for(lambda: tab.model.rowCount() > 0)
    tab.detail.tabs.setCurrentIndex(BillDetailPane.PDF)
    wait_for(lambda: tab.detail.pdf.has_pdf)
    spin(800)  # QPdfView renders asynchronously
    save(window, out / "bills-pdf.png")
    tab.detail.tabs.setCurrentIndex(BillDetailPane.DETAILS)
    for index in (1, 2):
        tab.sub_tabs.setCurrentIndex(index)
        spin(300)
        save(window, out / f"bills-{('payments', 'spending')[index - 1]}.png")
    tab.sub_tabs.setCurrentIndex(0)
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("overdue"))
    spin(300)
    save(window, out / "bills-overdue.png")
    tab.detail.pay_button.click()
    wait_for(lambda: tab.pay_dialog is not None and tab.pay_dialog.isVisible())
    spin(200)
    assert tab.pay_dialog is not None
    save(tab.pay_dialog, out / "pay-bill-dialog.png")
    tab.pay_dialog.pay_button.click()
    wait_for(lambda: tab.pay_dialog is not None and tab.pay_dialog.payment is not None)
    spin(200)
    save(tab.pay_dialog, out / "pay-bill-receipt.png")
    tab.pay_dialog.close()
    tab.status_filter.setCurrentIndex(0)
    spin(300)
    tab.detail.report_button.click()
    spin(200)
    assert tab.ticket_dialog is not None
    save(tab.ticket_dialog, out / "new-ticket-dialog.png")
    tab.ticket_dialog.close()


def grab_account_tabs(window: MainWindow, out: Path) -> None:
    """Payment methods with the add dialog's three pages (with their errors), support's
    sections and the chat, the profile and the change password dialog."""
    methods = window.payment_methods
    window.tabs.setCurrentWidget(methods)
    wait_for(lambda: methods.model.rowCount() > 0)
    spin(300)
    save(window, out / "payment-methods.png")
    for kind, name in (("card", "card"), ("sepa_debit", "sepa"), ("mobile_money", "mobile-money")):
        dialog = methods.open_add_dialog(kind)
        spin(200)
        if kind == "card":  # bad input on purpose: the errors show next to the fields
            dialog.card_number.setText("4242 4242 4242 4241")
            dialog.card_expiry.setText("01/20")
            dialog.card_cvc.setText("12")
            dialog.submit()
        elif kind == "sepa_debit":
            dialog.iban.setText("FR76 3000 6000 0112 3456 7890")
            dialog.submit()
        spin(200)
        save(dialog, out / f"add-{name}-dialog.png")
        dialog.reject()
    support = window.support
    window.tabs.setCurrentWidget(support)
    wait_for(lambda: support.faq.rowCount() > 0)
    spin(300)
    save(window, out / "support-help.png")
    support.sections.setCurrentIndex(1)
    wait_for(lambda: support.tickets.rowCount() > 0)
    support.tickets_table.selectRow(0)
    spin(500)
    save(window, out / "support-requests.png")
    support.sections.setCurrentWidget(support.chat)
    support.chat.input.setText("Comment payer ma facture ?")
    support.chat.send()
    wait_for(lambda: support.chat.conversation is not None and not support.chat.pending)
    spin(300)
    save(window, out / "support-chat.png")
    support.sections.setCurrentIndex(3)
    spin(200)
    save(window, out / "support-contact.png")
    profile = window.profile
    window.tabs.setCurrentWidget(profile)
    wait_for(lambda: profile.profile is not None)
    spin(300)
    save(window, out / "profile.png")
    password = profile.open_password_dialog()
    password.new_edit.setText("Abcdefgh12")
    spin(200)
    save(password, out / "change-password-dialog.png")
    password.reject()


def grab_help(window: MainWindow, out: Path) -> None:
    """Help → About, and the crash dialog an unexpected error would show."""
    from PySide6.QtGui import QAction

    from icanal_desktop.gui.views.shell.about_dialog import AboutDialog
    from icanal_desktop.gui.views.shell.crash_dialog import CrashDialog
    from icanal_desktop.gui.views.shell.crash_reporter import describe

    about_action = window.findChild(QAction, "aboutAction")
    assert about_action is not None
    about_action.trigger()
    about = window.findChild(AboutDialog, "aboutDialog")
    assert about is not None
    spin(300)
    save(about, out / "about-dialog.png")
    about.close()
    try:
        raise RuntimeError("example of an unexpected error")
    except RuntimeError as exc:
        details = describe(type(exc), exc, exc.__traceback__)
    crash = CrashDialog(Path("~/.local/state/iCanal Desktop/log/icanal-desktop.log"), details)
    crash.show()
    spin(300)
    save(crash, out / "crash-dialog.png")
    crash.close()


def grab_subscription(window: MainWindow, session: Session, out: Path) -> None:
    """The contract tab, the plan comparison and its preview, and the cancellation screen."""
    from icanal_desktop.gui.views.shell.forgot_password_dialog import ForgotPasswordDialog
    from icanal_desktop.gui.views.subscription.cancel_dialog import CancelDialog
    from icanal_desktop.gui.views.subscription.change_plan_dialog import ChangePlanDialog

    tab = window.subscription
    window.tabs.setCurrentWidget(tab)
    spin(200)
    tab.change_plan_button.click()
    change = tab.findChild(ChangePlanDialog)
    assert change is not None
    spin(300)
    model = change.plans_table.model()
    pricier = next(r for r in range(model.rowCount()) if model.index(r, 2).data().startswith("+"))
    change.plans_table.selectRow(pricier)
    spin(200)
    save(change, out / "change-plan-compare.png")
    change.preview_button.click()
    wait_for(lambda: change.pages.currentIndex() == 1)
    spin(200)
    save(change, out / "change-plan-preview.png")
    change.reject()
    tab.cancel_button.click()
    cancel = tab.findChild(CancelDialog)
    assert cancel is not None
    wait_for(cancel.understood.isEnabled)
    spin(200)
    save(cancel, out / "cancel-dialog.png")
    cancel.reject()
    forgot = ForgotPasswordDialog(session, "demo@icanal.example", window)
    forgot.show()
    spin(200)
    save(forgot, out / "forgot-password-dialog.png")
    forgot.reject()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", choices=("fr", "en"), default="en")
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--theme", choices=("system", "light", "dark"), default="system")
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])
    install_translations(app, args.lang)
    apply_theme(app, args.theme)
    with tempfile.TemporaryDirectory() as folder:
        server = start_embedded(Path(folder) / "sandbox.sqlite3", seed="demo")
        config = AppConfig(server_url=server.url, data_dir=Path(folder) / "data", demo=True)
        parts = build_app(config, prefill=DEMO_LOGIN)
        dialog = parts.sign_in_dialog
        dialog.show()
        spin(300)
        save(dialog, args.out / "sign-in.png")
        dialog.sign_in_button.click()
        window = parts.main_window
        wait_for(lambda: window.isVisible() and not parts.session.busy)
        spin(300)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)  # built now (lazily): its data follows
            spin(600)
            tab = window.tabs.widget(index)
            assert tab is not None
            name = tab.objectName().removesuffix("Tab")
            save(window, args.out / f"{index}-{name}.png")
        grab_subscription(window, parts.session, args.out)
        grab_bills(window, args.out)
        grab_account_tabs(window, args.out)
        grab_help(window, args.out)
        parts.shutdown()
        server.stop()


if __name__ == "__main__":
    main()
