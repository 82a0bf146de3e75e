"""The offline archive: the PDF of every bill of every year, kept for good.

- Downloaded over a few parallel connections (the client's pooled session), newest bill
  first, after the data the window shows: over a 300 ms link, one PDF after another is
  what made the archive take minutes.
- Resumable by construction: each PDF is checked whole (header, end marker, length) and
  kept in its own transaction, and what is kept and current is never asked again. A crash,
  a kill or a lost connection costs at most the PDFs that were in flight.
- A PDF whose bill changed (paid since) is asked again with the ETag of our copy.
- A bill the server no longer serves keeps the PDF we have; one we never had is noted, and
  not asked again until its entry changes.
- The user may cap the archive's size: the newest bills that fit are kept, and the report
  says how many were left out (the window and the CLI show it; never silently).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.api.client import MAX_CONNECTIONS
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.cache.archive import ArchiveEntry
from icanal_desktop.core.errors import ApiError, NotFoundError, OfflineError
from icanal_desktop.core.sync.common import ArchiveReport, Cancelled, Progress
from icanal_desktop.core.sync.fetch import refresh_bill_pdf
from icanal_desktop.core.sync.parallel import Done, run_parallel

log = logging.getLogger(__name__)

ARCHIVE_CONNECTIONS = MAX_CONNECTIONS
ESTIMATED_PDF_BYTES = 48 * 1024  # a bill's PDF before we have any to measure


@dataclass(frozen=True)
class _Job:
    bill_id: str
    summary: str
    etag: str | None  # of the PDF we keep, if any: a 304 then keeps it


def plan_archive(
    entries: list[ArchiveEntry], cap_bytes: int | None
) -> tuple[list[_Job], ArchiveReport]:
    """What one pass must download, newest first, and the report before it starts."""
    report = ArchiveReport(wanted=len(entries))
    sizes = [e.pdf_size for e in entries if e.pdf_size]
    estimate = sum(sizes) // len(sizes) if sizes else ESTIMATED_PDF_BYTES
    jobs: list[_Job] = []
    total = 0
    for entry in entries:  # newest first
        size = entry.pdf_size if entry.pdf_size else estimate
        if cap_bytes is not None and total + size > cap_bytes:
            report.over_cap += 1
            continue
        if entry.current:
            report.kept += 1
            report.bytes += entry.pdf_size
            total += size
        elif entry.pdf_size:
            # Kept, but its bill changed since: the copy stays until a newer one comes.
            report.bytes += entry.pdf_size
            total += size
            jobs.append(_Job(entry.bill_id, entry.summary, entry.pdf_etag))
        elif entry.unavailable:
            report.unavailable += 1
        else:
            total += size
            jobs.append(_Job(entry.bill_id, entry.summary, None))
    return jobs, report


def sync_archive(
    client: ApiClient,
    cache: AccountCache,
    *,
    cancelled: Cancelled | None = None,
    progress: Progress | None = None,
    connections: int = ARCHIVE_CONNECTIONS,
) -> ArchiveReport:
    """Downloads what the archive lacks; one failing PDF does not stop the others, a lost
    connection stops the pass (the next one resumes)."""
    jobs, report = plan_archive(cache.archive_entries(), cache.archive_cap())
    if not jobs:
        return report
    stop = threading.Event()  # the link is gone, or the user cancelled

    def run(job: _Job) -> bool | None:
        if cancelled is not None and cancelled():
            stop.set()
            return None
        return refresh_bill_pdf(client, cache, job.bill_id, job.summary, job.etag)

    outcomes = run_parallel(jobs, run, connections, stop, "icanal-archive")
    for done, outcome in enumerate(outcomes, start=1):
        if progress is not None:
            progress("bill PDFs", done, len(jobs))
        _account(report, outcome, cache, stop)
    report.cancelled = cancelled is not None and cancelled()
    report.bytes = cache.archive_bytes()
    return report


def _account(
    report: ArchiveReport,
    outcome: Done[_Job, bool | None],
    cache: AccountCache,
    stop: threading.Event,
) -> None:
    job, result = outcome.item, outcome.result
    try:
        if outcome.error is not None:
            raise outcome.error
    except NotFoundError:
        # Served no more (the provider keeps only recent documents): what we have stays.
        cache.note_archive_miss(job.bill_id, job.summary)
        if job.etag is None:
            report.unavailable += 1
        else:
            report.kept += 1  # our older copy is all there is now
        return
    except OfflineError as exc:
        stop.set()
        report.failed[job.bill_id] = exc
        return
    except ApiError as exc:
        log.warning("bill PDF %s not archived: %s", job.bill_id, type(exc).__name__)
        report.failed[job.bill_id] = exc
        return
    if result is None:
        return  # not sent: stopped before its turn
    report.kept += 1
    if result:
        report.downloaded += 1
    else:
        report.not_modified += 1
