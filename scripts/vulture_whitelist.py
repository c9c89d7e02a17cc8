"""Names vulture cannot see used: the framework finds them by name, path or column.

`make lint` runs vulture (configured in pyproject.toml, which also lists the names and
decorators every app uses: Meta, panels, receivers, hooks...). This file holds the rest, one
group per reason. Only framework entry points belong here: code nothing calls is removed,
not listed. Never executed; vulture only reads the names.
"""

# Django settings: Django, Wagtail, django-redis and whitenoise read them by name.
ALLOWED_HOSTS
AUTH_PASSWORD_VALIDATORS
CSRF_COOKIE_SAMESITE
CSRF_COOKIE_SECURE
CSRF_TRUSTED_ORIGINS
DATA_UPLOAD_MAX_MEMORY_SIZE
DEFAULT_AUTO_FIELD
DJANGO_REDIS_IGNORE_EXCEPTIONS
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS
EMAIL_BACKEND
LANGUAGES
LANGUAGE_CODE
LOCALE_PATHS
PASSWORD_HASHERS
ROOT_URLCONF
SECURE_CONTENT_TYPE_NOSNIFF
SECURE_CROSS_ORIGIN_OPENER_POLICY
SECURE_HSTS_INCLUDE_SUBDOMAINS
SECURE_HSTS_PRELOAD
SECURE_HSTS_SECONDS
SECURE_REFERRER_POLICY
SECURE_SSL_REDIRECT
SERVER_EMAIL
SESSION_COOKIE_HTTPONLY
SESSION_COOKIE_SAMESITE
SESSION_COOKIE_SECURE
SESSION_ENGINE
SILENCED_SYSTEM_CHECKS
STATICFILES_DIRS
STORAGES
TASKS
TIME_ZONE
USE_I18N
USE_TZ
OTP_TOTP_ISSUER  # django-otp: the issuer named in authenticator apps
WAGTAILADMIN_BASE_URL
WAGTAILADMIN_LOGIN_URL
WAGTAILADMIN_PERMITTED_LANGUAGES
WAGTAILADMIN_USER_LOGIN_FORM
WAGTAILEMBEDS_RESPONSIVE_HTML
WAGTAILIMAGES_IMAGE_MODEL
WAGTAILSEARCH_BACKENDS
WAGTAIL_ALLOW_UNICODE_SLUGS
WAGTAIL_CONTENT_LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK
WAGTAIL_GRAVATAR_PROVIDER_URL
WAGTAIL_I18N_ENABLED
WAGTAIL_MODERATION_ENABLED
WAGTAIL_WORKFLOW_ENABLED
WHITENOISE_AUTOREFRESH
WHITENOISE_USE_FINDERS
WSGI_APPLICATION
X_FRAME_OPTIONS
# bench/newsletter_send.py overrides settings on the settings object.
_.EMAIL_BACKEND
_.EMAIL_HOST
_.EMAIL_PORT

# Classes and functions named by a dotted path in the settings (INSTALLED_APPS, MIDDLEWARE,
# CACHES, STORAGES, LOGGING filters, TEMPLATES context processors).
AccountsConfig
CommentsConfig
CoreConfig
DemoConfig
NewsConfig
NewsletterConfig
ReactionsConfig
SearchConfig
TopicsConfig
WordPressImportConfig
AnonymousPageCacheMiddleware
WordPressQueryMiddleware
FileCache
RenditionCache
StaticStorage
Throttled
news_chrome

# Strings only `makemessages` reads: Wagtail admin strings translated in our catalogue.
ADMIN_STRINGS

# Group names and the roles function of the data migration core/0002 (migrations are not
# scanned; once that migration carries its own copy, these go).
JOURNALISTS
MODERATORS
create_roles
# The same for comments/0002's moderator permissions.
grant_moderation_permissions

