"""The reference server of the Espace Client API (see API.md). Never imports icanal_desktop."""

__version__ = "0.1.0"
