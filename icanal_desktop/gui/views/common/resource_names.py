"""How the account's resources are called in the window (sync progress, errors)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def resource_title(name: str) -> str:
    titles = {
        "profile": translate("Resources", "your profile"),
        "subscriptions": translate("Resources", "your subscription"),
        "bills": translate("Resources", "bills"),
        "payment_methods": translate("Resources", "payment methods"),
        "payments": translate("Resources", "payments"),
        "plans": translate("Resources", "plans"),
        "channels": translate("Resources", "channels"),
        "tickets": translate("Resources", "support requests"),
        "faq": translate("Resources", "help articles"),
        "contact": translate("Resources", "contact details"),
        "changes": translate("Resources", "what changed"),
        "bill PDFs": translate("Resources", "bill PDFs for offline use"),
        "bill details": translate("Resources", "bill details"),
        "ticket threads": translate("Resources", "support conversations"),
    }
    return titles.get(name, name)
