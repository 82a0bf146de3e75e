"""Start-up settings of one sandbox server (from the command line or the embedded mode)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from icanal_sandbox.faults import FaultConfig

ACCESS_TOKEN_TTL_S = 15 * 60
REFRESH_TOKEN_TTL_S = 30 * 24 * 3600
LOCKOUT_WINDOW_S = 15 * 60
LOCKOUT_FAILURES = 5
RESET_CODE_TTL_S = 15 * 60
IDEMPOTENCY_TTL_S = 48 * 3600


@dataclass(frozen=True)
class Settings:
    db_path: Path
    seed: str = "demo"
    scale_bills: int = 0
    sandbox_routes: bool = True
    faults: FaultConfig = field(default_factory=FaultConfig)
    # Requests per minute; generous enough for a full sync, low enough to stop a flood.
    rate_limit_address: int = 1200
    rate_limit_account: int = 600
    max_body_bytes: int = 64 * 1024
    # False: no GET /changes, as a server from before the feed (clients walk the lists).
    changes_feed: bool = True
    # Rows of change_log kept for GET /changes; an older sync state answers 410.
    changes_retention_entries: int = 100_000
    # Bills issued more than this many days ago are no longer served (0 = all are).
    bill_retention_days: int = 0
