"""Settings for `make run`: a local site with a readable mailbox under var/mail."""

import os
import time

from .base import *  # noqa: F403
from .base import STATIC_ROOT, VAR_DIR, env_bool

DEBUG = os.environ.get("DEBUG", "0") == "1"
# Static files straight from the source tree: no collectstatic needed to run the demo.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
SECRET_KEY = (
    os.environ.get("SECRET_KEY") or "dev-only-insecure-key-change-me-in-production-0123456789"
)
ALLOWED_HOSTS = ["*"]
# The demo serves its own pictures (no nginx in front).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# Each start of the demo renders pages and fragments afresh: edited templates show at once.
RELEASE = os.environ.get("RELEASE") or str(time.time())
(VAR_DIR / "mail").mkdir(parents=True, exist_ok=True)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
