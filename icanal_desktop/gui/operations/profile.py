"""The subscriber's profile and password, and the password reset before signing in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from icanal_desktop.core import actions
from icanal_desktop.core.api.transport import check_server_url
from icanal_desktop.core.domain import records
from icanal_desktop.core.errors import InsecureTransportError
from icanal_desktop.gui.operations.base import PublicRequest, Query, Request
from icanal_desktop.gui.operations.outcomes import unchanged
from icanal_desktop.gui.problems import Problem, problem_from

if TYPE_CHECKING:
    from icanal_desktop.core.actions import Outcome
    from icanal_desktop.core.api import ApiClient
    from icanal_desktop.core.cache import AccountCache


def update_profile(changes: dict[str, Any]) -> Request[records.Profile]:
    """Sends only the fields that change (an email change carries `current_password`,
    which the request's name never holds)."""
    fields = tuple(sorted(k for k in changes if k != "current_password"))
    return Request(
        "update-profile",
        fields,
        lambda client, cache, _key: actions.update_profile(client, cache, dict(changes)),
    )


def change_password(current: str, new: str) -> Request[None]:
    def perform(client: ApiClient, _cache: AccountCache, _key: str) -> Outcome[None]:
        actions.change_password(client, current, new)
        return unchanged(None)

    return Request("change-password", (), perform)


def checked_server_url(text: str) -> str | Problem:
    """The server address as the app will use it, or why it cannot be used (HTTPS is
    required, except on this computer)."""
    try:
        return check_server_url(text)
    except InsecureTransportError as exc:
        return problem_from(exc)


def profile() -> Query[records.Profile | None]:
    return Query("profile", lambda cache: cache.profile())


def request_password_reset(email: str) -> PublicRequest[None]:
    return PublicRequest("reset-request", lambda client: client.request_password_reset(email))


def confirm_password_reset(email: str, code: str, password: str) -> PublicRequest[None]:
    return PublicRequest(
        "reset-confirm", lambda client: client.confirm_password_reset(email, code, password)
    )
