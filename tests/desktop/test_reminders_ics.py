"""The reminders' .ics file (F19) read back by a real iCalendar parser, and which dates are
upcoming."""

from __future__ import annotations

import datetime as dt

import icalendar

from icanal_desktop.core import reminders
from icanal_desktop.core.domain import billing, records

TODAY = dt.date(2026, 11, 26)


def _bill(bill_id: str, number: str, status: str, due: dt.date) -> billing.Bill:
    money = records.Money(2990, "EUR")
    return billing.Bill(
        id=bill_id,
        number=number,
        period_start=due.replace(day=1),
        period_end=due,
        issue_date=due - dt.timedelta(days=15),
        due_date=due,
        total_excl_tax=money,
        tax=records.Money(0, "EUR"),
        total=money,
        status=status,
    )


def _card(method_id: str, month: int, year: int) -> billing.PaymentMethod:
    return billing.PaymentMethod(
        method_id, "card", True, "Visa •••• 4242", exp_month=month, exp_year=year
    )


def test_upcoming_keeps_unpaid_future_dates_and_card_expiry_soonest_first() -> None:
    bills = [
        _bill("b1", "F-1", "due", TODAY + dt.timedelta(days=2)),
        _bill("b2", "F-2", "paid", TODAY + dt.timedelta(days=1)),
        _bill("b3", "F-3", "overdue", TODAY - dt.timedelta(days=5)),
        _bill("b4", "F-4", "failed", TODAY + dt.timedelta(days=20)),
    ]
    methods = [_card("pm1", 11, 2026), _card("pm2", 1, 2020)]
    found = reminders.upcoming(bills, [], methods, today=TODAY)
    assert [(u.kind, u.subject_id, u.day) for u in found] == [
        ("bill_due", "b1", TODAY + dt.timedelta(days=2)),
        ("card_expiry", "pm1", dt.date(2026, 11, 30)),
        ("bill_due", "b4", TODAY + dt.timedelta(days=20)),
    ]
    soon = reminders.upcoming(bills, [], methods, today=TODAY, within_days=3)
    assert [u.subject_id for u in soon] == ["b1"]
    assert reminders.card_last_day(_card("x", 12, 2026)) == dt.date(2026, 12, 31)
    assert reminders.card_last_day(_card("x", 2, 2028)) == dt.date(2028, 2, 29)


def test_the_ics_parses_with_icalendar_and_keeps_escaped_long_texts() -> None:
    tricky = "Facture F-2026-000123; échéance, montant 29,90 € \\ à payer\nmerci " + "é" * 60
    events = [
        reminders.CalendarEvent("a@test", dt.date(2026, 12, 1), tricky, "ligne 1\nligne 2"),
        reminders.CalendarEvent("b@test", dt.date(2027, 1, 15), "Renouvellement", alarm_days=None),
    ]
    stamp = dt.datetime(2026, 11, 26, 8, 30, tzinfo=dt.UTC)
    text = reminders.to_ics(events, stamp, name="iCanal, échéances")
    raw = text.encode("utf-8")

    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert any(line.startswith(b" ") for line in lines)  # the long summary was folded
    for line in lines:
        line.decode("utf-8")  # folding never cut a character in two

    calendar = icalendar.Calendar.from_ical(raw)
    parsed = list(calendar.walk("VEVENT"))
    assert [str(e["UID"]) for e in parsed] == ["a@test", "b@test"]
    assert str(parsed[0]["SUMMARY"]) == tricky
    assert str(parsed[0]["DESCRIPTION"]) == "ligne 1\nligne 2"
    assert parsed[0].decoded("DTSTART") == dt.date(2026, 12, 1)
    assert parsed[1].decoded("DTSTART") == dt.date(2027, 1, 15)
    assert parsed[0].decoded("DTSTAMP") == stamp
    alarms = list(parsed[0].walk("VALARM"))
    assert len(alarms) == 1
    assert alarms[0].decoded("TRIGGER") == -dt.timedelta(days=3)
    assert not list(parsed[1].walk("VALARM"))
    assert str(calendar["PRODID"]) == reminders.PRODID


def test_escape_and_fold_by_the_rules() -> None:
    assert reminders.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "x" * 200
    folded = reminders.fold(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line
    assert len(parts[0]) == 75
    assert all(len(p) <= 74 for p in parts[1:])
