"""What a view asks of the account, as plain values: requests (the user's actions, and the
on-demand fetches), queries (reads of the local copy) and public requests (no account).

A view never builds the work itself: the feature modules beside this one (billing,
subscription, methods, support, profile, local) make these objects from plain values,
and the session's `OperationRunner` carries them out off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from icanal_desktop.core.actions import Outcome
    from icanal_desktop.core.api import ApiClient
    from icanal_desktop.core.cache import AccountCache

T = TypeVar("T")


@dataclass(frozen=True)
class Request(Generic[T]):
    """One user action on the account (pay this bill, cancel this contract…).

    `action` and `target` name the user's action: while one runs, the same is not sent
    again, and every retry of it sends the same idempotency key until its outcome is
    known (see `IdempotencyKeys`). `perform(client, cache, key)` runs on the cache's
    writer thread; it does the request, refreshes what it changed and says so in its
    `Outcome`, whose value (of type T) is what the view receives.
    """

    action: str
    target: tuple[Hashable, ...]
    perform: Callable[[ApiClient, AccountCache, str], Outcome[T]] = field(repr=False, compare=False)

    @property
    def name(self) -> str:
        return ":".join([self.action, *(str(part) for part in self.target)])


@dataclass(frozen=True)
class Query(Generic[T]):
    """A read of the current account's local copy (a tab's rows, the cache's size)."""

    name: str
    read: Callable[[AccountCache], T] = field(repr=False, compare=False)


@dataclass(frozen=True)
class PublicRequest(Generic[T]):
    """A request that needs no account (a password reset), with a client of its own."""

    name: str
    perform: Callable[[ApiClient], T] = field(repr=False, compare=False)


@dataclass(frozen=True)
class LocalJob(Generic[T]):
    """Local work that must not hold the window (writing a file the user asked for)."""

    name: str
    run: Callable[[], T] = field(repr=False, compare=False)
