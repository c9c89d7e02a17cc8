"""Settings for the test suite: fast hashing, tasks run inline, mail kept in memory by default."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-secret-key-not-for-production-0123456789abcdef"
DEBUG = False
ALLOWED_HOSTS = ["*"]
# The test client speaks plain http, and the pages' media are served by the app.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SERVE_MEDIA = True
INSTALLED_APPS = [*INSTALLED_APPS, "manchette.demo"]  # the demo content is tested too
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: browser tests run a real worker process on the same database.
    # One file per test process, so concurrent runs never share a database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
if REDIS_URL:
    # One Redis database per test process: clearing the cache never touches another's. The
    # database in REDIS_URL is where the numbering starts (0 starts at 1), so two checkouts
    # tested at once on one Redis can be kept apart.
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or "0")
    server, _, first = REDIS_URL.rpartition("/")
    first = int(first) if first.isdigit() and int(first) else 1
    CACHES["default"]["LOCATION"] = f"{server}/{(first + worker - 1) % 15 + 1}"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": CACHES["renditions"],
    }
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    # In memory, unless a test process is given a bucket (tests/integration).
    "default": MEDIA_STORAGE
    if MEDIA_STORAGE_URL
    else {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING["loggers"]["django_tasks"] = {"level": "WARNING"}
LOGGING["loggers"]["django_tasks_db"] = {"level": "WARNING"}
LOGGING["root"]["level"] = "WARNING"
WHITENOISE_USE_FINDERS = True
# Pictures served by the app, as under `make run` (browser tests show them).
SERVE_MEDIA = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
