"""A tiny loopback HTTP server that answers from a script, for the client's own behaviour.

It stands in for "a server that fails this way" (a 503, a Retry-After, a dropped
connection) so the retry loop can be tested with a fake clock. Behaviour the real server
owns (auth, idempotency replay, ETags) is tested against the real sandbox instead.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False  # close the connection without answering

    @staticmethod
    def json(status: int, data: object, **headers: str) -> Answer:
        all_headers = {"Content-Type": "application/json"}
        all_headers.update({k.replace("_", "-"): v for k, v in headers.items()})
        return Answer(status, json.dumps(data).encode(), all_headers)

    @staticmethod
    def problem(status: int, **headers: str) -> Answer:
        body = json.dumps({"type": "x", "title": "t", "status": status, "detail": "d"})
        all_headers = {"Content-Type": "application/problem+json"}
        all_headers.update({k.replace("_", "-"): v for k, v in headers.items()})
        return Answer(status, body.encode(), all_headers)


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class ScriptedServer:
    def __init__(self) -> None:
        self.script: list[Answer] = []
        self.default = Answer.json(200, {"ok": True})
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with outer._lock:
                    outer.seen.append(
                        Seen(self.command, self.path, dict(self.headers.items()), body)
                    )
                    answer = outer.script.pop(0) if outer.script else outer.default
                if answer.drop:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)

            do_GET = do_POST = do_PATCH = do_DELETE = _handle  # noqa: N815 - http.server's names

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@contextmanager
def scripted_server() -> Iterator[ScriptedServer]:
    server = ScriptedServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


class FakeClock:
    """Records the waits instead of sleeping."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def monotonic(self) -> float:
        return self.now
