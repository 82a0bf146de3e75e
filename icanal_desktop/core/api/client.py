"""HTTP client for the Espace Client API (API.md). Pure Python: no Qt here.

One `ApiClient` is one account's conversation with one server: a `requests.Session`, its
tokens, and the retry policy. It is safe to use from several worker threads at once (the
token refresh is serialized so two threads never spend the same refresh token).

Nothing secret is ever logged or put in an exception text: not the Authorization header,
not a password, token, card number or IBAN. Logs name the method, the path and the status.

This module assembles the client from its parts, each in its own module:
- sending.py: the shared state and the send loop (retries, one refresh after a 401);
- http_session.py: the `requests.Session` (headers, pool, trust, proxies);
- auth.py: sign-in, the tokens and their refresh, logout, the password endpoints;
- reads.py: conditional GETs of JSON (`Fetched`);
- downloads.py: PDFs (`FetchedPdf`, `check_pdf`);
- writes.py: changes and their idempotency keys (`new_idempotency_key`).
The names importers know stay importable from here.
"""

from __future__ import annotations

from icanal_desktop.core.api.auth import Authentication
from icanal_desktop.core.api.downloads import Downloads, FetchedPdf, check_pdf
from icanal_desktop.core.api.http_session import MAX_CONNECTIONS
from icanal_desktop.core.api.reads import Fetched, Reads
from icanal_desktop.core.api.sending import API_PREFIX, Timeouts, TokensCallback, Validator
from icanal_desktop.core.api.writes import Writes, new_idempotency_key
from icanal_desktop.core.errors import ApiError, RateLimitedError


class ApiClient(Authentication, Reads, Downloads, Writes):
    """One account's conversation with one server (see the module's docstring)."""


__all__ = [
    "API_PREFIX",
    "MAX_CONNECTIONS",
    "ApiClient",
    "ApiError",
    "Fetched",
    "FetchedPdf",
    "RateLimitedError",
    "Timeouts",
    "TokensCallback",
    "Validator",
    "check_pdf",
    "new_idempotency_key",
]
