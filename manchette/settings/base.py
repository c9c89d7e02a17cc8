"""Base settings: secure by default, every service switched on by an environment variable.

One style: each variable is read here, once, with its default, and is listed with a comment
in `.env.example` (a test holds the two together). The code reads `settings.NAME`, never
with a fallback default of its own. dev.py, test.py and production.py set constants only.
"""

import os
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlparse

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env(name, default=""):
    """The variable's value; `default` when it is unset or empty (as `NAME=` in a .env file)."""
    return os.environ.get(name, "").strip() or str(default)


def env_int(name, default):
    return int(env(name, default))


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = env(name, "")
    if value == "":
        return default
    return value.lower() in {"1", "true", "yes", "on"}


VAR_DIR = Path(env("VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = env("SECRET_KEY", "")
# Development only: production.py and test.py set it to False whatever the environment says.
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
CSRF_TRUSTED_ORIGINS = [SITE_URL]

# Client addresses: X-Forwarded-For is only believed when the request comes from one of these.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

INSTALLED_APPS = [
    "manchette.accounts",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "manchette.core",
    "manchette.news",
    "manchette.search",
    "manchette.topics",
    "manchette.reactions",
    "manchette.comments",
    "manchette.newsletter",
    "manchette.privacy",
    "manchette.wpimport",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    # Not "wagtail.contrib.frontend_cache": its app only connects page_published/unpublished to
    # a purge of the page alone; manchette.core.caching.purge.purge_paths purges (once) every
    # path the change shows on, through the same frontend cache backends
    # (WAGTAILFRONTENDCACHE below).
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First, so a hit skips the other middleware; it keeps the headers they set on the page.
    "manchette.core.caching.pages.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy, kept with the page by the cache above.
    "manchette.core.policies.PolicyHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A form body Django cannot read is a 400 before anything reads it; every 4xx in French.
    "manchette.core.errors.ReadableRequestsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "manchette.accounts.policy.AdminSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Old WordPress addresses (imported by manage.py import_wordpress) answer 301: `/?p=4`
    # before the home page answers it, the others when nothing here answers them (404).
    "manchette.wpimport.redirects.WordPressQueryMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "manchette.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "manchette.core.context_processors.site_settings",
                "manchette.news.context_processors.news_chrome",
            ],
            # `{% url %}` keeps each address once reversed (core/templatetags/kept_urls.py).
            "builtins": ["manchette.core.templatetags.kept_urls"],
        },
    },
]

WSGI_APPLICATION = "manchette.wsgi.application"

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'manchette.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if "postgresql" in DATABASES["default"]["ENGINE"]:
    # A database host that does not answer (rather than refusing) holds a request this long,
    # then the site answers 503 (core/errors.py), instead of each worker hanging.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int(
        "DB_CONNECT_TIMEOUT", 5
    )
    # The planner's settings for the site's queries, each meant to take milliseconds: no
    # parallel workers (a parallel scan under a LIMIT read a topic's whole 200,000-article
    # archive: 371 ms to 1.2 s for its page, against 4 ms without), and random reads priced
    # as on an SSD or a warm cache, so a topic's few hundred articles are read through its
    # index rather than by walking every article by date. `off` for a pooler that refuses
    # startup options (then set them on the database: ALTER DATABASE … SET …).
    session_options = env(
        "DB_SESSION_OPTIONS", "-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1"
    )
    if session_options.lower() != "off":
        DATABASES["default"]["OPTIONS"]["options"] = session_options
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections persist (DB_CONN_MAX_AGE) as with PostgreSQL: opening one per request
    # costs its set-up, and closing the last one checkpoints the WAL (disk syncs).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

