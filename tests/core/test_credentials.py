"""Refresh tokens go to a real keyring or nowhere: never to a plaintext or no-op backend."""

from __future__ import annotations

import secrets
from typing import cast

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from icanal_desktop.core.credentials import CredentialStore


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_insecure_backends_mean_no_secure_storage(backend: object) -> None:
    store = CredentialStore(service="icanal-test", backend=backend)  # type: ignore[arg-type]
    status = store.status()
    assert status.secure is False
    assert status.reason
    assert store.save_refresh_token("acc", "token") is False
    assert store.load_refresh_token("acc") is None
    store.forget("acc")  # harmless


class _BrokenKeyring:
    """Looks like a keyring but fails on use, like a locked collection.

    Deliberately not a KeyringBackend subclass: keyring registers every subclass as a
    candidate backend for the whole process, and this one would then break the others.
    """

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("the collection is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError("the collection is locked")


def test_a_failing_backend_is_reported_not_raised() -> None:
    broken = cast(KeyringBackend, _BrokenKeyring())
    status = CredentialStore(service="icanal-test", backend=broken).status()
    assert status.secure is False


@pytest.mark.keyring
@pytest.mark.usefixtures("secret_service")
def test_real_secret_service_round_trip() -> None:
    store = CredentialStore(service=f"icanal-test-{secrets.token_hex(4)}")
    assert store.status().secure, store.status()
    assert "SecretService" in store.status().backend or "chainer" in store.status().backend
    token = secrets.token_urlsafe(24)
    assert store.save_refresh_token("https://x|acc_1", token)
    assert store.load_refresh_token("https://x|acc_1") == token
    store.forget("https://x|acc_1")
    assert store.load_refresh_token("https://x|acc_1") is None
