"""A sync that runs until it is killed (the kill -9 test's victim).

    python -m tests.core.sync_worker URL LOGIN PASSWORD CACHE_FOLDER

Between two syncs it forgets the stored ETags, the changes feed's state and what its PDFs
were kept for, so that every sync rewrites every resource and downloads the archive again,
and a kill lands in the middle of writes as often as possible.
"""

from __future__ import annotations

import sys
from pathlib import Path

from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.sync import sync_account


def main() -> None:
    url, login, password, folder = sys.argv[1:5]
    client = ApiClient(url)
    client.login(login, password)
    cache = AccountCache(Path(folder))
    print("ready", flush=True)
    while True:
        sync_account(client, cache)
        with cache.transaction() as conn:
            conn.execute("UPDATE pages SET etag = NULL")
            conn.execute("UPDATE details SET summary = ''")
            conn.execute("UPDATE bill_pdfs SET summary = '', etag = NULL")
            conn.execute("DELETE FROM meta WHERE key = 'changes_state'")


if __name__ == "__main__":
    main()
