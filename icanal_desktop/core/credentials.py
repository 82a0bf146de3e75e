"""Refresh tokens in the operating system's keyring, one entry per account. Never passwords.

A backend that would not keep a secret safely (keyring's `fail` and `null` backends,
plaintext files, or a store that cannot be written and read back) counts as "no secure
storage": remember-me is then off and the session still works. There is never a silent
fallback to a file.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

# `keyring` is imported where it is used, in the session's workers: importing it took
# ~0.05 s of every start-up on the GUI thread (benchmarks B1).

log = logging.getLogger(__name__)

SERVICE = "iCanal Desktop"
_INSECURE_BACKENDS = {
    "keyring.backends.fail.Keyring",
    "keyring.backends.null.Keyring",
    "keyrings.alt.file.PlaintextKeyring",
    "keyrings.alt.file.EncryptedKeyring",  # a file next to its own key in practice
}


@dataclass(frozen=True)
class StorageStatus:
    secure: bool
    backend: str
    reason: str = ""


def _qualname(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _effective_backends(backend: KeyringBackend) -> list[KeyringBackend]:
    inner = getattr(backend, "backends", None)  # keyring's ChainerBackend
    return list(inner) if isinstance(inner, list | tuple) else [backend]


class CredentialStore:
    def __init__(self, service: str = SERVICE, backend: KeyringBackend | None = None) -> None:
        self._service = service
        self._backend = backend
        self._status: StorageStatus | None = None

    @property
    def backend(self) -> KeyringBackend:
        if self._backend is not None:
            return self._backend
        import keyring

        return keyring.get_keyring()

    def status(self) -> StorageStatus:
        """Checks once (a write and a read-back) whether secrets can be kept safely.

        Slow on some systems (it may start a keyring daemon): call it off the GUI thread.
        """
        if self._status is None:
            self._status = self._probe()
        return self._status

    def _probe(self) -> StorageStatus:
        backend = self.backend
        name = _qualname(backend)
        usable = [b for b in _effective_backends(backend) if _qualname(b) not in _INSECURE_BACKENDS]
        if not usable:
            return StorageStatus(False, name, "no secure keyring on this computer")
        probe_user = f"probe-{secrets.token_hex(4)}"
        probe_value = secrets.token_urlsafe(16)
        try:
            backend.set_password(self._service, probe_user, probe_value)
            read_back = backend.get_password(self._service, probe_user)
            backend.delete_password(self._service, probe_user)
        except Exception as exc:  # any backend failure means "not usable", never a crash
            log.warning("keyring %s is not usable: %s", name, type(exc).__name__)
            return StorageStatus(False, name, "the keyring is locked or refused access")
        if read_back != probe_value:
            return StorageStatus(False, name, "the keyring does not keep what is stored")
        return StorageStatus(True, name)

    def save_refresh_token(self, account_key: str, token: str) -> bool:
        if not self.status().secure:
            return False
        try:
            self.backend.set_password(self._service, account_key, token)
        except Exception as exc:
            log.warning("could not store the refresh token: %s", type(exc).__name__)
            return False
        return True

    def load_refresh_token(self, account_key: str) -> str | None:
        if not self.status().secure:
            return None
        try:
            return self.backend.get_password(self._service, account_key)
        except Exception as exc:
            log.warning("could not read the refresh token: %s", type(exc).__name__)
            return None

    def forget(self, account_key: str) -> None:
        if not self.status().secure:
            return
        from keyring.errors import PasswordDeleteError

        try:
            self.backend.delete_password(self._service, account_key)
        except PasswordDeleteError:
            pass  # nothing stored: already forgotten
        except Exception as exc:
            log.warning("could not delete the refresh token: %s", type(exc).__name__)
