"""What a sync and its archive pass report: what was saved, what failed and why.

Records like the others: the session hands them to the window, which says in words how
current the local copy is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from icanal_desktop.core.errors import OfflineError


@dataclass
class ArchiveReport:
    """How complete the offline archive of bill PDFs is after one pass."""

    wanted: int = 0  # bills whose PDF the archive should hold
    kept: int = 0  # of those, held and current
    downloaded: int = 0  # in this pass
    not_modified: int = 0  # asked again and answered 304 (kept as it was)
    failed: dict[str, Exception] = field(default_factory=dict)
    over_cap: int = 0  # left out because of the user's size limit
    unavailable: int = 0  # the server no longer serves them (and we never had them)
    bytes: int = 0
    cancelled: bool = False

    @property
    def complete(self) -> bool:
        return not self.failed and not self.cancelled and self.missing == 0

    @property
    def missing(self) -> int:
        """PDFs that a later pass can still fetch (failed, cancelled or not reached)."""
        return max(0, self.wanted - self.kept - self.over_cap - self.unavailable)


@dataclass
class SyncReport:
    fetched: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, Exception] = field(default_factory=dict)
    # Resources the server does not serve at all (its whole route answers 404): a server
    # implementing part of the contract still syncs what it has.
    unsupported: list[str] = field(default_factory=list)
    cancelled: bool = False
    # "changes" when the server's changes feed answered, "walk" for the page-by-page walk.
    protocol: str = "walk"
    archive: ArchiveReport | None = None

    @property
    def ok(self) -> bool:
        archive_ok = self.archive is None or (
            not self.archive.failed and not self.archive.cancelled
        )
        return not self.failed and not self.cancelled and archive_ok

    @property
    def offline(self) -> bool:
        errors = list(self.failed.values())
        if self.archive is not None:
            errors += self.archive.failed.values()
        return any(isinstance(e, OfflineError) for e in errors)

    @property
    def saved(self) -> list[str]:
        """Every resource whose copy is current after this sync."""
        return [*self.fetched, *self.unchanged]