# Model fields: database columns read by templates, the admin, exports and queries by name.
alt
automatic
awaiting_confirmation
changed_at
created_by
imported_at
edited_at
reporter
bio
bluesky
caption
claimed_at
claimed_by
comment_policy
confirmed_ip_hash
credit
decided_at
decided_by
embed
facebook
failed_count
heading
image
instagram
last_error
lead_image_caption
lead_image_credit
linked_at
linkedin
mastodon
newsletter_policy
next_attempt_at
nonce_hash
offered_by_default
proven_at
quote
reader_token
role
sending_started_at
sent_count
started_at
tiktok
unsubscribed_at
unsubscribed_count
updated_at
youtube
_.awaiting_confirmation
_.decided_at
_.edited_at
_.decided_by
_.lead_image_caption
_.lead_image_credit
_.linked_at
# Choice members (stored by value, offered by `.choices`) and form fields (honeypots and time
# stamps included) that forms and templates read by name.
ABUSE
DOWN
FALSE
HATE
INFO
OFF_TOPIC
OTHER
UP
mode
site_web
ts
website

# Read by templates (`site_settings.social_links`, a suggestion's `article_list`) or set for
# Wagtail's page machinery and the snippets' inspect view.
_.social_links
_.article_list
_.live_revision
_.has_unpublished_changes
_.consent_history
_.get_consent_history_display

# Callbacks of standard-library and aiosmtpd base classes (html.parser.HTMLParser, the bench's
# SMTP handler), with the arguments their signatures require.
_.handle_starttag
_.handle_startendtag
_.handle_endtag
_.handle_data
_.handle_comment
_.handle_decl
decl
_.handle_DATA
envelope
server
session

# Django's QuerySet reads these attributes (set by core/internals.known_empty).
_._result_cache
_._prefetch_done

# Settings read by name through `getattr(settings, f"{name}_RATE")` (accounts/admin_urls.py),
# by Wagtail (the front-end login page) or by the privacy retention (`retention.duration`).
WAGTAIL_FRONTEND_LOGIN_URL
ADMIN_LOGIN_RATE
ADMIN_LOGIN_ACCOUNT_RATE
ADMIN_PASSWORD_RESET_RATE
ADMIN_PASSWORD_RESET_ACCOUNT_RATE
PRIVACY_UNCONFIRMED_DAYS
PRIVACY_NETWORK_HASH_DAYS
PRIVACY_LOG_DAYS

# Named by a dotted path in the settings (INSTALLED_APPS, MIDDLEWARE).
PrivacyConfig
AdminSessionMiddleware

# A system check registered with `register(Tags.security, deploy=True)` (called by Django).
check_production_path

# Syndication: Django calls the feed's `feed_url` by name.
feed_url

# Called by the test suite's autouse fixture (conftest.py) between tests.
forget_local_copies
PRIVACY_PROVEN_BROWSER_DAYS

# The error views and the middleware of core/errors.py, named by a dotted path in the root
# URLconf (handler400…) and the settings (MIDDLEWARE, CSRF_FAILURE_VIEW).
handler400
handler403
handler404
handler500
CSRF_FAILURE_VIEW
csrf_failure
page_not_found
server_error
ReadableRequestsMiddleware

# A path converter (core/ids.py): Django's URL resolver reads these by name.
_.regex
_.to_python
_.to_url
# Named by a dotted path in STORAGES (settings/base.py, MEDIA_STORAGE_URL).
MediaStorage

# Read by templates/components/pagination.html (a listing's page) and
# search/pagination.html (a Django Page).
has_previous
next_page_number
previous_page_number
next_cursor
previous_cursor
newest
oldest
# Read by a template: each listed comment's link in the moderators' digest e-mail.
admin_url
# Read by Wagtail's ViewSet: the hook its menu item registers with (the comments menu).
menu_hook
# Read by Wagtail by name: a form field its panel shows, the page form, the snippet's edit
# handler, and a list column (`list_display`).
duration
base_form_class
edit_handler
alert_label
# The search form's fields, declared by name (Django's forms read them), its date widget's
# input type, and the marked headline the search template reads.
rubrique
du
au
tri
input_type
marked_title
# Read by Wagtail and treebeard by name (wpimport's page creation sets them so that no query
# is made): a new page's admin comments and latest revision, treebeard's cached parent,
# Wagtail's "is a site root" shortcut.
wagtail_admin_comments
latest_revision
_cached_parent_obj
_is_site_root
