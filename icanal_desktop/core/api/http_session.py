"""The `requests.Session` one client talks through: its headers, its connection pool, which
certificates it trusts and which proxies it uses (never one for this machine).

`requests` is imported only when a session is made, on a worker thread: importing it took
~0.1 s of the window's start-up on the GUI thread (benchmarks B1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from icanal_desktop import __version__
from icanal_desktop.core.api.transport import is_loopback_host

if TYPE_CHECKING:
    import requests

# Connections kept open to the server: the archive downloads this many PDFs at once, as a
# browser does (six to eight per host); more would only queue at the server.
MAX_CONNECTIONS = 8


def new_http_session(server_url: str, ca_bundle: str | None) -> requests.Session:
    import requests

    http = requests.Session()
    http.headers["User-Agent"] = f"iCanal-Desktop/{__version__}"
    http.headers["Accept"] = "application/json"
    # JSON bodies come gzip-compressed (requests asks for it and decodes it): the bill
    # list with its lines is ~15x smaller on the wire.
    http.headers["Accept-Encoding"] = "gzip, deflate"
    adapter = requests.adapters.HTTPAdapter(
        pool_connections=2, pool_maxsize=MAX_CONNECTIONS + 2, max_retries=0
    )  # retries are the Retrier's: one policy, with idempotency keys
    http.mount("https://", adapter)
    http.mount("http://", adapter)
    # Certificates are always verified; a custom CA bundle replaces the default trust store.
    http.verify = ca_bundle if ca_bundle else True
    # No netrc credentials or CA overrides picked up from the environment; proxies yes
    # (a desktop behind a corporate proxy), but never for this machine.
    http.trust_env = False
    host = urlsplit(server_url).hostname or ""
    if not is_loopback_host(host):
        http.proxies.update(requests.utils.get_environ_proxies(server_url))
    return http
