"""Bills as real PDF documents (fpdf2), byte-for-byte reproducible so their ETag holds."""

from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF


@dataclass(frozen=True)
class BillLine:
    label: str
    quantity: int
    unit_amount: int
    amount: int


@dataclass(frozen=True)
class BillDocument:
    number: str
    holder: str
    address_lines: list[str]
    subscriber_number: str
    contract_number: str
    period_start: str
    period_end: str
    issue_date: str
    due_date: str
    lines: list[BillLine]
    total_excl_tax: int
    tax: int
    total: int
    tax_rate_bp: int
    status_text: str


def euros(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    grouped = f"{whole:,}".replace(",", " ")
    return f"{sign}{grouped},{rest:02d} EUR"


def french_date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def _latin1(text: str) -> str:
    # The built-in PDF fonts cover Latin-1: French letters yes, typographic extras no.
    replaced = text.replace("’", "'").replace("«", '"').replace("»", '"').replace("œ", "oe")
    return replaced.encode("latin-1", "replace").decode("latin-1")


@functools.cache
def _bill_pdf_class() -> type[FPDF]:
    # fpdf2 takes 0.2 s to import: only servers that render a bill pay for it.
    # It warns when Pillow is missing (it only needs it for images, which bills have none
    # of): the installed app's demo server comes without Pillow (packaging/bundle_common.py).
    warnings.filterwarnings("ignore", "Pillow could not be imported", UserWarning, "fpdf")
    from fpdf import FPDF

    class BillPdf(FPDF):
        def footer(self) -> None:
            self.set_y(-18)
            self.set_font("helvetica", size=7)
            self.set_text_color(110, 110, 110)
            self.multi_cell(
                0,
                3.5,
                _latin1(
                    "iCanal SAS - société fictive créée pour le bac à sable de l'Espace Client. "
                    "TVA acquittée sur les débits. Page "
                )
                + str(self.page_no()),
                align="C",
            )

    return BillPdf


def render_bill(doc: BillDocument) -> bytes:
    pdf = _bill_pdf_class()(format="A4")
    issued = datetime.fromisoformat(doc.issue_date).replace(tzinfo=UTC)
    pdf.set_creation_date(issued)
    pdf.set_title(_latin1(f"Facture {doc.number}"))
    pdf.set_author("iCanal")
    pdf.set_subject(_latin1(f"Facture iCanal {doc.number}"))
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.add_page()
    pdf.set_font("helvetica", style="B", size=22)
    pdf.set_text_color(20, 40, 120)
    pdf.cell(0, 10, "iCanal", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("helvetica", size=9)
    pdf.cell(0, 5, _latin1("Service client : 09 69 39 00 00 - aide.icanal.example"), new_y="NEXT")
    pdf.ln(6)
    top = pdf.get_y()
    pdf.set_font("helvetica", style="B", size=14)
    pdf.cell(95, 8, _latin1(f"Facture n° {doc.number}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=10)
    for label, value in (
        ("Date d'émission", french_date(doc.issue_date)),
        ("Période", f"du {french_date(doc.period_start)} au {french_date(doc.period_end)}"),
        ("Échéance", french_date(doc.due_date)),
        ("N° d'abonné", doc.subscriber_number),
        ("N° de contrat", doc.contract_number),
    ):
        pdf.cell(95, 5.5, _latin1(f"{label} : {value}"), new_x="LMARGIN", new_y="NEXT")
    bottom = pdf.get_y()
    pdf.set_xy(120, top)
    pdf.set_font("helvetica", style="B", size=11)
    pdf.cell(0, 6, _latin1(doc.holder), new_x="LEFT", new_y="NEXT")
    pdf.set_font("helvetica", size=10)
    for line in doc.address_lines:
        pdf.cell(0, 5.5, _latin1(line), new_x="LEFT", new_y="NEXT")
    pdf.set_y(max(bottom, pdf.get_y()) + 8)
    _lines_table(pdf, doc)
    pdf.ln(6)
    pdf.set_font("helvetica", style="B", size=10)
    pdf.cell(0, 6, _latin1(doc.status_text), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _lines_table(pdf: FPDF, doc: BillDocument) -> None:
    widths = (100, 20, 35, 35)
    pdf.set_font("helvetica", style="B", size=10)
    pdf.set_fill_color(230, 234, 245)
    for width, title in zip(
        widths, ("Désignation", "Qté", "Prix unitaire TTC", "Montant TTC"), strict=True
    ):
        pdf.cell(width, 7, _latin1(title), border=1, fill=True, align="C")
    pdf.ln()
    pdf.set_font("helvetica", size=10)
    for line in doc.lines:
        pdf.cell(widths[0], 6.5, _latin1(line.label)[:60], border=1)
        pdf.cell(widths[1], 6.5, str(line.quantity), border=1, align="C")
        pdf.cell(widths[2], 6.5, euros(line.unit_amount), border=1, align="R")
        pdf.cell(widths[3], 6.5, euros(line.amount), border=1, align="R")
        pdf.ln()
    rate = f"{doc.tax_rate_bp // 100},{doc.tax_rate_bp % 100:02d}".rstrip("0").rstrip(",")
    for label, amount, bold in (
        ("Total HT", doc.total_excl_tax, False),
        (f"TVA {rate} %", doc.tax, False),
        ("Total TTC", doc.total, True),
    ):
        pdf.set_font("helvetica", style="B" if bold else "", size=10)
        pdf.cell(sum(widths[:3]), 6.5, _latin1(label), border=1, align="R")
        pdf.cell(widths[3], 6.5, euros(amount), border=1, align="R")
        pdf.ln()
