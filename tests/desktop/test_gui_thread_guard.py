"""The guard of tests/desktop/conftest.py can fail."""

from __future__ import annotations

import contextlib

import requests

from .conftest import APP_USER_AGENT


def test_the_guard_sees_a_request_from_the_gui_thread(
    http_never_on_the_gui_thread: list[str],
) -> None:
    """The guard itself can fail: a request made here, on the main thread, is recorded."""
    session = requests.Session()
    session.headers["User-Agent"] = APP_USER_AGENT
    with contextlib.suppress(requests.RequestException):
        session.get("http://127.0.0.1:9/", timeout=0.5)
    assert http_never_on_the_gui_thread == ["GET /"]
    http_never_on_the_gui_thread.clear()  # this one was on purpose
