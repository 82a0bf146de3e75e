"""A keyring backend that keeps secrets in memory: a *secure* store for tests of what the
app does with one (the real Secret Service is tested by the keyring-marked tests)."""

from __future__ import annotations

from keyring.errors import PasswordDeleteError

from icanal_desktop.core.credentials import CredentialStore


class MemoryKeyring:
    priority = 1

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


def memory_store() -> tuple[CredentialStore, MemoryKeyring]:
    backend = MemoryKeyring()
    return CredentialStore(service="icanal-test", backend=backend), backend  # type: ignore[arg-type]
