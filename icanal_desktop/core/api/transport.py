"""Where the client may send credentials: HTTPS anywhere, plain HTTP only to this machine."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from icanal_desktop.core.errors import InsecureTransportError


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_server_url(url: str) -> str:
    """Returns the URL without a trailing slash, or raises InsecureTransportError."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise InsecureTransportError(f"not a server address: {url!r}")
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise InsecureTransportError(
            f"refusing plain http:// to {parts.hostname}: only https:// is allowed off this machine"
        )
    return url.rstrip("/")
