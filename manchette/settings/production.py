"""Production settings: every secret from the environment, HTTPS enforced.

The variables are read in base.py (secure defaults); this module only adds what production
never lets the environment relax.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MEDIA_STORAGE, SECRET_KEY

if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set (50+ random characters) in production.")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Wagtail's live preview shows the page in a same-origin frame: SAMEORIGIN (base.py), not DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "manchette.core.storage.StaticStorage"},
}
