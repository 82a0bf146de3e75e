"""Window tests: the app's HTTP requests must never run on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from icanal_desktop import __version__

APP_USER_AGENT = f"iCanal-Desktop/{__version__}"


@pytest.fixture(autouse=True)
def http_never_on_the_gui_thread(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Records every request the app sends (recognised by its User-Agent; the tests' own
    checks with plain `requests` are not the app) and fails the test if one left from the
    GUI thread — the thread that runs the Qt event loop, i.e. the main thread here."""
    on_gui_thread: list[str] = []
    sent = 0
    original = requests.Session.send

    def send(self: requests.Session, request: requests.PreparedRequest, **kwargs: Any) -> Any:
        nonlocal sent
        if request.headers.get("User-Agent") == APP_USER_AGENT:
            sent += 1
            if threading.current_thread() is threading.main_thread():
                on_gui_thread.append(f"{request.method} {request.path_url}")
        return original(self, request, **kwargs)

    monkeypatch.setattr(requests.Session, "send", send)
    yield on_gui_thread
    assert on_gui_thread == [], "HTTP requests sent from the GUI thread"
