"""A sync that runs until it is killed (the kill -9 test's victim).

    python -m tests.core.sync_worker URL LOGIN PASSWORD CACHE_FOLDER

Between two syncs it forgets the stored ETags, so that every sync rewrites every resource
and a kill lands in the middle of writes as often as possible.
"""

from __future__ import annotations

import sys
from pathlib import Path

from icanal_desktop.api import ApiClient
from icanal_desktop.cache import AccountCache
from icanal_desktop.sync import sync_account


def main() -> None:
    url, login, password, folder = sys.argv[1:5]
    client = ApiClient(url)
    client.login(login, password)
    cache = AccountCache(Path(folder))
    print("ready", flush=True)
    while True:
        sync_account(client, cache, pdf_days=60)
        with cache.transaction() as conn:
            conn.execute("UPDATE pages SET etag = NULL")
            conn.execute("UPDATE details SET summary = ''")


if __name__ == "__main__":
    main()
