"""A long bill PDF (fpdf2, from the sandbox extra): the sandbox's bills have one or two
pages, B3 wants twenty."""

from __future__ import annotations


def long_bill_pdf(pages: int = 20) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    line = 0
    for page in range(pages):
        pdf.add_page()
        pdf.set_font("helvetica", style="B", size=14)
        pdf.cell(0, 10, f"iCanal - facture detaillee - page {page + 1}/{pages}")
        pdf.ln(12)
        pdf.set_font("helvetica", size=9)
        for _ in range(48):
            line += 1
            pdf.cell(0, 5, f"{line:05d}  VOD - film a la demande n. {line:05d}  ....  4,99 EUR")
            pdf.ln(5)
    return bytes(pdf.output())
