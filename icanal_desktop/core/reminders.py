"""Reminders (F19): what is coming up (bills to pay, the renewal, a card that expires) and
an iCalendar file of those dates that calendar apps import. Pure Python, no Qt.

The .ics is written here, by the rules of RFC 5545: CRLF line endings, content lines
folded at 75 octets (never inside a UTF-8 character), TEXT values escaped (backslash,
semicolon, comma, newline), one VEVENT per date with a stable UID (importing the file
again updates the events instead of duplicating them), all-day DATE values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from icanal_desktop.core.domain import billing, records

UNPAID = frozenset({"due", "overdue", "failed"})
NOTICE_DAYS = 3  # how long before the date a notification or a calendar alarm comes
PRODID = "-//iCanal//iCanal Desktop//EN"
UID_DOMAIN = "icanal-desktop.invalid"


@dataclass(frozen=True)
class Upcoming:
    """One date worth a reminder."""

    kind: str  # "bill_due", "renewal" or "card_expiry"
    subject_id: str  # the bill, subscription or payment method
    day: dt.date
    label: str  # the bill number, the plan name or the card's masked summary
    amount: records.Money | None = None

    @property
    def key(self) -> str:
        """Stable identity: a notification is shown once per key."""
        return f"{self.kind}:{self.subject_id}:{self.day.isoformat()}"


def card_last_day(method: billing.PaymentMethod) -> dt.date | None:
    """Cards are valid to the end of their expiry month."""
    if method.exp_month is None or method.exp_year is None:
        return None
    if method.exp_month == 12:
        return dt.date(method.exp_year, 12, 31)
    return dt.date(method.exp_year, method.exp_month + 1, 1) - dt.timedelta(days=1)


def upcoming(
    bills: Iterable[billing.Bill],
    subscriptions: Iterable[records.Subscription],
    methods: Iterable[billing.PaymentMethod] = (),
    *,
    today: dt.date,
    within_days: int | None = None,
) -> list[Upcoming]:
    """Dates from `today` on (up to `today + within_days` when given), soonest first."""
    found: list[Upcoming] = []
    for bill in bills:
        if bill.status in UNPAID and bill.due_date >= today:
            amount = bill.amount_due or bill.total
            found.append(Upcoming("bill_due", bill.id, bill.due_date, bill.number, amount))
    for sub in subscriptions:
        if sub.renewal_date is not None and sub.status == "active" and sub.renewal_date >= today:
            found.append(
                Upcoming("renewal", sub.id, sub.renewal_date, sub.plan.name, sub.next_bill_estimate)
            )
    for method in methods:
        last = card_last_day(method)
        if method.type == "card" and last is not None and last >= today:
            found.append(Upcoming("card_expiry", method.id, last, method.label))
    if within_days is not None:
        limit = today + dt.timedelta(days=within_days)
        found = [u for u in found if u.day <= limit]
    return sorted(found, key=lambda u: (u.day, u.kind, u.label))


# -- iCalendar ----------------------------------------------------------------------------
@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    day: dt.date
    summary: str
    description: str = ""
    alarm_days: int | None = NOTICE_DAYS  # a display alarm this many days before; None: none


def event_uid(item: Upcoming) -> str:
    return f"{item.kind}-{item.subject_id}-{item.day:%Y%m%d}@{UID_DOMAIN}"


def escape_text(value: str) -> str:
    """RFC 5545 3.3.11: backslash, semicolon and comma escaped; newlines as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """RFC 5545 3.1: lines longer than 75 octets are split with CRLF + one space; a split
    never cuts a UTF-8 sequence (the space counts in the next line's 75)."""
    out: list[str] = []
    current: list[str] = []
    size, limit = 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with a space
        current.append(char)
        size += width
    out.append("".join(current))
    return "\r\n ".join(out)


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def to_ics(events: Sequence[CalendarEvent], stamp: dt.datetime, name: str = "iCanal") -> str:
    """The calendar as text, CRLF line endings (write it as UTF-8 bytes)."""
    utc = stamp.astimezone(dt.UTC) if stamp.tzinfo else stamp
    dtstamp = utc.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{_date(event.day)}",
            f"DTEND;VALUE=DATE:{_date(event.day + dt.timedelta(days=1))}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        lines.append("TRANSP:TRANSPARENT")
        if event.alarm_days is not None:
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{escape_text(event.summary)}",
                f"TRIGGER:-P{event.alarm_days}D",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_ics(path: str, events: Sequence[CalendarEvent], stamp: dt.datetime, name: str) -> None:
    with open(path, "wb") as out:
        out.write(to_ics(events, stamp, name).encode("utf-8"))
