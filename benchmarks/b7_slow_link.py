"""B7 slow link: heavy@ over a 300 ms round trip (the sandbox's `--faults latency=300ms`).

Measures, from sign-in: (a) until the dashboard's data and the bills list are in the cache,
(b) until the whole archive (every bill's PDF) is offline, (c) a resync with nothing
changed (time and requests). The baseline, in the same run, is the previous protocol (B2's
path): a server without the changes feed, lists walked one after another, one request per
bill detail and ticket thread, one PDF at a time.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from benchmarks.b2_sync import DEMO, HEAVY, counted
from benchmarks.sandbox import sandbox
from benchmarks.table import Row, within
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.sync import account as sync_order
from icanal_desktop.core.sync import sync_account, sync_archive
from icanal_desktop.core.sync import walk as sync_walk
from icanal_desktop.core.sync.archive import ARCHIVE_CONNECTIONS


@dataclass
class SlowRun:
    ready: float  # seconds from sign-in to the dashboard's and bills' data saved
    archived: float  # ... to every PDF kept
    requests: int
    bills: int
    pdfs: int
    resync: float
    resync_requests: int
    ok: bool


@contextmanager
def previous_protocol() -> Iterator[None]:
    """The client as it was: one list after another, no expansions (details one by one)."""
    lists = dict(sync_walk.LISTS)
    connections = sync_order.WALK_CONNECTIONS
    for name, spec in lists.items():
        sync_walk.LISTS[name] = replace(spec, expand=None)
    sync_walk.DETAIL_LIMIT = sync_walk.THREAD_LIMIT = 10**6
    sync_order.WALK_CONNECTIONS = 1
    try:
        yield
    finally:
        sync_walk.LISTS.update(lists)
        sync_walk.DETAIL_LIMIT, sync_walk.THREAD_LIMIT = 240, 100
        sync_order.WALK_CONNECTIONS = connections


def _run(url: str, login: tuple[str, str], previous: bool) -> SlowRun:
    """`previous`: the archive after the sync, one PDF at a time (as the previous client
    fetched its PDFs); else as the app does, from the moment the bills are saved."""
    with tempfile.TemporaryDirectory() as folder:
        cache = AccountCache(Path(folder) / "cache")
        client = ApiClient(url)
        ready: list[float] = []
        try:
            with counted() as traffic:
                start = time.perf_counter()
                client.login(*login)
                report = sync_account(
                    client,
                    cache,
                    archive=not previous,
                    on_ready=lambda _: ready.append(time.perf_counter() - start),
                )
                if previous:
                    archive = sync_archive(client, cache, connections=1)
                else:
                    assert report.archive is not None
                    archive = report.archive
                archived = time.perf_counter() - start
            with counted() as again:
                resync_start = time.perf_counter()
                second = sync_account(client, cache)
                resync = time.perf_counter() - resync_start
            return SlowRun(
                ready=ready[0] if ready else archived,
                archived=archived,
                requests=traffic.requests,
                bills=len(cache.bills()),
                pdfs=len(cache.pdf_ids()),
                resync=resync,
                resync_requests=again.requests,
                ok=report.ok and archive.complete and second.ok,
            )
        finally:
            client.close()
            cache.close()


def measure(work: Path, quick: bool) -> list[Row]:
    latency = "30ms" if quick else "300ms"
    login = DEMO if quick else HEAVY
    who = login[0].split("@")[0] + "@"
    faults = ("--faults", f"latency={latency}")
    with sandbox(work / "b7-feed", *faults) as server:
        new = _run(server.url, login, previous=False)
    with sandbox(work / "b7-walk", *faults, "--no-changes-feed") as server, previous_protocol():
        old = _run(server.url, login, previous=True)
    base = "previous protocol"
    note = f"{who}, latency={latency}; {new.bills} bills, {new.pdfs} PDFs kept"
    if not (new.ok and old.ok):
        note += "; a sync FAILED"
    return [
        Row("B7", "(a) sign-in to dashboard + bills saved", new.ready, "s",
            baseline=old.ready, baseline_what=base, target="<= 3 s",
            met=within(new.ready, 3.0), note=note),
        Row("B7", "(b) sign-in to the whole archive offline", new.archived, "s",
            baseline=old.archived, baseline_what=base, target="<= 10 s",
            met=within(new.archived, 10.0), note=f"{new.requests} requests (baseline "
            f"{old.requests}); {ARCHIVE_CONNECTIONS} connections from the moment the bills "
            f"are saved; the baseline kept the same {old.pdfs} PDFs, one at a time, after "
            "its sync"),
        Row("B7", "(c) resync, nothing changed", new.resync, "s",
            baseline=old.resync, baseline_what=base, target="<= 1 s",
            met=within(new.resync, 1.0)),
        Row("B7", "  its requests", new.resync_requests, "",
            baseline=old.resync_requests, baseline_what=base, target="1",
            met=new.resync_requests == 1),
    ]  # fmt: skip
