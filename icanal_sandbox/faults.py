"""Fault injection, set at start-up and reproducible by seed; never on by default.

`--faults latency=300ms,error_rate=0.2,drop_rate=0.05,malformed_rate=0.02,
truncate_pdf_rate=0.1,seed=7` adds latency to every request, answers a share of them
with a 503 problem (the handler never runs), drops the connection of a share *after* the
handler ran (the client never sees a response that did happen: what idempotency keys are
for), corrupts a share of JSON bodies and truncates a share of PDFs. `hold_idempotent=1s`
keeps an idempotent request in flight after it claimed its key (to show the 409).
The sandbox's own routes (`/api/v1/sandbox/...`) are exempt, so tests can observe.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DROP_EXTENSION = "icanal.drop_connection"
EXEMPT_PREFIX = "/api/v1/sandbox/"


@dataclass(frozen=True)
class FaultConfig:
    latency_ms: int = 0
    error_rate: float = 0.0
    drop_rate: float = 0.0
    malformed_rate: float = 0.0
    truncate_pdf_rate: float = 0.0
    hold_idempotent_ms: int = 0
    seed: int | None = None

    @property
    def active(self) -> bool:
        return bool(
            self.latency_ms
            or self.error_rate
            or self.drop_rate
            or self.malformed_rate
            or self.truncate_pdf_rate
        )


_DURATION = re.compile(r"^(\d+(?:\.\d+)?)(ms|s)?$")
_RATES = ("error_rate", "drop_rate", "malformed_rate", "truncate_pdf_rate")


def _parse_ms(name: str, text: str) -> int:
    match = _DURATION.match(text.strip())
    if not match:
        raise ValueError(f"{name}: expected a duration like 300ms or 1.5s, got {text!r}")
    value = float(match.group(1))
    return int(value * 1000) if match.group(2) == "s" else int(value)


def parse_faults(spec: str) -> FaultConfig:
    """Parse `name=value,...`; raises ValueError with a readable message."""
    values: dict[str, Any] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        name, sep, text = part.partition("=")
        name = name.strip()
        if not sep:
            raise ValueError(f"{part!r}: expected name=value")
        if name == "latency":
            values["latency_ms"] = _parse_ms(name, text)
        elif name == "hold_idempotent":
            values["hold_idempotent_ms"] = _parse_ms(name, text)
        elif name in _RATES:
            rate = float(text)
            if not 0.0 <= rate <= 1.0:
                raise ValueError(f"{name}: a rate is between 0 and 1, got {text!r}")
            values[name] = rate
        elif name == "seed":
            values["seed"] = int(text)
        else:
            raise ValueError(f"unknown fault {name!r}")
    return FaultConfig(**values)


class FaultInjector:
    """ASGI middleware applying a FaultConfig; the draws come from one seeded generator."""

    def __init__(self, app: ASGIApp, config: FaultConfig) -> None:
        self.app = app
        self.config = config
        self._rng = random.Random(config.seed)  # noqa: S311 - reproducible chaos, not secrets
        self._lock = threading.Lock()

    def _draws(self) -> tuple[float, float, float, float]:
        with self._lock:
            return (
                self._rng.random(),
                self._rng.random(),
                self._rng.random(),
                self._rng.random(),
            )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or not self.config.active
            or str(scope["path"]).startswith(EXEMPT_PREFIX)
        ):
            await self.app(scope, receive, send)
            return
        error, drop, malformed, truncate = self._draws()
        if self.config.latency_ms:
            await asyncio.sleep(self.config.latency_ms / 1000)
        if error < self.config.error_rate:
            await _send_503(send)
            return
        captured: list[Message] = []

        async def capture(message: Message) -> None:
            captured.append(message)

        await self.app(scope, receive, capture)
        if drop < self.config.drop_rate:
            await _drop(scope, send, captured)
            return
        start = next((m for m in captured if m["type"] == "http.response.start"), None)
        if start is None:
            return
        body = b"".join(m.get("body", b"") for m in captured if m["type"] == "http.response.body")
        content_type = _header(start, b"content-type")
        if malformed < self.config.malformed_rate and b"json" in content_type and body:
            body = _corrupt_json(body)
        elif truncate < self.config.truncate_pdf_rate and content_type == b"application/pdf":
            body = body[: max(1, len(body) // 2)]
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": start["status"], "headers": headers})
        await send({"type": "http.response.body", "body": body, "more_body": False})


def _header(start: Message, name: bytes) -> bytes:
    for key, value in start.get("headers", []):
        if key.lower() == name:
            return bytes(value).split(b";")[0].strip()
    return b""


def _corrupt_json(body: bytes) -> bytes:
    # Cut the document inside its first value: valid UTF-8, invalid JSON, same media type.
    cut = max(1, len(body) // 2)
    broken = body[:cut] + b'"\x7f,,}'
    try:
        json.loads(broken)
    except ValueError:
        return broken
    return b"{" + broken  # pragma: no cover - defensive


async def _send_503(send: Send) -> None:
    body = json.dumps(
        {
            "type": "https://api.icanal.example/problems/service-unavailable",
            "title": "Service unavailable",
            "status": 503,
            "detail": "Injected fault: the server is temporarily unavailable.",
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 503,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", b"1"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def _drop(scope: Scope, send: Send, captured: list[Message]) -> None:
    drop: Callable[[], None] | None = scope.get("extensions", {}).get(DROP_EXTENSION)
    if drop is not None:
        drop()
        for _ in range(5):  # let the event loop notice the closed transport
            await asyncio.sleep(0)
        return
    # Without the server's hook: status and headers, then nothing (an incomplete response).
    start = next((m for m in captured if m["type"] == "http.response.start"), None)
    if start is not None:
        await send(start)
