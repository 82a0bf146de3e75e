"""The HTTP client for the Espace Client API. Pure Python, no Qt."""

from icanal_desktop.core.api.client import ApiClient, Fetched, Timeouts

__all__ = ["ApiClient", "Fetched", "Timeouts"]
