"""The FAQ (F23): one row per question, with its category; the answer is the row's record."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from icanal_desktop.core.domain.catalog import FaqEntry
from icanal_desktop.gui.models.record_table_model import Column, RecordTableModel

translate = QCoreApplication.translate


def faq_model(parent: QObject | None = None) -> RecordTableModel[FaqEntry]:
    columns: list[Column[FaqEntry]] = [
        Column(
            lambda: translate("Faq", "Question"), lambda e: e.question, tooltip=lambda e: e.answer
        ),
        Column(lambda: translate("Faq", "Topic"), lambda e: e.category.capitalize()),
    ]
    return RecordTableModel(
        columns,
        search_text=lambda e: f"{e.question} {e.answer} {e.category}".casefold(),
        parent=parent,
    )
