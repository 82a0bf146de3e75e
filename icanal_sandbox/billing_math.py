"""Integer money arithmetic: VAT included in prices, pro rata, fees. Never a float."""

from __future__ import annotations


def div_round(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half away from zero, in integers."""
    sign = -1 if (numerator < 0) != (denominator < 0) else 1
    n, d = abs(numerator), abs(denominator)
    return sign * ((2 * n + d) // (2 * d))


def split_vat(total_incl: int, rate_bp: int) -> tuple[int, int]:
    """(amount excluding tax, tax) of a VAT-inclusive amount; rate in basis points."""
    excl = div_round(total_incl * 10_000, 10_000 + rate_bp)
    return excl, total_incl - excl


def pro_rata(monthly_amount: int, days_left: int, days_in_period: int) -> int:
    if days_in_period <= 0:
        return 0
    return div_round(monthly_amount * max(days_left, 0), days_in_period)