# A reader's comment, reaction or vote is committed without waiting for the disk on
# PostgreSQL (core/transactions.py): a database host's crash may lose its last fraction of a
# second of them, as SQLite's synchronous=NORMAL above does for every write. False: durable.
ASYNC_COMMIT_READER_WRITES = env_bool("ASYNC_COMMIT_READER_WRITES", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Cache and rate limits: Redis when REDIS_URL is set (sessions kept in the database and cached
# there), a file cache under VAR_DIR/cache otherwise (sessions in the database).
REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    from manchette.core import redis_breaker

    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "manchette"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # A Redis outage makes the site slower, never broken: errors are logged, not raised.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                # A hung or unreachable Redis is waited for once per interval, not on every
                # call (core/redis_breaker.py).
                "CONNECTION_POOL_KWARGS": {
                    "connection_class": redis_breaker.configure(
                        float(env("REDIS_BREAK_SECONDS", 5))
                    )
                },
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # A file cache under var/ is shared by the web processes and the worker, so a purge made
    # by one of them (publishing, scheduled publishing) reaches all of them.
    CACHES = {
        "default": {
            "BACKEND": "manchette.core.filecache.FileCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Wagtail's image renditions: kept in each process over the cache above (core/renditions.py).
CACHES["renditions"] = {"BACKEND": "manchette.core.renditions.RenditionCache"}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_CONTENT_LANGUAGES = [("fr", "Français")]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
# Pictures under /media/ served by the app: on for `make run` (settings/dev.py) only; nginx or
# object storage serves them otherwise. Documents never go through /media/ (core/media.py).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
# Documents only through Wagtail's view (private collections honoured), all as attachments.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Images, renditions and documents: on the disk under MEDIA_ROOT, or in an S3-compatible bucket
# shared by every app host when MEDIA_STORAGE_URL names one (manchette/core/media_storage.py):
# s3://BUCKET[/PREFIX]?endpoint_url=https://…&region=…&public_url=https://cdn…&acl=public-read
MEDIA_STORAGE_URL = env("MEDIA_STORAGE_URL", "")
MEDIA_STORAGE_ACCESS_KEY_ID = env("MEDIA_STORAGE_ACCESS_KEY_ID", "")
MEDIA_STORAGE_SECRET_ACCESS_KEY = env("MEDIA_STORAGE_SECRET_ACCESS_KEY", "")
# How long the signed link a document's reader is sent to stays valid (seconds).
MEDIA_SIGNED_URL_SECONDS = env_int("MEDIA_SIGNED_URL_SECONDS", 300)
DISK_MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def object_storage_settings(url, access_key, secret_key, signed_seconds):
    """The STORAGES entry and the public base URL of the bucket MEDIA_STORAGE_URL names."""
    parsed = urlparse(url)
    if parsed.scheme != "s3" or not parsed.hostname:
        raise ImproperlyConfigured("MEDIA_STORAGE_URL must read s3://BUCKET[/PREFIX]?…")
    query = dict(parse_qsl(parsed.query))
    bucket, location = parsed.hostname, parsed.path.strip("/")
    endpoint = query.get("endpoint_url", "").rstrip("/")
    public = query.get("public_url", "").rstrip("/")
    options = {
        "bucket_name": bucket,
        "location": location,
        "endpoint_url": endpoint or None,
        "region_name": query.get("region") or None,
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        "signature_version": "s3v4",
        "addressing_style": query.get("addressing_style", "path" if endpoint else "auto"),
        "file_overwrite": False,
        "querystring_auth": False,
        "querystring_expire": signed_seconds,
        "public_acl": query.get("acl", ""),
    }
    if public:
        public_parts = urlparse(public)
        options["custom_domain"] = public_parts.netloc + public_parts.path
        options["url_protocol"] = public_parts.scheme + ":"
    base = public or (f"{endpoint}/{bucket}" if endpoint else f"https://{bucket}.s3.amazonaws.com")
    if location and not public:
        base += "/" + location
    storage = {"BACKEND": "manchette.core.media_storage.MediaStorage", "OPTIONS": options}
    return storage, base + "/"


if MEDIA_STORAGE_URL:
    MEDIA_STORAGE, MEDIA_URL = object_storage_settings(
        MEDIA_STORAGE_URL,
        MEDIA_STORAGE_ACCESS_KEY_ID,
        MEDIA_STORAGE_SECRET_ACCESS_KEY,
        MEDIA_SIGNED_URL_SECONDS,
    )
    # Documents: the document view checks the reader, then redirects to a signed link.
    WAGTAILDOCS_SERVE_METHOD = "redirect"
else:
    MEDIA_STORAGE = DISK_MEDIA_STORAGE
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Email: EMAIL_URL = smtp://user:pass@host:port, console://, file:///path
EMAIL_URL = env("EMAIL_URL", f"file://{VAR_DIR / 'mail'}")


def email_settings(url):
    parsed = urlparse(url)
    if parsed.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parsed.scheme == "file":
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": unquote(parsed.path),
        }
    if parsed.scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if parsed.scheme in {"smtp", "smtps", "submission"}:
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parsed.hostname or "localhost",
            "EMAIL_PORT": parsed.port
            or {"smtp": 25, "smtps": 465, "submission": 587}[parsed.scheme],
            "EMAIL_HOST_USER": unquote(parsed.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
            "EMAIL_USE_SSL": parsed.scheme == "smtps",
            "EMAIL_USE_TLS": parsed.scheme == "submission",
        }
    raise ImproperlyConfigured(f"EMAIL_URL: unsupported scheme {parsed.scheme!r}")


globals().update(email_settings(EMAIL_URL))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Manchette <redaction@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: the Django tasks API, run by `manage.py worker` (db_worker + scheduler).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A task claimed by a worker on another machine is taken back when it has been running this
# long (on the worker's own machine, as soon as its process is gone: core/leases.py), and
# fails once it lost its worker this many times.
TASK_LEASE_SECONDS = env_int("TASK_LEASE_SECONDS", 3600)
TASK_MAX_ATTEMPTS = env_int("TASK_MAX_ATTEMPTS", 3)

# Wagtail
WAGTAIL_SITE_NAME = env("SITE_NAME", "Manchette")
WAGTAILADMIN_LOGIN_URL = "/admin/login/"
# A page restricted to signed-in readers sends them to the readers' sign-in (e-mailed link),
# not to Wagtail's password form (/_util/login/, which the site does not route).
WAGTAIL_FRONTEND_LOGIN_URL = "/compte/connexion/"
WAGTAILADMIN_USER_LOGIN_FORM = "manchette.core.admin_forms.LoginForm"
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# Frontend cache (nginx proxy_cache or a CDN): purged on publish when configured.
FRONTEND_CACHE_PURGE_URL = env("FRONTEND_CACHE_PURGE_URL", "")
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_PURGE_URL,
    }

# Page cache lifetime for anonymous readers (seconds).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# Rendered fragments of pages (the article, its comment thread), kept across page purges that
# do not concern them; 0 turns them off. Versioned like the pages, so never stale on purge.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 3600)
# Names the deployed release in cache keys (with the static files' manifest): cached HTML
# rendered by a previous release is never served by the next one.
RELEASE = env("RELEASE", "")

# Comments: reply depth, minimum seconds to fill the form (bots are faster), and how long a
# notification waits so that a burst of comments makes one email.
COMMENTS_MAX_DEPTH = max(0, env_int("COMMENTS_MAX_DEPTH", 3))
COMMENTS_MIN_FILL_SECONDS = env_int("COMMENTS_MIN_FILL_SECONDS", 3)
COMMENTS_NOTIFY_DELAY_SECONDS = env_int("COMMENTS_NOTIFY_DELAY_SECONDS", 120)
# Moderators' e-mail digest of held and reported comments, at most every N hours; 0 = none.
COMMENTS_MODERATION_DIGEST_HOURS = max(0, env_int("COMMENTS_MODERATION_DIGEST_HOURS", 0))

# Reactions: rate limits per client address and per reader token.
REACTIONS_REACT_RATE = env("REACTIONS_REACT_RATE", "30/m")
# New anonymous reader identities (the reader cookie, issued on a first vote, report or
# reaction) per network bucket: what a script dropping its cookie is held to.
READER_NEW_IDENTITY_RATE = env("READER_NEW_IDENTITY_RATE", "20/h")
REACTIONS_STATE_RATE = env("REACTIONS_STATE_RATE", "120/m")

# Search: searches computed afresh per client address (a network for IPv6); a search asked
# before since the last publication, read from the cache, is never counted.
SEARCH_RATE = env("SEARCH_RATE", "60/m")

# Topics: how long follow notifications wait to make one digest, and the oldest article a
# digest still announces.
TOPICS_DIGEST_MINUTES = env_int("TOPICS_DIGEST_MINUTES", 30)
TOPICS_DIGEST_MAX_AGE_HOURS = env_int("TOPICS_DIGEST_MAX_AGE_HOURS", 48)

# Newsletter: the claim/lease mail engine (newsletter/sending.py) and its signed links.
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 200)
NEWSLETTER_PARALLEL_SENDERS = env_int("NEWSLETTER_PARALLEL_SENDERS", 2)
NEWSLETTER_CLAIM_TIMEOUT = env_int("NEWSLETTER_CLAIM_TIMEOUT", 600)
# How long an enqueued sender counts as on its way: the clock kicks an unfinished issue again
# after that (a sender that finds nothing to claim simply returns).
NEWSLETTER_KICK_SECONDS = env_int("NEWSLETTER_KICK_SECONDS", 60)
NEWSLETTER_MAX_ATTEMPTS = env_int("NEWSLETTER_MAX_ATTEMPTS", 5)
NEWSLETTER_RETRY_BASE_SECONDS = env_int("NEWSLETTER_RETRY_BASE_SECONDS", 60)
NEWSLETTER_BOUNCE_LIMIT = env_int("NEWSLETTER_BOUNCE_LIMIT", 3)
NEWSLETTER_CONFIRM_MAX_AGE = env_int("NEWSLETTER_CONFIRM_MAX_AGE", 7 * 86400)
NEWSLETTER_PREFERENCES_MAX_AGE = env_int("NEWSLETTER_PREFERENCES_MAX_AGE", 30 * 86400)

# HTTPS: a redirect from http and HSTS, on by default (production); dev.py and test.py turn
# them off. Behind a proxy, production.py trusts its X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# Personal data retention, in days (privacy/retention.py, run daily by the worker): requests
# nobody confirmed, hashed network addresses, the worker's record of e-mails sent and sessions,
# and how long a browser that proved an address is remembered.
PRIVACY_UNCONFIRMED_DAYS = env_int("PRIVACY_UNCONFIRMED_DAYS", 7)
PRIVACY_NETWORK_HASH_DAYS = env_int("PRIVACY_NETWORK_HASH_DAYS", 365)
PRIVACY_LOG_DAYS = env_int("PRIVACY_LOG_DAYS", 30)
PRIVACY_PROVEN_BROWSER_DAYS = env_int("PRIVACY_PROVEN_BROWSER_DAYS", 365)

# Admin accounts (staff, superusers, groups that may open the admin) sign in with their
# password only, for sessions this long; readers keep Django's two weeks. The admin's sign-in
# and password reset are limited per client address and per account (accounts/admin_urls.py).
# Where gunicorn listens (deploy/gunicorn.conf.py reads the same variable): `check --deploy`
# compares it with TRUSTED_PROXIES.
GUNICORN_BIND = env("GUNICORN_BIND", "unix:/run/manchette/gunicorn.sock")
ADMIN_SESSION_SECONDS = env_int("ADMIN_SESSION_SECONDS", 4 * 3600)
ADMIN_LOGIN_RATE = env("ADMIN_LOGIN_RATE", "60/h")
ADMIN_LOGIN_ACCOUNT_RATE = env("ADMIN_LOGIN_ACCOUNT_RATE", "10/h")
# A code from an authenticator app after the password, for admin accounts: "optional" (those
# that set one up), "required" (every admin account) or "off" (manchette/accounts/second_factor).
ADMIN_SECOND_FACTOR = env("ADMIN_SECOND_FACTOR", "optional")
ADMIN_SECOND_FACTOR_RATE = env("ADMIN_SECOND_FACTOR_RATE", "30/h")
ADMIN_SECOND_FACTOR_ACCOUNT_RATE = env("ADMIN_SECOND_FACTOR_ACCOUNT_RATE", "15/h")
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
ADMIN_PASSWORD_RESET_RATE = env("ADMIN_PASSWORD_RESET_RATE", "5/h")
ADMIN_PASSWORD_RESET_ACCOUNT_RATE = env("ADMIN_PASSWORD_RESET_ACCOUNT_RATE", "3/h")

# Security
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "manchette.core.errors.csrf_failure"
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "filters": {
        # A Redis outage fails every cache call: one traceback a minute says so (core/logs.py).
        "once_a_minute": {"()": "manchette.core.logs.Throttled", "seconds": 60},
        # A full disk under the file cache fails every write: said once a minute too.
        "cache_writes_once_a_minute": {"()": "manchette.core.logs.Throttled", "seconds": 60},
        "rate_limits_once_a_minute": {"()": "manchette.core.logs.Throttled", "seconds": 60},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django_redis.cache": {"filters": ["once_a_minute"]},
        "manchette.core.filecache": {"filters": ["cache_writes_once_a_minute"]},
        "manchette.core.ratelimit": {"filters": ["rate_limits_once_a_minute"]},
        "django.db.backends": {"level": "WARNING"},
        "django_tasks_db": {"level": "INFO"},
        "wagtail": {"level": "WARNING"},
    },
}
