from __future__ import annotations

import pytest

from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.api.transport import check_server_url
from icanal_desktop.core.errors import InsecureTransportError


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8000", "http://localhost:1/", "http://[::1]:8080", "https://icanal.example"],
)
def test_loopback_http_and_any_https_are_allowed(url: str) -> None:
    assert not check_server_url(url).endswith("/")


@pytest.mark.parametrize(
    "url", ["http://icanal.example", "http://192.168.1.10:8000", "ftp://x", "icanal.example"]
)
def test_clear_text_off_this_machine_is_refused(url: str) -> None:
    with pytest.raises(InsecureTransportError):
        ApiClient(url)
