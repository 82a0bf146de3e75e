"""HTTP client for the Espace Client API (API.md). Pure Python: no Qt here.

One `ApiClient` is one account's conversation with one server: a `requests.Session`, its
tokens, and the retry policy. It is safe to use from several worker threads at once (the
token refresh is serialized so two threads never spend the same refresh token).

Nothing secret is ever logged or put in an exception text: not the Authorization header,
not a password, token, card number or IBAN. Logs name the method, the path and the status.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from icanal_desktop import __version__
from icanal_desktop.core.api.problems import error_for, retry_after_seconds
from icanal_desktop.core.api.retry import (
    IDEMPOTENCY_HEADER,
    Clock,
    Retrier,
    RetryPolicy,
    SystemClock,
)
from icanal_desktop.core.api.transport import check_server_url, is_loopback_host
from icanal_desktop.core.domain import records
from icanal_desktop.core.errors import (
    ApiError,
    CertificateError,
    MalformedResponseError,
    OfflineError,
    RateLimitedError,
    SessionExpiredError,
)

if TYPE_CHECKING:
    import requests

API_PREFIX = "/api/v1"
# Connections kept open to the server: the archive downloads this many PDFs at once, as a
# browser does (six to eight per host); more would only queue at the server.
MAX_CONNECTIONS = 8

log = logging.getLogger(__name__)

TokensCallback = Callable[[records.Tokens], None]
Validator = Callable[["requests.Response"], Any]


@dataclass(frozen=True)
class Timeouts:
    connect: float = 5.0
    read: float = 20.0


@dataclass(frozen=True)
class Fetched:
    """One GET: `data` is None when the server answered 304 (our copy is current)."""

    data: Any
    etag: str | None

    @property
    def not_modified(self) -> bool:
        return self.data is None


@dataclass(frozen=True)
class FetchedPdf:
    """One PDF download: `content` is None on 304."""

    content: bytes | None
    etag: str | None

    @property
    def not_modified(self) -> bool:
        return self.content is None


def new_idempotency_key() -> str:
    """One key per user action; every retry of that action sends the same key."""
    return str(uuid.uuid4())


class ApiClient:
    def __init__(
        self,
        server_url: str,
        *,
        timeouts: Timeouts | None = None,
        ca_bundle: str | None = None,
        retry: RetryPolicy | None = None,
        clock: Clock | None = None,
        rand: Callable[[], float] | None = None,
        on_tokens_rotated: TokensCallback | None = None,
    ) -> None:
        self.server_url = check_server_url(server_url)
        self._timeouts = timeouts or Timeouts()
        self._ca_bundle = ca_bundle
        # The requests.Session is made by the first request, on a worker thread: importing
        # requests took ~0.1 s of the window's start-up on the GUI thread (benchmarks B1).
        self._session: requests.Session | None = None
        self._session_lock = threading.Lock()
        self.retry_policy = retry or RetryPolicy()
        self._closed = threading.Event()
        # Waits between retries end at once when the client is closed (the app quits).
        self._clock: Clock = clock or _ClosableClock(self._closed)
        self._rand = rand or random.random
        self._tokens: records.Tokens | None = None
        self._token_lock = threading.Lock()
        # Called (on the calling thread) every time the server rotates the refresh token,
        # so that a remembered token is replaced at once: the old one is dead.
        self.on_tokens_rotated = on_tokens_rotated
        # Every HTTP answer's status, retries included: what a sync really cost; and every
        # request that left, by (method, path), answered or not.
        self.statuses: Counter[int] = Counter()
        self.attempts: Counter[tuple[str, str]] = Counter()

    @property
    def tokens(self) -> records.Tokens | None:
        return self._tokens

    @property
    def signed_in(self) -> bool:
        return self._tokens is not None

    @property
    def _http(self) -> requests.Session:
        with self._session_lock:
            if self._session is None:
                self._session = self._new_session()
            return self._session

    def _new_session(self) -> requests.Session:
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
        http.verify = self._ca_bundle if self._ca_bundle else True
        # No netrc credentials or CA overrides picked up from the environment; proxies yes
        # (a desktop behind a corporate proxy), but never for this machine.
        http.trust_env = False
        host = urlsplit(self.server_url).hostname or ""
        if not is_loopback_host(host):
            http.proxies.update(requests.utils.get_environ_proxies(self.server_url))
        return http

    def close(self) -> None:
        """Ends the conversation: a retry wait in another thread stops, and its request
        fails with OfflineError instead of trying again."""
        self._closed.set()
        with self._session_lock:
            if self._session is not None:
                self._session.close()

    # -- auth ---------------------------------------------------------------------------
    def login(self, login: str, password: str) -> records.Tokens:
        data = self._call(
            "POST",
            "/auth/login",
            "login",
            json_body={"login": login, "password": password},
            signing_in=True,
        )
        self._tokens = records.parse_tokens(data)
        return self._tokens

    def restore(self, refresh_token: str) -> records.Tokens:
        """Signs in again with a remembered refresh token (rotated: save the new one)."""
        with self._token_lock:
            return self._refresh_locked(refresh_token)

    def refresh(self) -> records.Tokens:
        with self._token_lock:
            if self._tokens is None:
                raise SessionExpiredError("not signed in")
            return self._refresh_locked(self._tokens.refresh_token)

    def _refresh_locked(self, refresh_token: str) -> records.Tokens:
        # Never retried: a refresh whose answer was lost already spent the token, and
        # sending it again would look like theft to the server (reuse revokes the family).
        response = self._send_with_retries(
            "POST", "/auth/refresh", json_body={"refresh_token": refresh_token}, retry=False
        )
        if response.status_code == 401:
            self._tokens = None
            raise SessionExpiredError("the session has expired: sign in again")
        if response.status_code != 200:
            raise error_for(response)
        tokens = records.parse_tokens(_decode_json("refresh", response))
        self._tokens = tokens
        log.info("tokens refreshed for account %s", tokens.account_id)
        if self.on_tokens_rotated is not None:
            self.on_tokens_rotated(tokens)
        return tokens

    def logout(self) -> None:
        """Revokes the session on the server; the local tokens are dropped in any case."""
        try:
            if self._tokens is not None:
                self._call("POST", "/auth/logout", "logout", expect_body=False, refresh=False)
        except (SessionExpiredError, OfflineError):
            pass  # already dead, or the server will let it expire: forget it locally anyway
        finally:
            self._tokens = None

    def request_password_reset(self, email: str) -> None:
        self._call(
            "POST",
            "/auth/password-reset",
            "password reset",
            json_body={"email": email},
            authorized=False,
            expect_body=False,
        )

    def confirm_password_reset(self, email: str, code: str, new_password: str) -> None:
        self._call(
            "POST",
            "/auth/password-reset/confirm",
            "password reset",
            json_body={"email": email, "code": code, "new_password": new_password},
            authorized=False,
            expect_body=False,
        )

    def change_password(self, current_password: str, new_password: str) -> None:
        self._call(
            "POST",
            "/auth/password",
            "password change",
            json_body={"current_password": current_password, "new_password": new_password},
            expect_body=False,
        )

    # -- reads ----------------------------------------------------------------------------
    def get_profile(self, etag: str | None = None) -> Fetched:
        return self.get_json("profile", "/me", etag)

    def get_subscriptions(self, etag: str | None = None) -> Fetched:
        return self.get_json("subscriptions", "/subscriptions", etag)

    def get_json(
        self,
        resource: str,
        path: str,
        etag: str | None = None,
        params: Mapping[str, str | int] | None = None,
    ) -> Fetched:
        """A conditional GET: `Fetched(None, etag)` when our copy (that etag) is current."""
        headers = {"If-None-Match": etag} if etag else {}
        response = self._send_with_retries(
            "GET",
            path,
            headers=headers,
            params=params,
            authorized=True,
            validate=lambda r: _decode_json(resource, r),
        )
        if response.status_code == 304:
            return Fetched(None, etag)
        if response.status_code != 200:
            raise error_for(response)
        return Fetched(_decode_json(resource, response), response.headers.get("ETag"))

    def get_pdf(self, resource: str, path: str, etag: str | None = None) -> FetchedPdf:
        headers = {"If-None-Match": etag} if etag else {}
        headers["Accept"] = "application/pdf"
        response = self._send_with_retries(
            "GET",
            path,
            headers=headers,
            authorized=True,
            validate=lambda r: check_pdf(resource, r),
        )
        if response.status_code == 304:
            return FetchedPdf(None, etag)
        if response.status_code != 200:
            raise error_for(response)
        return FetchedPdf(check_pdf(resource, response), response.headers.get("ETag"))

    # -- writes ---------------------------------------------------------------------------
    def send_json(
        self,
        method: str,
        path: str,
        resource: str,
        body: object = None,
        *,
        idempotency_key: str | None = None,
    ) -> Any:
        """A change; returns the decoded JSON answer (None for 204).

        With an `idempotency_key` the request may be retried (same key every time); without
        one, a POST/PATCH/DELETE is sent once, whatever happens.
        """
        headers = {IDEMPOTENCY_HEADER: idempotency_key} if idempotency_key else {}
        return self._call(method, path, resource, json_body=body, headers=headers)

    # -- plumbing -----------------------------------------------------------------------
    def _call(
        self,
        method: str,
        path: str,
        resource: str,
        *,
        json_body: object = None,
        headers: dict[str, str] | None = None,
        authorized: bool = True,
        signing_in: bool = False,
        expect_body: bool = True,
        refresh: bool = True,
    ) -> Any:
        response = self._send_with_retries(
            method,
            path,
            json_body=json_body,
            headers=headers,
            authorized=authorized and not signing_in,
            refresh=refresh,
            validate=(lambda r: _decode_json(resource, r)) if expect_body else None,
        )
        if not 200 <= response.status_code < 300:
            raise error_for(response, signing_in=signing_in)
        if response.status_code == 204 or not response.content:
            return None
        return _decode_json(resource, response)

    def _send_with_retries(
        self,
        method: str,
        path: str,
        *,
        json_body: object = None,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str | int] | None = None,
        authorized: bool = False,
        refresh: bool = True,
        retry: bool = True,
        validate: Validator | None = None,
    ) -> requests.Response:
        """Sends until an answer is final: retries what the policy allows, refreshes once."""
        headers = dict(headers or {})
        may_repeat = retry and self.retry_policy.may_repeat(method, headers)
        retrier = Retrier(self.retry_policy, self._clock, self._rand)
        refreshed = False
        while True:
            if self._closed.is_set() and retrier.attempt:
                raise OfflineError("the connection was closed")
            used_token = self._tokens.access_token if authorized and self._tokens else None
            try:
                response = self._send_once(method, path, json_body, headers, params, used_token)
            except OfflineError:
                if may_repeat and retrier.wait_before_retry():
                    continue
                raise
            status = response.status_code
            if status == 401 and used_token is not None and refresh and not refreshed:
                refreshed = True
                self._refresh_after_401(used_token)
                continue
            if self.retry_policy.retryable_status(status):
                wait = retry_after_seconds(response)
                if may_repeat and retrier.wait_before_retry(wait):
                    continue
                if status == 429:
                    raise error_for(response)
                return response
            if 200 <= status < 300 and validate is not None and status != 204:
                try:
                    validate(response)
                except MalformedResponseError:
                    # A garbled answer to a repeatable request: ask again before giving up.
                    if may_repeat and retrier.wait_before_retry():
                        continue
                    raise
            return response

    def _refresh_after_401(self, used_token: str) -> None:
        with self._token_lock:
            current = self._tokens
            if current is None:
                raise SessionExpiredError("the session has expired: sign in again")
            if current.access_token != used_token:
                return  # another thread refreshed meanwhile: just retry with the new token
            self._refresh_locked(current.refresh_token)

    def _send_once(
        self,
        method: str,
        path: str,
        json_body: object,
        headers: Mapping[str, str],
        params: Mapping[str, str | int] | None,
        access_token: str | None,
    ) -> requests.Response:
        import requests

        all_headers = dict(headers)
        if access_token is not None:
            all_headers["Authorization"] = f"Bearer {access_token}"
        self.attempts[(method, path)] += 1
        try:
            response = self._http.request(
                method,
                f"{self.server_url}{API_PREFIX}{path}",
                json=json_body,
                headers=all_headers,
                params=params,
                timeout=(self._timeouts.connect, self._timeouts.read),
            )
        except requests.exceptions.SSLError:
            raise CertificateError(f"the certificate of {self.server_url} is not trusted") from None
        except requests.RequestException as exc:
            # The text names the server and the kind of failure, never a header or a body.
            log.info("%s %s failed: %s", method, path, type(exc).__name__)
            raise OfflineError(f"{self.server_url} unreachable ({type(exc).__name__})") from None
        log.debug("%s %s -> %s", method, path, response.status_code)
        self.statuses[response.status_code] += 1
        return response


class _ClosableClock(SystemClock):
    def __init__(self, closed: threading.Event) -> None:
        self._closed = closed

    def sleep(self, seconds: float) -> None:
        self._closed.wait(seconds)


def _decode_json(resource: str, response: requests.Response) -> Any:
    try:
        return json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        raise MalformedResponseError(resource, "the answer is not valid JSON") from None


def check_pdf(resource: str, response: requests.Response) -> bytes:
    """A whole PDF or a MalformedResponseError: header, end marker and announced length."""
    content = response.content
    announced = response.headers.get("Content-Length")
    encoded = response.headers.get("Content-Encoding", "identity") != "identity"
    if announced and announced.isdigit() and not encoded and int(announced) != len(content):
        raise MalformedResponseError(resource, "the PDF is shorter than announced")
    if not content.startswith(b"%PDF-"):
        raise MalformedResponseError(resource, "not a PDF document")
    if not content.rstrip(b"\r\n\t \x00").endswith(b"%%EOF"):
        raise MalformedResponseError(resource, "the PDF is truncated")
    return content


__all__ = [
    "ApiClient",
    "ApiError",
    "Fetched",
    "FetchedPdf",
    "RateLimitedError",
    "Timeouts",
    "check_pdf",
    "new_idempotency_key",
]
