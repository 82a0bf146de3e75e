"""Start-up fixes found by benchmark B1, kept: what the window's start must not import."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache

from ..conftest import DEMO

ROOT = Path(__file__).resolve().parents[2]


def test_starting_the_window_imports_neither_sqlite_utils_requests_nor_keyring() -> None:
    # sqlite-utils (with click, pluggy and dateutil), requests (urllib3, http.client…) and
    # keyring cost ~0.2 s of every start-up on the GUI thread; the workers import the last
    # two when they first talk to the server or the keyring.
    code = (
        "import sys, icanal_desktop.app, icanal_desktop.gui.session; "
        "print([m for m in ('sqlite_utils', 'requests', 'keyring') if m in sys.modules])"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_window_imports_only_the_tab_it_shows_first() -> None:
    # The five other tabs and what only they use (dialogs, the PDF viewer with QtPdf, the
    # chart with QtCharts) are imported when their tab is first shown; the crash dialog
    # when something crashes.
    lazy = [
        "icanal_desktop.gui.views.subscription.subscription_tab",
        "icanal_desktop.gui.views.billing.bills_tab",
        "icanal_desktop.gui.views.methods.payment_methods_tab",
        "icanal_desktop.gui.views.support.support_tab",
        "icanal_desktop.gui.views.profile.profile_tab",
        "icanal_desktop.gui.views.shell.crash_dialog",
        "PySide6.QtPdf",
        "PySide6.QtCharts",
        "keyring",  # the sign-in dialog asks about the keyring when it shows, not before
    ]
    code = (
        "import sys, time\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from icanal_desktop.app import build_app\n"
        "from pathlib import Path\n"
        "from icanal_desktop.core.config import AppConfig\n"
        "app = QApplication([])\n"
        "config = AppConfig(server_url='http://127.0.0.1:9', data_dir=Path(sys.argv[1]))\n"
        "parts = build_app(config)\n"
        "parts.main_window.show()\n"
        "app.processEvents()\n"
        "while not parts.runner.idle: time.sleep(0.01)\n"  # what workers were asked to do
        "app.processEvents()\n"
        f"print([m for m in {lazy!r} if m in sys.modules])\n"
        "print(parts.main_window.tabs.currentWidget().objectName())\n"
        "parts.shutdown()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as data_dir:
        done = subprocess.run(
            [sys.executable, "-c", code, data_dir],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    assert done.stdout.split("\n")[:2] == ["[]", "dashboardTab"]


def test_the_cache_still_offers_sqlite_utils_on_demand(tmp_path: Path) -> None:
    cache = AccountCache(tmp_path / "account")
    try:
        assert cache.db["bills"].exists()
        assert cache.db is cache.db  # one wrapper over the cache's own connection
    finally:
        cache.close()


def test_a_client_made_on_the_gui_thread_talks_from_a_worker(sandbox) -> None:
    # The client is made when an account opens, its requests.Session by the first request.
    client = ApiClient(sandbox.url)
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(client.login(*DEMO)))
    worker.start()
    worker.join(30)
    assert result
    assert client.get_profile().data["email"] == DEMO[0]
    client.close()
    closed = ApiClient(sandbox.url)
    closed.close()  # never used: nothing to close, no error
