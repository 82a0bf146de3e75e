"""The operations a view may ask of the account, one module per feature.

Each function takes plain values and returns a `Request` (a user action, or an on-demand
fetch), a `Query` (a read of the local copy) or a `PublicRequest`; the session's
`OperationRunner` (`session.operations`) carries them out and answers on the GUI thread
with a typed value or a `Problem`. Views import these modules and the domain records,
never the API client, the cache or the sync.
"""

from icanal_desktop.gui.operations.base import LocalJob, PublicRequest, Query, Request
from icanal_desktop.gui.operations.runner import OperationRunner

__all__ = ["LocalJob", "OperationRunner", "PublicRequest", "Query", "Request"]
