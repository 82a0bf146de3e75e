"""ASGI layers that apply API.md's rules to every route at once.

Outermost first: per-address rate limit, refusal of tokens in the URL, body size limit,
ETag/304 and gzip on GETs, and a guard that turns any escaped exception into a problem
document.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
from urllib.parse import parse_qsl

from icanal_sandbox.faults import ASGIApp, Message, Receive, Scope, Send
from icanal_sandbox.problems import problem_body
from icanal_sandbox.ratelimit import RateLimiter

log = logging.getLogger("icanal_sandbox")

# Below this, gzip's header and the work cost more than the bytes saved.
GZIP_MIN_BYTES = 1024
TOKEN_QUERY_NAMES = frozenset(
    {"access_token", "token", "bearer", "authorization", "auth", "refresh_token", "api_key"}
)


async def send_problem(
    send: Send,
    status: int,
    slug: str,
    detail: str,
    headers: list[tuple[bytes, bytes]] | None = None,
) -> None:
    body = problem_body(status, slug, detail)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body, "more_body": False})


class AddressRateLimit:
    def __init__(self, app: ASGIApp, limiter: RateLimiter) -> None:
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            client = scope.get("client") or ("unknown", 0)
            wait = self.limiter.hit(str(client[0]))
            if wait:
                await send_problem(
                    send,
                    429,
                    "rate-limited",
                    "Too many requests from this address; try again later.",
                    [(b"retry-after", str(wait).encode())],
                )
                return
        await self.app(scope, receive, send)


class QueryTokenGuard:
    """Credentials in a URL end up in logs and histories: refuse them outright."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            query = bytes(scope["query_string"]).decode("latin-1")
            names = {name.lower() for name, _ in parse_qsl(query, keep_blank_values=True)}
            if names & TOKEN_QUERY_NAMES:
                await send_problem(
                    send,
                    400,
                    "token-in-query",
                    "Credentials are never accepted in the URL; use the Authorization header.",
                )
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """Reads the body up front (bounded) so an oversized one is a clean 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def reject() -> None:
            detail = f"The body exceeds {self.max_bytes} bytes."
            await send_problem(send, 413, "payload-too-large", detail)

        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.max_bytes:
                    await reject()
                    return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = bytes(message.get("body", b""))
            size += len(chunk)
            if size > self.max_bytes:
                await reject()
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _etag_matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    bare = etag.removeprefix("W/")
    return any(part.strip().removeprefix("W/") == bare for part in header.split(","))


def accepts_gzip(header: str) -> bool:
    """Whether an Accept-Encoding header accepts gzip (`gzip;q=0` refuses it)."""
    named: float | None = None
    wildcard: float | None = None
    for part in header.split(","):
        name, _, params = part.partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value.strip())
                except ValueError:
                    quality = 0.0
        coding = name.strip().lower()
        if coding in ("gzip", "x-gzip"):
            named = quality
        elif coding == "*":
            wildcard = quality
    if named is not None:
        return named > 0
    return wildcard is not None and wildcard > 0


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    return next((v for k, v in headers if k.lower() == name), None)


class ETagMiddleware:
    """Every successful GET gets an ETag; a matching If-None-Match gets a 304.

    A JSON body of GZIP_MIN_BYTES or more goes out gzip-compressed to a client that accepts
    it. That representation's ETag is the identity one made weak (W/): its bytes differ,
    so a strong ETag would be a lie, and If-None-Match is compared weakly, so either form
    of the ETag gets a 304 whichever encoding the client asks for. PDFs are never
    compressed (they already are, and the fault injector truncates them as they are).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        captured: list[Message] = []

        async def capture(message: Message) -> None:
            captured.append(message)

        await self.app(scope, receive, capture)
        start = next((m for m in captured if m["type"] == "http.response.start"), None)
        if start is None:
            return
        if start["status"] != 200:
            for message in captured:
                await send(message)
            return
        body = b"".join(m.get("body", b"") for m in captured if m["type"] == "http.response.body")
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        etag_header = _header(headers, b"etag")
        etag = etag_header.decode() if etag_header is not None else None
        if etag is None:
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        request_headers = dict(scope.get("headers", []))
        compress = False
        if b"json" in (_header(headers, b"content-type") or b"") and (
            _header(headers, b"content-encoding") is None
        ):
            vary = _header(headers, b"vary")
            if vary is None or b"accept-encoding" not in vary.lower():
                headers = [(k, v) for k, v in headers if k.lower() != b"vary"]
                headers.append((b"vary", (vary + b", " if vary else b"") + b"Accept-Encoding"))
            accept = request_headers.get(b"accept-encoding", b"").decode("latin-1")
            compress = len(body) >= GZIP_MIN_BYTES and accepts_gzip(accept)
        if compress and not etag.startswith("W/"):
            etag = "W/" + etag
        headers = [(k, v) for k, v in headers if k.lower() != b"etag"]
        headers.append((b"etag", etag.encode()))
        if not any(k.lower() == b"cache-control" for k, _ in headers):
            headers.append((b"cache-control", b"private, no-cache"))
        if_none_match = request_headers.get(b"if-none-match")
        if if_none_match is not None and _etag_matches(if_none_match.decode("latin-1"), etag):
            kept = [
                (k, v)
                for k, v in headers
                if k.lower() in (b"etag", b"cache-control", b"vary", b"date")
            ]
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            return
        if compress:
            # mtime=0: the same body compresses to the same bytes on every request.
            body = gzip.compress(body, compresslevel=6, mtime=0)
            headers.append((b"content-encoding", b"gzip"))
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body, "more_body": False})


class CrashGuard:
    """Last line: an exception that escaped the app becomes a 500 problem, never a trace."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception:
            if scope["type"] != "http":
                raise
            # FastAPI already answered with its handler and re-raised: nothing more to say.
            if not started:
                log.exception("unhandled error")
                await send_problem(send, 500, "internal-error", "Something went wrong on our side.")
