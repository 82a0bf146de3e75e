"""Compare plans, choose one, see exactly what changes, confirm (F9, F10)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core.domain.catalog import Channel, Plan, PlanChangePreview, PlanOption
from icanal_desktop.core.domain.records import Subscription
from icanal_desktop.gui.models.filter_proxy import RecordFilterProxy
from icanal_desktop.gui.models.formatting import date_text, money_text
from icanal_desktop.gui.models.plan_comparison import (
    PlanComparison,
    compare_plans,
    plan_comparison_model,
)
from icanal_desktop.gui.models.roles import OBJECT_ROLE
from icanal_desktop.gui.operations import subscription as contract
from icanal_desktop.gui.operations.subscription import PlanChange
from icanal_desktop.gui.problems import Problem
from icanal_desktop.gui.session import Session

CHOOSE, PREVIEW, DONE = range(3)


class ChangePlanDialog(QDialog):
    finished_with = Signal(str)  # what to tell the subscriber in the tab

    def __init__(
        self,
        session: Session,
        subscription: Subscription,
        plans: Sequence[Plan],
        options: Sequence[PlanOption],
        channels: Sequence[Channel],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._sub = subscription
        self._preview: PlanChangePreview | None = None
        self.setObjectName("changePlanDialog")
        self.setWindowTitle(self.tr("Change plan"))
        self.resize(900, 520)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._choose_page(plans, options, channels))
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._done_page())
        self.error = QLabel()
        self.error.setObjectName("changePlanError")
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setStyleSheet("color: #c42b1c;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)

    # -- pages ------------------------------------------------------------------------------
    def _choose_page(
        self, plans: Sequence[Plan], options: Sequence[PlanOption], channels: Sequence[Channel]
    ) -> QWidget:
        page = QWidget()
        self.comparison = plan_comparison_model(self)
        self.comparison.set_records(compare_plans(plans, self._sub.plan.id, channels))
        proxy = RecordFilterProxy(self)
        proxy.setSourceModel(self.comparison)
        self.plans_table = QTableView()
        self.plans_table.setObjectName("plansTable")
        self.plans_table.setAccessibleName(self.tr("Plans side by side"))
        self.plans_table.setModel(proxy)
        self.plans_table.setSortingEnabled(True)
        self.plans_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plans_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.plans_table.verticalHeader().hide()
        header = self.plans_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.plans_table.selectionModel().selectionChanged.connect(self._on_plan_selected)

        self.option_boxes: dict[str, QCheckBox] = {}
        options_box = QGroupBox(self.tr("Options"))
        options_layout = QVBoxLayout(options_box)
        current_options = {o.id for o in self._sub.options}
        for option in options:
            box = QCheckBox(
                self.tr("{name} (+{price} per month)").format(
                    name=option.name.replace("&", "&&"),  # a literal &, not a shortcut
                    price=money_text(option.monthly_price),
                )
            )
            box.setObjectName(f"option_{option.id}")
            box.setToolTip(option.description)
            box.setChecked(option.id in current_options)
            box.toggled.connect(self._update_choose_button)
            self.option_boxes[option.id] = box
            options_layout.addWidget(box)
        if not options:
            options_layout.addWidget(QLabel(self.tr("No option for this contract.")))

        self.channel_hint = QLabel(self.tr("Select a plan to see the channels you gain and lose."))
        self.channel_hint.setObjectName("planChannelsDiff")
        self.channel_hint.setWordWrap(True)
        self.preview_button = QPushButton(self.tr("See what changes"))
        self.preview_button.setObjectName("previewPlanChangeButton")
        self.preview_button.setAccessibleName(self.tr("See what changes"))
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self._ask_preview)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.preview_button)

        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Compare the plans and choose one.")))
        layout.addWidget(self.plans_table, 1)
        layout.addWidget(self.channel_hint)
        layout.addWidget(options_box)
        layout.addLayout(buttons)
        current = next(
            (r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(OBJECT_ROLE).is_current),
            None,
        )
        if current is not None:
            self.plans_table.selectRow(current)
        self._update_choose_button()
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self.preview_fields: dict[str, QLabel] = {}
        for key, title in (
            ("plan", self.tr("New plan")),
            ("due_now", self.tr("Charged now (pro rata)")),
            ("effective", self.tr("Takes effect")),
            ("monthly", self.tr("New monthly price")),
            ("commitment", self.tr("New commitment end")),
        ):
            label = QLabel()
            label.setObjectName(f"preview{key.title().replace('_', '')}")
            label.setAccessibleName(title)
            label.setStyleSheet("font-weight: 600;")
            self.preview_fields[key] = label
            form.addRow(title, label)
        back = QPushButton(self.tr("Back"))
        back.setAutoDefault(False)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(CHOOSE))
        self.confirm_button = QPushButton(self.tr("Confirm the change"))
        self.confirm_button.setObjectName("confirmPlanChangeButton")
        self.confirm_button.setAccessibleName(self.tr("Confirm the change"))
        self.confirm_button.clicked.connect(self._confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(page)
        intro = QLabel(self.tr("Here is what changes. Nothing happens until you confirm."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_text = QLabel()
        self.done_text.setObjectName("planChangeResult")
        self.done_text.setWordWrap(True)
        self.done_text.setStyleSheet("font-size: 13pt;")
        close = QPushButton(self.tr("Close"))
        close.setObjectName("closePlanChangeButton")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_text)
        layout.addStretch(1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        return page

    # -- choosing ---------------------------------------------------------------------------
    def _selected(self) -> PlanComparison | None:
        rows = self.plans_table.selectionModel().selectedRows()
        if not rows:
            return None
        row: PlanComparison = rows[0].data(OBJECT_ROLE)
        return row

    def _chosen_options(self) -> list[str]:
        return sorted(option_id for option_id, box in self.option_boxes.items() if box.isChecked())

    def _on_plan_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        row = self._selected()
        if row is not None:
            gained = ", ".join(c.name for c in row.gained) or self.tr("none")
            lost = ", ".join(c.name for c in row.lost) or self.tr("none")
            self.channel_hint.setText(
                self.tr("With {plan} — channels gained: {gained}. Channels lost: {lost}.").format(
                    plan=row.plan.name, gained=gained, lost=lost
                )
            )
        self._update_choose_button()

    def _update_choose_button(self) -> None:
        row = self._selected()
        same_options = self._chosen_options() == sorted(o.id for o in self._sub.options)
        changed = row is not None and not (row.is_current and same_options)
        self.preview_button.setEnabled(changed)

    def _ask_preview(self) -> None:
        row = self._selected()
        if row is None:
            return
        plan_id, options = row.plan.id, self._chosen_options()
        self.preview_button.setEnabled(False)
        self.error.hide()

        def done(preview: PlanChangePreview) -> None:
            self._preview = preview
            self._show_preview(preview)
            self._update_choose_button()

        self._session.operations.start(
            contract.preview_plan_change(self._sub.id, plan_id, options),
            done,
            self._failed,
            owner=self,
        )

    def _show_preview(self, preview: PlanChangePreview) -> None:
        f = self.preview_fields
        f["plan"].setText(preview.plan_name)
        f["due_now"].setText(money_text(preview.amount_due_now))
        f["effective"].setText(
            self.tr("Today, {date}").format(date=date_text(preview.effective_date))
            if preview.immediate
            else self.tr("At your renewal, {date}").format(date=date_text(preview.effective_date))
        )
        f["monthly"].setText(
            self.tr("{new} (now {old})").format(
                new=money_text(preview.new_monthly_price),
                old=money_text(preview.current_monthly_price),
            )
        )
        f["commitment"].setText(
            date_text(preview.new_commitment_end)
            if preview.new_commitment_end
            else self.tr("No commitment")
        )
        self.pages.setCurrentIndex(PREVIEW)
        self.confirm_button.setDefault(True)
        self.confirm_button.setFocus()

    # -- confirming -------------------------------------------------------------------------
    def _confirm(self) -> None:
        preview = self._preview
        if preview is None:
            return
        self.confirm_button.setEnabled(False)
        self.confirm_button.setText(self.tr("Changing…"))
        self.error.hide()
        # One key per change (plan and options) until the server answered: a retry after a
        # lost answer is the same change, never a second one.

        def done(change: PlanChange) -> None:
            text = self.tr("Done: your plan is now {plan}, from {date}.").format(
                plan=change.preview.plan_name, date=date_text(change.preview.effective_date)
            )
            if change.payment is not None:
                text += " " + self.tr("{amount} was charged (reference {reference}).").format(
                    amount=money_text(change.payment.amount), reference=change.payment.reference
                )
            self.done_text.setText(text)
            self.pages.setCurrentIndex(DONE)
            self.finished_with.emit(text)

        def failed(problem: Problem) -> None:
            self.confirm_button.setEnabled(True)
            self.confirm_button.setText(self.tr("Confirm the change"))
            self._failed(problem)

        self._session.operations.start(
            contract.change_plan(self._sub.id, preview.plan_id, preview.option_ids),
            done,
            failed,
            owner=self,
        )

    def _failed(self, problem: Problem) -> None:
        self.error.setText(problem.text)
        self.error.show()
        self._update_choose_button()
