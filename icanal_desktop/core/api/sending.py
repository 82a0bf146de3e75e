"""Sending one request until its answer is final: the state every part of `ApiClient`
shares (the lazily made session, the tokens, the retry policy, the counters) and the loop
that retries what the policy allows, refreshes the tokens once after a 401 and checks a
2xx body before accepting it.

The token refresh itself is the authentication's (auth.py); a request that needs it calls
`_refresh_after_401`, which `ApiClient` gets from there.

Nothing secret is ever logged or put in an exception text: not the Authorization header,
not a password, token, card number or IBAN. Logs name the method, the path and the status.
"""

from __future__ import annotations

import json
import logging
import random
import threading
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from icanal_desktop.core.api.http_session import new_http_session
from icanal_desktop.core.api.problems import error_for, retry_after_seconds
from icanal_desktop.core.api.retry import Clock, Retrier, RetryPolicy, SystemClock
from icanal_desktop.core.api.transport import check_server_url
from icanal_desktop.core.domain import records
from icanal_desktop.core.errors import (
    CertificateError,
    MalformedResponseError,
    OfflineError,
)

if TYPE_CHECKING:
    import requests

API_PREFIX = "/api/v1"

# The client's one logger, under the name its lines always had (log files, filters).
log = logging.getLogger("icanal_desktop.core.api.client")

TokensCallback = Callable[[records.Tokens], None]
Validator = Callable[["requests.Response"], Any]


@dataclass(frozen=True)
class Timeouts:
    connect: float = 5.0
    read: float = 20.0


class Sender:
    """The shared state and the send loop of `ApiClient` (client.py), which is built on it."""

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
                self._session = new_http_session(self.server_url, self._ca_bundle)
            return self._session

    def close(self) -> None:
        """Ends the conversation: a retry wait in another thread stops, and its request
        fails with OfflineError instead of trying again."""
        self._closed.set()
        with self._session_lock:
            if self._session is not None:
                self._session.close()

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
            validate=(lambda r: decode_json(resource, r)) if expect_body else None,
        )
        if not 200 <= response.status_code < 300:
            raise error_for(response, signing_in=signing_in)
        if response.status_code == 204 or not response.content:
            return None
        return decode_json(resource, response)

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
        """Refreshes the tokens a request was refused with: auth.py's `Authentication`."""
        raise NotImplementedError

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


def decode_json(resource: str, response: requests.Response) -> Any:
    try:
        return json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        raise MalformedResponseError(resource, "the answer is not valid JSON") from None
