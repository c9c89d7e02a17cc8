"""Settings for the real task worker a browser test starts as a subprocess.

The test settings run tasks inline; the worker needs the database backend. Without Redis the
test process and the worker share a file cache (the test points both at the same folder), as
the web processes and the worker do in the embedded set-up, so a purge made by the worker
reaches the pages the live server caches.
"""

import os

from manchette.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
if os.environ.get("E2E_CACHE_DIR"):
    CACHES = {
        "default": {
            "BACKEND": "manchette.core.filecache.FileCache",
            "LOCATION": os.environ["E2E_CACHE_DIR"],
        }
    }
