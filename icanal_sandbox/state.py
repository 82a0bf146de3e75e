"""Everything one running sandbox shares between requests."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import cast

from fastapi import Request

from icanal_sandbox.clock import Clock
from icanal_sandbox.config import Settings
from icanal_sandbox.db import Database
from icanal_sandbox.ratelimit import RateLimiter


@dataclass
class Sandbox:
    settings: Settings
    db: Database
    clock: Clock = field(default_factory=Clock)
    address_limiter: RateLimiter = field(init=False)
    account_limiter: RateLimiter = field(init=False)
    # Password-reset requests per email (existing or not: no enumeration) and per address.
    reset_limiter: RateLimiter = field(init=False)
    reset_address_limiter: RateLimiter = field(init=False)
    idempotency_lock: threading.Lock = field(default_factory=threading.Lock)
    # Starts as the setting; PUT /sandbox/bill-retention changes it while clients run.
    bill_retention_days: int = field(init=False)

    def __post_init__(self) -> None:
        self.bill_retention_days = self.settings.bill_retention_days
        self.address_limiter = RateLimiter(self.settings.rate_limit_address, 60.0)
        self.account_limiter = RateLimiter(self.settings.rate_limit_account, 60.0)
        self.reset_limiter = RateLimiter(3, 15 * 60.0)
        self.reset_address_limiter = RateLimiter(30, 15 * 60.0)


def sandbox_of(request: Request) -> Sandbox:
    return cast(Sandbox, request.app.state.sandbox)
