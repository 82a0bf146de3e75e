"""Calendar arithmetic for monthly billing."""

from __future__ import annotations

import calendar
from datetime import date


def add_months(day: date, months: int) -> date:
    """The same day-of-month `months` later, clamped to the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def next_anniversary(start: date, today: date) -> date:
    """The first monthly anniversary of `start` strictly after `today`."""
    months = (today.year - start.year) * 12 + (today.month - start.month)
    candidate = add_months(start, max(months, 0))
    while candidate <= today:
        months += 1
        candidate = add_months(start, months)
    return candidate


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (0 if end is not after start), rounded up."""
    if end <= start:
        return 0
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if add_months(start, months) < end:
        months += 1
    return max(months, 0)
