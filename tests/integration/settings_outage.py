"""Settings of the app processes the database-outage tests start: the integration settings
with the default install's page cache (files, shared by every process and kept across a
restart), and, when SQLITE_READ_ONLY is set, the SQLite database opened read-only, as SQLite
opens a file it may not write (the tests run as root, whom file permissions do not stop)."""

import os

from tests.integration.settings_integration import *  # noqa: F403

CACHES = {
    "default": {
        "BACKEND": "manchette.core.filecache.FileCache",
        "LOCATION": os.environ["PAGE_CACHE_DIR"],
    }
}
if os.environ.get("SQLITE_READ_ONLY"):
    DATABASES["default"]["NAME"] = f"file:{DATABASES['default']['NAME']}?mode=ro"  # noqa: F405
