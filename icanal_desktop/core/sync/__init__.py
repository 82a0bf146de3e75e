"""Fills one account's cache from the server: api -> validated records -> cache. No Qt.

- account.py: the order of a sync, the changes feed or the page walk, then the archive.
- feed.py: what changed since a state, in one request.
- walk.py: one resource, page by page with ETags (servers without the feed, catalogs).
- archive.py: every bill's PDF, kept offline for good, several downloads at once.
- fetch.py: one detail, thread or PDF on demand.
- alerts.py: changes that matter to a subscriber, for the dashboard.
"""

from icanal_desktop.core.sync.account import ALL_RESOURCES, READY_RESOURCES, sync_account
from icanal_desktop.core.sync.archive import sync_archive
from icanal_desktop.core.sync.common import ArchiveReport, SyncCancelledError, SyncReport
from icanal_desktop.core.sync.fetch import download_bill_pdf, fetch_bill_detail, fetch_ticket_thread

__all__ = [
    "ALL_RESOURCES",
    "READY_RESOURCES",
    "ArchiveReport",
    "SyncCancelledError",
    "SyncReport",
    "download_bill_pdf",
    "fetch_bill_detail",
    "fetch_ticket_thread",
    "sync_account",
    "sync_archive",
]
