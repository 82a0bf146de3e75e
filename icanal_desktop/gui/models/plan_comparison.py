"""Plans side by side against the current one (F9): price, channels gained and lost,
commitment, offers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from icanal_desktop.core.domain.catalog import Channel, Plan
from icanal_desktop.core.domain.records import Money
from icanal_desktop.gui.models.formatting import money_text
from icanal_desktop.gui.models.record_table_model import Column, RecordTableModel

translate = QCoreApplication.translate


@dataclass(frozen=True)
class PlanComparison:
    plan: Plan
    is_current: bool
    price_difference: int  # minor units per month, against the current plan
    gained: tuple[Channel, ...]
    lost: tuple[Channel, ...]


def compare_plans(
    plans: Sequence[Plan], current_plan_id: str | None, channels: Sequence[Channel]
) -> list[PlanComparison]:
    by_id = {c.id: c for c in channels}
    current = next((p for p in plans if p.id == current_plan_id), None)
    have = set(current.channel_ids) if current else set()
    base = current.monthly_price.amount if current else 0
    rows = []
    for plan in sorted(plans, key=lambda p: p.monthly_price.amount):
        ids = set(plan.channel_ids)
        rows.append(
            PlanComparison(
                plan=plan,
                is_current=plan.id == current_plan_id,
                price_difference=plan.monthly_price.amount - base,
                gained=_channels(ids - have, by_id),
                lost=_channels(have - ids, by_id),
            )
        )
    return rows


def _channels(ids: set[str], by_id: dict[str, Channel]) -> tuple[Channel, ...]:
    return tuple(sorted((by_id[i] for i in ids if i in by_id), key=lambda c: c.number))


def _difference(row: PlanComparison) -> str:
    if row.is_current:
        return translate("PlanComparison", "Your plan")
    sign = "+" if row.price_difference > 0 else "−" if row.price_difference < 0 else "±"
    amount = money_text(Money(abs(row.price_difference), row.plan.monthly_price.currency))
    return f"{sign}{amount}"


def _names(channels: tuple[Channel, ...]) -> str:
    return ", ".join(c.name for c in channels)


def _offers(row: PlanComparison) -> str:
    return "; ".join(o.title for o in row.plan.offers)


GAIN = QColor("#107c10")
LOSS = QColor("#c42b1c")

COLUMNS: Sequence[Column[PlanComparison]] = (
    Column(lambda: translate("PlanComparison", "Plan"), lambda r: r.plan.name),
    Column(
        lambda: translate("PlanComparison", "Per month"),
        lambda r: money_text(r.plan.monthly_price),
        lambda r: r.plan.monthly_price.amount,
        align_right=True,
    ),
    Column(
        lambda: translate("PlanComparison", "Difference"),
        _difference,
        lambda r: r.price_difference,
        align_right=True,
    ),
    Column(
        lambda: translate("PlanComparison", "Channels"),
        lambda r: str(len(r.plan.channel_ids)),
        lambda r: len(r.plan.channel_ids),
        align_right=True,
    ),
    Column(
        lambda: translate("PlanComparison", "Channels gained"),
        lambda r: f"+{len(r.gained)}" if r.gained else "",
        lambda r: len(r.gained),
        align_right=True,
        foreground=lambda r: GAIN if r.gained else None,
        tooltip=lambda r: _names(r.gained),
    ),
    Column(
        lambda: translate("PlanComparison", "Channels lost"),
        lambda r: f"−{len(r.lost)}" if r.lost else "",
        lambda r: len(r.lost),
        align_right=True,
        foreground=lambda r: LOSS if r.lost else None,
        tooltip=lambda r: _names(r.lost),
    ),
    Column(
        lambda: translate("PlanComparison", "Commitment"),
        lambda r: (
            translate("PlanComparison", "{n} months").format(n=r.plan.commitment_months)
            if r.plan.commitment_months
            else translate("PlanComparison", "None")
        ),
        lambda r: r.plan.commitment_months,
    ),
    Column(
        lambda: translate("PlanComparison", "Offers"), _offers, tooltip=lambda r: _offer_details(r)
    ),
)


def _offer_details(row: PlanComparison) -> str:
    return "\n".join(f"{o.title}: {o.description}" for o in row.plan.offers)


def plan_comparison_model(parent: QObject | None = None) -> RecordTableModel[PlanComparison]:
    return RecordTableModel(COLUMNS, parent=parent)
