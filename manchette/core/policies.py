"""Content-Security-Policy and Permissions-Policy: every response's, decided here only.

Reader pages get a strict policy: scripts, styles, images, fonts and requests from the site
itself (or from where the settings put the static and media files), no inline script or
style, no plugin, no frame, no form sent elsewhere. Reader pages are cached and served alike
to every reader (core/caching/pages.py keeps the headers of the response it stores, and replays them
on a hit), so the policy can hold no per-request nonce: the templates carry no inline script
and no inline style. The one exception is the 500 page's own <style>, which must not depend
on the static files (they may be what failed): it is allowed by its hash.

The Wagtail admin (its previews included, served under its own path) cannot run under such a
policy: Wagtail 8's panels and date widgets write inline <script> elements, its templates
inline styles, and its bundles (core.js, draftail.js, the userbar's content checker) build
functions from strings. It keeps the directives that cost it nothing (no plugin, no foreign
<base>, no framing by another site); so do signed-in editors on reader pages, where Wagtail's
userbar runs: those pages are never cached, so this is decided per request.

A response that already names its own policy (Wagtail's document and image views) keeps it.
"""

import base64
import functools
import hashlib
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.utils.functional import empty

CSP = "Content-Security-Policy"
PERMISSIONS = "Permissions-Policy"

# Powerful features no page of the site uses: a script injected by any means, or a page a
# newsroom links to in a frame, cannot ask readers for them. `browsing-topics` is the ad
# targeting API that replaced FLoC (`interest-cohort`: removed from Chromium, which flags an
# unrecognised feature in its developer console on every page, so it is left out).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)

# What the admin keeps: none of these is needed by Wagtail, and each closes an attack.
ADMIN_POLICY = "object-src 'none'; base-uri 'self'; frame-ancestors 'self'"


def _origin(url):
    """The origin of an absolute URL (a CDN or object storage in STATIC_URL/MEDIA_URL)."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def _inline_style_hash(template_name):
    """The CSP hash of the <style> element a template carries (the 500 page's)."""
    for folder in settings.TEMPLATES[0]["DIRS"]:
        try:
            source = (folder / template_name).read_text(encoding="utf-8")
        except OSError:
            continue
        found = re.search(r"<style>(.*?)</style>", source, re.S)
        if found:
            digest = hashlib.sha256(found.group(1).encode()).digest()
            return f"'sha256-{base64.b64encode(digest).decode()}'"
    return None


@functools.lru_cache(maxsize=8)
def _reader_policy(static_url, media_url, secure):
    files = " ".join(
        dict.fromkeys(o for o in ("'self'", _origin(static_url), _origin(media_url)) if o)
    )
    error_style = _inline_style_hash("500.html")
    directives = [
        "default-src 'self'",
        f"script-src {files}",
        f"style-src {files}{f' {error_style}' if error_style else ''}",
        f"img-src {files}",
        f"font-src {files}",
        f"media-src {files}",
        "connect-src 'self'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
    if secure:
        directives.append("upgrade-insecure-requests")
    return "; ".join(directives)


def reader_policy():
    """The reader pages' Content-Security-Policy, for the settings in force."""
    return _reader_policy(
        settings.STATIC_URL, settings.MEDIA_URL, settings.SITE_URL.startswith("https://")
    )


@functools.cache
def _admin_prefix():
    # Worked out once: `reverse` costs some 50 µs, a twentieth of a page render.
    from django.urls import reverse

    return reverse("wagtailadmin_home")


def _is_editor(request):
    """Whether an editor, for whom the page showed Wagtail's userbar, asked for it. Only
    looked at when the view has already loaded the user (the userbar does, and keeps their
    permissions): the policy costs no query of its own."""
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return False
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def policy_for(request, response):
    """The Content-Security-Policy this response gets, or None to leave it without one."""
    if settings.DEBUG and response.status_code >= 400:
        return None  # Django's technical error pages are all inline styles and scripts.
    if request.path.startswith(_admin_prefix()):
        return ADMIN_POLICY
    # Only a page can carry the userbar: the JSON a reader's script asks for on every page
    # view (their name, their comments) never loads the reader's permissions for this.
    is_page = response.get("Content-Type", "").startswith("text/html")
    if is_page and _is_editor(request):
        return ADMIN_POLICY
    return reader_policy()


class PolicyHeadersMiddleware:
    """Sets the two policies on every response that has none of its own.

    Inside the page cache's middleware, so that the cache stores the headers with the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if CSP not in response:
            policy = policy_for(request, response)
            if policy:
                response[CSP] = policy
        response.headers.setdefault(PERMISSIONS, PERMISSIONS_POLICY)
        return response


MIDDLEWARE_NAME = f"{__name__}.{PolicyHeadersMiddleware.__name__}"
PAGE_CACHE_MIDDLEWARE = "manchette.core.caching.pages.AnonymousPageCacheMiddleware"


@checks.register(checks.Tags.security, deploy=True)
def check_policy_middleware(app_configs, **kwargs):
    """Without the middleware, or outside the page cache's, pages (or cache hits served in
    front of Django, which replay the stored headers) go out without the policies."""
    middleware = list(settings.MIDDLEWARE)
    if MIDDLEWARE_NAME in middleware and (
        PAGE_CACHE_MIDDLEWARE not in middleware
        or middleware.index(PAGE_CACHE_MIDDLEWARE) < middleware.index(MIDDLEWARE_NAME)
    ):
        return []
    return [
        checks.Warning(
            "Pages would be served without their Content-Security-Policy and Permissions-Policy.",
            hint=f"Put {MIDDLEWARE_NAME} in MIDDLEWARE, after {PAGE_CACHE_MIDDLEWARE}.",
            id="manchette.W104",
        )
    ]
