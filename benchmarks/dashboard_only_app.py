"""An experiment for B1, not a benchmark: the app started with only its Dashboard tab
real, the five other tabs empty widgets whose modules are never imported. It tells how
much building and importing the tabs lazily (on their first showing) would save.

    python -m benchmarks.lazy_tabs_experiment   # against the app and B1's bare window
"""

from __future__ import annotations

import sys
import types
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

TABS = {
    "bills_tab": "BillsTab",
    "subscription_tab": "SubscriptionTab",
    "payment_methods_tab": "PaymentMethodsTab",
    "support_tab": "SupportTab",
    "profile_tab": "ProfileTab",
}


class EmptyTab(QWidget):
    def __init__(self, *_: Any, **__: Any) -> None:
        super().__init__()
        self.change_password_action = QAction("—", self)  # the Account menu uses it


def main() -> int:
    for module, name in TABS.items():
        stub = types.ModuleType(f"icanal_desktop.views.{module}")
        setattr(stub, name, EmptyTab)
        sys.modules[stub.__name__] = stub
    from icanal_desktop.app import main as app_main

    return app_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
