"""The Bills tab's exports (F15, F19): a year of bills (PDFs + CSV, through
`icanal_desktop.core.exports`, shared with the `icanal` command) and the reminders' .ics file.
Work happens off the GUI thread through the session; results come back as messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from icanal_desktop.core import actions, exports, reminders
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.domain import billing
from icanal_desktop.core.errors import ApiError
from icanal_desktop.gui.problems import describe_error
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.views.shell.notifications import calendar_summary


class BillsExporter(QObject):
    message = Signal(str)  # what to tell the user (progress, result or error)
    finished = Signal()  # the year export ended (either way)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session

    def export_year(self, folder: Path, year: int) -> None:
        online = self._session.online
        self.message.emit(self.tr("Exporting the bills of {year}…").format(year=year))

        def work(client: ApiClient, cache: AccountCache) -> exports.YearExport:
            def get_pdf(bill: billing.Bill) -> bytes | None:
                data = cache.pdf(bill.id)
                if data is None and online:
                    try:
                        data = actions.bill_pdf(client, cache, bill.id)
                    except ApiError:
                        return None
                return data

            return exports.export_year(folder, year, cache.bills(year=year), get_pdf)

        def done(result: exports.YearExport) -> None:
            text = self.tr("{n} PDF(s) and {csv} written.").format(
                n=len(result.written), csv=str(result.csv_path)
            )
            if result.missing:
                text += " " + self.tr("No PDF on this computer for: {numbers}.").format(
                    numbers=", ".join(result.missing)
                )
            self.message.emit(text)
            self.finished.emit()

        def failed(exc: Exception) -> None:
            self.message.emit(describe_error(exc))
            self.finished.emit()

        self._session.run_action("export-year", work, done, failed, owner=self)

    def export_calendar(self, path: Path) -> None:
        today = dt.date.today()

        def load(cache: AccountCache) -> list[reminders.Upcoming]:
            unpaid = [b for status in sorted(reminders.UNPAID) for b in cache.bills(status=status)]
            return reminders.upcoming(unpaid, cache.subscriptions(), today=today)

        def write(found: list[reminders.Upcoming]) -> None:
            events = [
                reminders.CalendarEvent(reminders.event_uid(u), u.day, calendar_summary(u))
                for u in found
            ]
            try:
                reminders.write_ics(str(path), events, dt.datetime.now(dt.UTC), "iCanal")
            except OSError as exc:
                self.message.emit(
                    self.tr("The file could not be written: {reason}").format(reason=exc.strerror)
                )
                return
            self.message.emit(
                self.tr("{n} date(s) saved to {path}.").format(n=len(events), path=str(path))
            )

        self._session.load(load, write, owner=self)
