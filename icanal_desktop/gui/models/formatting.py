"""Locale-aware display of money and dates, shared by models and views."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale

from icanal_desktop.core.domain.records import Money


def money_text(money: Money, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    symbol = {"EUR": "€", "XOF": "FCFA"}.get(money.currency, money.currency)
    return loc.toCurrencyString(money.amount / 100, symbol)


def date_text(day: dt.date, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    return loc.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def datetime_text(moment: dt.datetime, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return loc.toString(local, QLocale.FormatType.ShortFormat)
