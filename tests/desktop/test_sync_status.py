"""What the status bar says of a sync or an archive pass that did not get everything."""

from __future__ import annotations

from icanal_desktop.core.errors import OfflineError, ServerError
from icanal_desktop.core.sync import ArchiveReport, SyncReport
from icanal_desktop.gui.views.shell.sync_status import archive_message, sync_message


def test_a_complete_sync_says_nothing() -> None:
    assert sync_message(SyncReport(fetched=["bills"], unchanged=["profile"])) == ""


def test_a_partial_sync_says_what_was_saved_what_was_not_and_the_next_step() -> None:
    report = SyncReport(
        fetched=["bills", "payments"],
        unchanged=["profile"],
        failed={"tickets": ServerError("boom", 503)},
    )
    text = sync_message(report)
    assert text.startswith("Partly updated:")
    assert "bills, payments, your profile saved" in text
    assert "not updated: support requests" in text
    assert "error 503" in text
    assert "The next sync completes it." in text
    assert "ServerError" not in text
    assert "Offline" not in text


def test_nothing_saved_from_an_unreachable_server_says_so() -> None:
    text = sync_message(SyncReport(failed={"changes": OfflineError("x")}))
    assert text.startswith("Not updated: The iCanal server cannot be reached.")
    assert "The next sync tries again." in text


def test_an_incomplete_archive_says_how_many_and_that_the_next_sync_completes_it() -> None:
    report = ArchiveReport(wanted=193, kept=150, failed={"b": ServerError("x", 503)})
    text = archive_message(report)
    assert "Bill PDFs kept offline: 150 of 193." in text
    assert "The next sync downloads the others." in text
    assert archive_message(ArchiveReport(wanted=5, kept=5)) == ""
    capped = archive_message(ArchiveReport(wanted=10, kept=4, over_cap=6))
    assert "size limit: 6" in capped
    done = archive_message(ArchiveReport(wanted=3, kept=3, downloaded=3))
    assert done == "Every bill is kept offline: 3 PDFs."
