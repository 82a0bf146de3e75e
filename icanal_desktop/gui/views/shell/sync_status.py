"""What the status bar says after a sync and after the archive's downloads: what was saved,
what is missing and that the next sync completes it (a half-done sync never reads as done).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from icanal_desktop.gui.problems import describe_error
from icanal_desktop.gui.views.common.resource_names import resource_title

if TYPE_CHECKING:  # the reports come through the session's signals
    from icanal_desktop.core.domain.reports import ArchiveReport, SyncReport

translate = QCoreApplication.translate


def _names(names: list[str]) -> str:
    return ", ".join(resource_title(n) for n in names)


def sync_message(report: SyncReport) -> str:
    """ "" when the sync is complete: nothing to say."""
    if not report.failed:
        return ""
    reason = describe_error(next(iter(report.failed.values())))
    failed = [n for n in report.failed if n != "changes"]
    if report.saved:
        return translate(
            "SyncStatus",
            "Partly updated: {saved} saved; not updated: {failed}. {reason} "
            "The next sync completes it.",
        ).format(
            saved=_names(report.saved),
            failed=_names(failed) or translate("SyncStatus", "the latest changes"),
            reason=reason,
        )
    return translate("SyncStatus", "Not updated: {reason} The next sync tries again.").format(
        reason=reason
    )


def archive_message(report: ArchiveReport) -> str:
    """ "" when every PDF the archive should hold is there and nothing was said to the user."""
    parts = []
    if report.failed:
        reason = describe_error(next(iter(report.failed.values())))
        parts.append(
            translate(
                "SyncStatus",
                "Bill PDFs kept offline: {kept} of {wanted}. {reason} "
                "The next sync downloads the others.",
            ).format(kept=report.kept, wanted=report.wanted, reason=reason)
        )
    elif report.missing:
        parts.append(
            translate(
                "SyncStatus",
                "Bill PDFs kept offline: {kept} of {wanted}. The next sync downloads the others.",
            ).format(kept=report.kept, wanted=report.wanted)
        )
    if report.over_cap:
        parts.append(
            translate(
                "SyncStatus",
                "Older bill PDFs not kept offline because of your size limit: {count} "
                "(Profile, This app on this computer).",
            ).format(count=report.over_cap)
        )
    if not parts and report.downloaded:
        parts.append(
            translate("SyncStatus", "Every bill is kept offline: {count} PDFs.").format(
                count=report.kept
            )
        )
    return " ".join(parts)
