"""Conditional GETs of JSON resources: `If-None-Match` with the etag of our copy, and
`Fetched`, whose `data` is None when the server answered 304 (our copy is current). The
page walk and the changes feed (core/sync) are built on `get_json`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from icanal_desktop.core.api.problems import error_for
from icanal_desktop.core.api.sending import Sender, decode_json


@dataclass(frozen=True)
class Fetched:
    """One GET: `data` is None when the server answered 304 (our copy is current)."""

    data: Any
    etag: str | None

    @property
    def not_modified(self) -> bool:
        return self.data is None


class Reads(Sender):
    """The JSON reads of `ApiClient`."""

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
            validate=lambda r: decode_json(resource, r),
        )
        if response.status_code == 304:
            return Fetched(None, etag)
        if response.status_code != 200:
            raise error_for(response)
        return Fetched(decode_json(resource, response), response.headers.get("ETag"))
