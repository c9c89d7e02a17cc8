"""Settings for the real `db_worker` subprocesses of the PostgreSQL sending tests.

The test settings, with the database task backend and SMTP to the test's sink (EMAIL_URL).
"""

import os

from manchette.settings.base import email_settings
from manchette.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
globals().update(email_settings(os.environ["EMAIL_URL"]))
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "20"))
NEWSLETTER_PARALLEL_SENDERS = int(os.environ.get("NEWSLETTER_PARALLEL_SENDERS", "1"))
LOGGING = {"version": 1, "disable_existing_loggers": False}
NEWSLETTER_KICK_SECONDS = int(os.environ.get("NEWSLETTER_KICK_SECONDS", "60"))
