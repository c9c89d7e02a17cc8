"""Settings of the app and worker processes the integration tests start.

The test settings (Redis database per test process, fast hashing) with the production task
backend: tasks go to the database and the worker processes run them.
"""

import os

from manchette.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# The processes' logs are read by the tests: Redis failures are logged at ERROR.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Mail over SMTP when the test gives the processes its sink's address (EMAIL_URL).
if os.environ.get("EMAIL_URL"):
    globals().update(email_settings(os.environ["EMAIL_URL"]))  # noqa: F405
