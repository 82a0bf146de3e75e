"""Signing in and the tokens: login, restoring a remembered session, the refresh (rotated,
serialized so two threads never spend the same refresh token, never retried), logout, and
the password endpoints (reset by email, change)."""

from __future__ import annotations

from icanal_desktop.core.api.problems import error_for
from icanal_desktop.core.api.sending import Sender, decode_json, log
from icanal_desktop.core.domain import records
from icanal_desktop.core.errors import OfflineError, SessionExpiredError


class Authentication(Sender):
    """The `/auth` endpoints of `ApiClient`, and the refresh its requests ask for on a 401."""

    def login(self, login: str, password: str) -> records.Tokens:
        data = self._call(
            "POST",
            "/auth/login",
            "login",
            json_body={"login": login, "password": password},
            signing_in=True,
        )
        self._tokens = records.parse_tokens(data)
        return self._tokens

    def restore(self, refresh_token: str) -> records.Tokens:
        """Signs in again with a remembered refresh token (rotated: save the new one)."""
        with self._token_lock:
            return self._refresh_locked(refresh_token)

    def refresh(self) -> records.Tokens:
        with self._token_lock:
            if self._tokens is None:
                raise SessionExpiredError("not signed in")
            return self._refresh_locked(self._tokens.refresh_token)

    def _refresh_locked(self, refresh_token: str) -> records.Tokens:
        # Never retried: a refresh whose answer was lost already spent the token, and
        # sending it again would look like theft to the server (reuse revokes the family).
        response = self._send_with_retries(
            "POST", "/auth/refresh", json_body={"refresh_token": refresh_token}, retry=False
        )
        if response.status_code == 401:
            self._tokens = None
            raise SessionExpiredError("the session has expired: sign in again")
        if response.status_code != 200:
            raise error_for(response)
        tokens = records.parse_tokens(decode_json("refresh", response))
        self._tokens = tokens
        log.info("tokens refreshed for account %s", tokens.account_id)
        if self.on_tokens_rotated is not None:
            self.on_tokens_rotated(tokens)
        return tokens

    def _refresh_after_401(self, used_token: str) -> None:
        with self._token_lock:
            current = self._tokens
            if current is None:
                raise SessionExpiredError("the session has expired: sign in again")
            if current.access_token != used_token:
                return  # another thread refreshed meanwhile: just retry with the new token
            self._refresh_locked(current.refresh_token)

    def logout(self) -> None:
        """Revokes the session on the server; the local tokens are dropped in any case."""
        try:
            if self._tokens is not None:
                self._call("POST", "/auth/logout", "logout", expect_body=False, refresh=False)
        except (SessionExpiredError, OfflineError):
            pass  # already dead, or the server will let it expire: forget it locally anyway
        finally:
            self._tokens = None

    def request_password_reset(self, email: str) -> None:
        self._call(
            "POST",
            "/auth/password-reset",
            "password reset",
            json_body={"email": email},
            authorized=False,
            expect_body=False,
        )

    def confirm_password_reset(self, email: str, code: str, new_password: str) -> None:
        self._call(
            "POST",
            "/auth/password-reset/confirm",
            "password reset",
            json_body={"email": email, "code": code, "new_password": new_password},
            authorized=False,
            expect_body=False,
        )

    def change_password(self, current_password: str, new_password: str) -> None:
        self._call(
            "POST",
            "/auth/password",
            "password change",
            json_body={"current_password": current_password, "new_password": new_password},
            expect_body=False,
        )
