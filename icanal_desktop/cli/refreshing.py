"""Bringing the local copy up to date before a command shows it, and saying how current
what it shows is (`Freshness`: the exit code and the note): offline, not updated, partly
updated, or bill PDFs the archive lacks. Shows the sync's progress on a terminal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from icanal_desktop.cli.context import Context
from icanal_desktop.cli.exits import EXIT_AUTH, EXIT_OFFLINE, EXIT_OK, EXIT_SERVER, CliError
from icanal_desktop.cli.session import restore_client
from icanal_desktop.core.accounts import KnownAccount
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.errors import ApiError, OfflineError
from icanal_desktop.core.sync import ArchiveReport, SyncReport, sync_account


@dataclass
class Freshness:
    """How current the data about to be shown is."""

    code: int
    note: str


def refresh(ctx: Context, known: KnownAccount, cache: AccountCache) -> Freshness:
    """Tries an incremental sync; says how current the cache is afterwards."""
    if ctx.option("offline"):
        return Freshness(EXIT_OFFLINE, offline_note(cache, "--offline"))
    try:
        client = restore_client(ctx, known)
    except CliError as exc:
        if exc.code != EXIT_AUTH:
            raise
        return Freshness(EXIT_AUTH, f"{exc} — {offline_note(cache, 'not signed in')}")
    except OfflineError:
        return Freshness(EXIT_OFFLINE, offline_note(cache, "the server cannot be reached"))
    except ApiError as exc:
        return Freshness(EXIT_SERVER, offline_note(cache, f"server error: {exc}", offline=False))
    try:
        report = sync_with_progress(ctx, client, cache)
    finally:
        client.close()
    return freshness(report, cache)


def freshness(report: SyncReport, cache: AccountCache) -> Freshness:
    """Says what was saved, what is missing, and that the next sync completes it."""
    code = EXIT_OFFLINE if report.offline else EXIT_SERVER
    archive = archive_note(report.archive)
    if report.failed and not report.saved:
        if report.offline:
            note = offline_note(cache, "the server cannot be reached")
        else:
            note = offline_note(cache, f"server error: {next(iter(report.failed.values()))}",
                                offline=False)  # fmt: skip
        return Freshness(code, " ".join(filter(None, [note, archive])))
    if report.failed:
        failed = ", ".join(n for n in report.failed if n != "changes") or "the latest changes"
        first = next(iter(report.failed.values()))
        note = (
            f"Partly updated: saved {', '.join(report.saved)}; not updated: {failed} ({first})."
            " Run `icanal sync` again to complete it."
        )
        return Freshness(code, " ".join(filter(None, [note, archive])))
    if report.archive is not None and not report.archive.complete:
        archive_code = code if report.archive.failed else EXIT_OK
        return Freshness(archive_code, archive)
    return Freshness(EXIT_OK, archive)


def archive_note(archive: ArchiveReport | None) -> str:
    if archive is None:
        return ""
    parts = []
    if archive.missing:
        parts.append(
            f"Bill PDFs kept offline: {archive.kept} of {archive.wanted};"
            " the next sync downloads the others."
        )
    if archive.over_cap:
        parts.append(
            f"{archive.over_cap} older bill PDF(s) not kept offline: the archive's size limit."
        )
    return " ".join(parts)


def offline_note(cache: AccountCache, why: str, *, offline: bool = True) -> str:
    """What the output comes from when it could not be brought up to date: a reachable
    server that failed is not called "offline"."""
    last = cache.last_sync()
    when = last.astimezone().strftime("%Y-%m-%d %H:%M") if last else "never"
    if offline:
        return f"Offline ({why}): showing the local copy, last updated {when}"
    return f"Not updated ({why}): showing the local copy, last updated {when}; try again later"


PROGRESS_NAMES = {"changes": "what changed", "payment_methods": "payment methods"}


def sync_with_progress(ctx: Context, client: ApiClient, cache: AccountCache) -> SyncReport:
    progress: Callable[[str, int, int], None] | None = None
    if ctx.out.isatty():

        def progress(what: str, done: int, total: int) -> None:
            end = "\n" if what == "done" else ""
            what = PROGRESS_NAMES.get(what, what)
            ctx.out.write(f"\r\033[KSyncing {what}… {done}/{total}{end}")
            ctx.out.flush()

    return sync_account(client, cache, progress=progress)
