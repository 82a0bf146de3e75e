"""iCanal Desktop: the subscriber's account space on the desktop."""

__version__ = "0.1.0"
