"""Settings for `make run`: a local site with a readable mailbox under var/mail."""

import time

from .base import *  # noqa: F403
from .base import RELEASE, SECRET_KEY, STATIC_ROOT, VAR_DIR

# Static files straight from the source tree: no collectstatic needed to run the demo.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-change-me-in-production-0123456789"
ALLOWED_HOSTS = ["*"]
# The demo content and accounts (`make demo`); production leaves the app out.
INSTALLED_APPS = [*INSTALLED_APPS, "manchette.demo"]
# Plain http on 127.0.0.1, with no proxy in front: the app serves the media itself.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SERVE_MEDIA = True
# Each start of the demo renders pages and fragments afresh: edited templates show at once.
RELEASE = RELEASE or str(time.time())
(VAR_DIR / "mail").mkdir(parents=True, exist_ok=True)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
