"""Exports of bills and payments to files: a year of bills (PDFs + CSV) and the payment
history (CSV). Pure Python, no Qt: the `icanal` command and the window share it.

CSV columns are stable (scripts read them): amounts are plain decimals in the currency's
units ("12.50"), dates ISO 8601, statuses the API's words.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from icanal_desktop.core.domain import billing, records

# ISO 4217 currencies without minor units (the rest of our markets use cents).
ZERO_DECIMALS = frozenset({"XOF", "XAF", "GNF", "KMF", "RWF", "BIF", "DJF", "JPY"})

BILL_CSV_HEADER = (
    "number",
    "issue_date",
    "period_start",
    "period_end",
    "due_date",
    "total_excl_tax",
    "tax",
    "total",
    "currency",
    "status",
    "pdf",
)
PAYMENT_CSV_HEADER = ("date", "amount", "currency", "method", "bill", "status", "reference")


def decimal_text(money: records.Money) -> str:
    """The amount in the currency's units, as a plain decimal: 1250 EUR cents -> "12.50"."""
    exponent = 0 if money.currency in ZERO_DECIMALS else 2
    if exponent == 0:
        return str(money.amount)
    sign = "-" if money.amount < 0 else ""
    whole, cents = divmod(abs(money.amount), 10**exponent)
    return f"{sign}{whole}.{cents:0{exponent}d}"


def safe_name(text: str) -> str:
    """A file-name-safe version of a bill number."""
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)


def bill_pdf_name(bill: billing.Bill) -> str:
    return f"facture-{safe_name(bill.number)}.pdf"


def bill_csv_row(bill: billing.Bill, pdf: str) -> list[str]:
    return [
        bill.number,
        bill.issue_date.isoformat(),
        bill.period_start.isoformat(),
        bill.period_end.isoformat(),
        bill.due_date.isoformat(),
        decimal_text(bill.total_excl_tax),
        decimal_text(bill.tax),
        decimal_text(bill.total),
        bill.total.currency,
        bill.status,
        pdf,
    ]


def payment_csv_row(payment: billing.Payment) -> list[str]:
    return [
        payment.created_at.isoformat(),
        decimal_text(payment.amount),
        payment.amount.currency,
        payment.method_summary,
        payment.bill_number or payment.bill_id or "",
        payment.status,
        payment.reference,
    ]


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)


def write_payments_csv(path: Path, payments: Iterable[billing.Payment]) -> int:
    """Writes the payment history; returns how many rows were written."""
    rows = [payment_csv_row(p) for p in payments]
    write_csv(path, PAYMENT_CSV_HEADER, rows)
    return len(rows)


def bills_csv_name(year: int) -> str:
    return f"factures-{year}.csv"


@dataclass
class YearExport:
    csv_path: Path
    written: list[str] = field(default_factory=list)  # numbers of the bills with a PDF
    missing: list[str] = field(default_factory=list)  # numbers of the bills without one


def export_year(
    folder: Path,
    year: int,
    bills: Sequence[billing.Bill],
    get_pdf: Callable[[billing.Bill], bytes | None],
) -> YearExport:
    """Writes each bill's PDF (when `get_pdf` gives one) and `factures-<year>.csv` into
    `folder`. `get_pdf` returns None for a bill whose PDF cannot be had (listed in
    `missing`, with an empty `pdf` cell in the CSV)."""
    folder.mkdir(parents=True, exist_ok=True)
    result = YearExport(folder / bills_csv_name(year))
    rows = []
    for bill in bills:
        filename = bill_pdf_name(bill)
        data = get_pdf(bill)
        if data is None:
            result.missing.append(bill.number)
            filename = ""
        else:
            (folder / filename).write_bytes(data)
            result.written.append(bill.number)
        rows.append(bill_csv_row(bill, filename))
    write_csv(result.csv_path, BILL_CSV_HEADER, rows)
    return result


def read_csv(path: Path) -> list[list[str]]:
    """The rows of an exported CSV, header included (for checks and tests)."""
    with path.open(newline="", encoding="utf-8") as source:
        return list(csv.reader(source))
