"""HTTP client for the Espace Client API (API.md). Pure Python: no Qt here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import requests

from icanal_desktop import __version__
from icanal_desktop.api import records
from icanal_desktop.api.errors import MalformedResponseError, OfflineError
from icanal_desktop.api.problems import error_for
from icanal_desktop.api.transport import check_server_url

API_PREFIX = "/api/v1"


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


class ApiClient:
    """One account's conversation with one server: a requests.Session and its tokens."""

    def __init__(
        self,
        server_url: str,
        *,
        timeouts: Timeouts | None = None,
        ca_bundle: str | None = None,
    ) -> None:
        self.server_url = check_server_url(server_url)
        self._timeouts = timeouts or Timeouts()
        self._http = requests.Session()
        self._http.headers["User-Agent"] = f"iCanal-Desktop/{__version__}"
        self._http.headers["Accept"] = "application/json"
        self._http.verify = ca_bundle if ca_bundle else True
        self._tokens: records.Tokens | None = None

    @property
    def tokens(self) -> records.Tokens | None:
        return self._tokens

    def close(self) -> None:
        self._http.close()

    # -- auth ---------------------------------------------------------------------------
    def login(self, login: str, password: str) -> records.Tokens:
        response = self._send(
            "POST", "/auth/login", json_body={"login": login, "password": password}
        )
        if response.status_code != 200:
            raise error_for(response, signing_in=True)
        self._tokens = records.parse_tokens(self._decode("login", response))
        return self._tokens

    # -- resources ----------------------------------------------------------------------
    def get_profile(self, etag: str | None = None) -> Fetched:
        return self.get_json("profile", "/me", etag)

    def get_subscriptions(self, etag: str | None = None) -> Fetched:
        return self.get_json("subscriptions", "/subscriptions", etag)

    def get_json(self, resource: str, path: str, etag: str | None = None) -> Fetched:
        headers = {"If-None-Match": etag} if etag else {}
        response = self._send("GET", path, headers=headers, authorized=True)
        if response.status_code == 304:
            return Fetched(None, etag)
        if response.status_code != 200:
            raise error_for(response)
        return Fetched(self._decode(resource, response), response.headers.get("ETag"))

    # -- plumbing -----------------------------------------------------------------------
    def _send(
        self,
        method: str,
        path: str,
        *,
        json_body: object = None,
        headers: dict[str, str] | None = None,
        authorized: bool = False,
    ) -> requests.Response:
        all_headers = dict(headers or {})
        if authorized and self._tokens is not None:
            all_headers["Authorization"] = f"Bearer {self._tokens.access_token}"
        try:
            return self._http.request(
                method,
                f"{self.server_url}{API_PREFIX}{path}",
                json=json_body,
                headers=all_headers,
                timeout=(self._timeouts.connect, self._timeouts.read),
            )
        except requests.RequestException as exc:
            # The exception's text can hold the URL but never a header or a body.
            raise OfflineError(f"{self.server_url} unreachable ({type(exc).__name__})") from None

    @staticmethod
    def _decode(resource: str, response: requests.Response) -> object:
        try:
            return json.loads(response.content)
        except (ValueError, UnicodeDecodeError):
            raise MalformedResponseError(resource, "the answer is not valid JSON") from None
