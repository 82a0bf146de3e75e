"""Binary downloads: a bill's PDF, conditional on the etag of our copy, accepted only
whole (`check_pdf`: its header, its end marker and the announced length), else retried
like any garbled answer to a GET."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from icanal_desktop.core.api.problems import error_for
from icanal_desktop.core.api.sending import Sender
from icanal_desktop.core.errors import MalformedResponseError

if TYPE_CHECKING:
    import requests


@dataclass(frozen=True)
class FetchedPdf:
    """One PDF download: `content` is None on 304."""

    content: bytes | None
    etag: str | None

    @property
    def not_modified(self) -> bool:
        return self.content is None


class Downloads(Sender):
    """The binary GETs of `ApiClient`."""

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
