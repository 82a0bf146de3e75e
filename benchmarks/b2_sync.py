"""B2 sync: a first full sync of an account, then a second one with nothing changed.

Runs the core's `sync_account` (no Qt) against a sandbox process; every HTTP answer is
counted (status, body bytes) per resource by wrapping `requests.Session.send`.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import requests

from benchmarks.sandbox import sandbox
from benchmarks.table import Row, within
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.sync import sync_account

HEAVY = ("heavy@icanal.example", "Heavy-2026!")
DEMO = ("demo@icanal.example", "Demo-2026!")
_ID = re.compile(r"/[a-z]+_[A-Za-z0-9]+")


def resource_of(path: str) -> str:
    """`/api/v1/bills/bil_x/pdf?cursor=…` -> `/bills/{id}/pdf`."""
    path = path.split("?", 1)[0].removeprefix("/api/v1")
    return _ID.sub("/{id}", path)


@dataclass
class Traffic:
    requests: int = 0
    body_bytes: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    per_resource: Counter[str] = field(default_factory=Counter)
    status_per_resource: Counter[tuple[str, int]] = field(default_factory=Counter)


@contextmanager
def counted() -> Iterator[Traffic]:
    """Counts every request `requests` sends in this process while the block runs."""
    traffic = Traffic()
    original = requests.Session.send

    def send(self: requests.Session, request: requests.PreparedRequest, **kwargs: Any) -> Any:
        response = original(self, request, **kwargs)
        resource = resource_of(request.path_url)
        traffic.requests += 1
        traffic.body_bytes += len(response.content) + len(request.body or b"")
        traffic.statuses[response.status_code] += 1
        traffic.per_resource[resource] += 1
        traffic.status_per_resource[(resource, response.status_code)] += 1
        return response

    requests.Session.send = send  # type: ignore[method-assign]
    try:
        yield traffic
    finally:
        requests.Session.send = original  # type: ignore[method-assign]


@dataclass
class SyncRun:
    seconds: float
    cpu_seconds: float  # this process's CPU: the client's own share of the wall time
    traffic: Traffic
    ok: bool


def _sync_once(url: str, login: tuple[str, str], cache: AccountCache) -> SyncRun:
    client = ApiClient(url)
    try:
        client.login(*login)  # not counted: signing in is not syncing
        with counted() as traffic:
            start, cpu = time.perf_counter(), time.process_time()
            report = sync_account(client, cache)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        client.close()
    return SyncRun(seconds, cpu, traffic, report.ok)


def measure(work: Path, quick: bool) -> tuple[list[Row], str]:
    """Three rounds (one when quick) of a first sync into an empty cache and a second one
    right after; times are the medians, the traffic is the last round's (always the same)."""
    login = DEMO if quick else HEAVY
    firsts: list[SyncRun] = []
    seconds: list[SyncRun] = []
    with sandbox(work / "b2-sandbox") as server:
        for _ in range(1 if quick else 3):
            with tempfile.TemporaryDirectory() as folder:
                cache = AccountCache(Path(folder) / "cache")
                try:
                    firsts.append(_sync_once(server.url, login, cache))
                    seconds.append(_sync_once(server.url, login, cache))
                finally:
                    cache.close()
    first = replace(firsts[-1], seconds=statistics.median(r.seconds for r in firsts),
                    ok=all(r.ok for r in firsts))  # fmt: skip
    second = replace(seconds[-1], seconds=statistics.median(r.seconds for r in seconds))
    rounds = f"median of {len(firsts)}"
    who = login[0].split("@")[0] + "@"
    # With the changes feed a resync is one request; a server without it answers 304s.
    one_request = second.traffic.requests == 1
    kib = 1024
    rows = [
        Row("B2", f"first full sync of {who}", first.seconds * 1000, "ms",
            note=(f"{rounds}; the client's CPU: {first.cpu_seconds:.1f} s of it (the rest: "
                  "the sandbox and loopback)") + ("" if first.ok else "; the sync FAILED")),
        Row("B2", "  its requests", first.traffic.requests, ""),
        Row("B2", "  its bytes (bodies)", first.traffic.body_bytes / kib, "KiB"),
        Row("B2", "second sync, nothing changed", second.seconds * 1000, "ms",
            baseline=first.seconds * 1000, baseline_what="first sync",
            target="ratio <= 0.10", met=within(second.seconds / first.seconds, 0.10),
            note=f"{rounds}, each right after its first sync"),
        Row("B2", "  its requests", second.traffic.requests, "",
            baseline=first.traffic.requests, baseline_what="first sync",
            target="1 (the changes feed)", met=one_request),
        Row("B2", "  its bytes (bodies)", second.traffic.body_bytes / kib, "KiB",
            baseline=first.traffic.body_bytes / kib, baseline_what="first sync"),
    ]  # fmt: skip
    return rows, _per_resource(first.traffic, second.traffic)


def _per_resource(first: Traffic, second: Traffic) -> str:
    names = sorted(set(first.per_resource) | set(second.per_resource))
    lines = [
        "B2 requests per resource (first sync | second sync, by status):",
        "",
        "| resource | first | second | second's statuses |",
        "|---|---|---|---|",
    ]
    for name in names:
        statuses = ", ".join(
            f"{n}×{s}" for (r, s), n in sorted(second.status_per_resource.items()) if r == name
        )
        lines.append(
            f"| `{name}` | {first.per_resource[name]} | {second.per_resource[name]} | {statuses} |"
        )
    return "\n".join(lines)
