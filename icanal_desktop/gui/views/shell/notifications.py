"""Desktop reminders (F19): a notification a few days before a bill's due date, the
renewal or a card's expiry, once per event, unless turned off in the settings.

The switch is `AppSettings.notifications_enabled` (QSettings key `notifications/enabled`,
shown in the Profile tab's settings); which events were already shown is kept in the same
settings file under `notifications/shown`, so a restart does not repeat them. Where the
desktop has no system tray (offscreen, some Linux desktops) nothing pops up, but the
`reminded` signal still tells the window.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from icanal_desktop.core import reminders
from icanal_desktop.gui.models.formatting import date_text, money_text
from icanal_desktop.gui.operations import billing
from icanal_desktop.gui.session import Session

if TYPE_CHECKING:  # the settings come from the composition root
    from icanal_desktop.gui.settings import AppSettings

SHOWN_KEY = "notifications/shown"
CHECK_EVERY_MS = 3 * 60 * 60 * 1000
WATCHED = frozenset({"bills", "subscriptions", "payment_methods"})
translate = QCoreApplication.translate


def reminder_text(item: reminders.Upcoming, today: dt.date) -> tuple[str, str]:
    """The notification's title and body, in the interface language."""
    days = (item.day - today).days
    when = (
        translate("Reminders", "today")
        if days == 0
        else translate("Reminders", "tomorrow")
        if days == 1
        else translate("Reminders", "in {n} days").format(n=days)
    )
    day = date_text(item.day)
    if item.kind == "bill_due":
        amount = money_text(item.amount) if item.amount else ""
        return (
            translate("Reminders", "Bill {number} is due {when}").format(
                number=item.label, when=when
            ),
            translate("Reminders", "{amount} to pay by {date}.").format(amount=amount, date=day),
        )
    if item.kind == "renewal":
        return (
            translate("Reminders", "Your subscription renews {when}").format(when=when),
            translate("Reminders", "{plan} renews on {date}.").format(plan=item.label, date=day),
        )
    return (
        translate("Reminders", "Your card expires {when}").format(when=when),
        translate("Reminders", "{card} expires on {date}. Add a new card to keep paying.").format(
            card=item.label, date=day
        ),
    )


def calendar_summary(item: reminders.Upcoming) -> str:
    if item.kind == "bill_due":
        amount = money_text(item.amount) if item.amount else ""
        return translate("Reminders", "iCanal: pay bill {number} ({amount})").format(
            number=item.label, amount=amount
        )
    if item.kind == "renewal":
        return translate("Reminders", "iCanal: {plan} subscription renews").format(plan=item.label)
    return translate("Reminders", "iCanal: card {card} expires").format(card=item.label)


class ReminderNotifier(QObject):
    reminded = Signal(str, str, str)  # event key, title, body

    def __init__(
        self, session: Session, settings: AppSettings | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._settings = settings
        self.tray: QSystemTrayIcon | None = None
        app = QApplication.instance()
        if QSystemTrayIcon.isSystemTrayAvailable() and isinstance(app, QApplication):
            info = QStyle.StandardPixmap.SP_MessageBoxInformation
            icon = (
                app.windowIcon()
                if not app.windowIcon().isNull()
                else app.style().standardIcon(info)
            )
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(self.tr("iCanal reminders"))
        session.resources_changed.connect(self._on_resources)
        # The app may stay open for days: look again as dates come closer.
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self._on_timer)
        self._timer.start()

    @property
    def enabled(self) -> bool:
        return self._settings is not None and self._settings.notifications_enabled

    def shown_keys(self) -> set[str]:
        if self._settings is None:
            return set()
        value = self._settings.store.value(SHOWN_KEY, [])
        if isinstance(value, str):
            return {value} if value else set()
        return {str(v) for v in value} if isinstance(value, list) else set()

    def _remember(self, keys: set[str], today: dt.date) -> None:
        if self._settings is None:
            return
        # Forget events long past, so the list stays small.
        cutoff = (today - dt.timedelta(days=60)).isoformat()
        kept = sorted(k for k in keys if k.rsplit(":", 1)[-1] >= cutoff)
        self._settings.store.setValue(SHOWN_KEY, kept)
        self._settings.store.sync()

    def _on_resources(self, names: frozenset[str]) -> None:
        if names & WATCHED and self.enabled:
            self.check()

    def _on_timer(self) -> None:
        if self.enabled and self._session.account is not None:
            self.check()

    def check(self, today: dt.date | None = None) -> None:
        """Loads what is coming up in the next days and notifies what was not shown yet."""
        day = today or dt.date.today()

        self._session.operations.read(
            billing.upcoming(day, with_methods=True),
            lambda found: self._notify(found, day),
            owner=self,
        )

    def _notify(self, found: list[reminders.Upcoming], today: dt.date) -> None:
        if not self.enabled:
            return
        shown = self.shown_keys()
        new = [item for item in found if item.key not in shown]
        for item in new:
            title, body = reminder_text(item, today)
            if self.tray is not None:
                self.tray.show()
                self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information)
            self.reminded.emit(item.key, title, body)
        if new:
            self._remember(shown | {item.key for item in new}, today)
