"""`manage.py check --deploy`: production settings that would bring back a known hole.

Each warning names what the operator must keep (docs/deployment.md): gunicorn's unix socket
with TRUSTED_PROXIES' `unix`, an https SITE_URL that is one of ALLOWED_HOSTS, media not
served inline by the app.
"""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.http.request import validate_host

from manchette.core.clients import UNIX_SOCKET

# deploy/gunicorn.conf.py's default bind.


def _proxy_warnings(bind, proxies):
    entries = [entry.strip().lower() for entry in proxies if entry.strip()]
    warnings = []
    for entry in entries:
        if entry == UNIX_SOCKET:
            continue
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            warnings.append(
                Warning(
                    f"TRUSTED_PROXIES: {entry!r} is neither an address, a network nor 'unix'.",
                    hint="It is ignored: the proxy it was meant for is not believed.",
                    id="manchette.W002",
                )
            )
    if bind.startswith("unix:") and UNIX_SOCKET not in entries:
        warnings.append(
            Warning(
                f"gunicorn listens on {bind} but TRUSTED_PROXIES does not name it ('unix'): "
                "every reader gets the same address, and one reader's rate limits are "
                "everyone's.",
                hint="Set TRUSTED_PROXIES=unix,127.0.0.1,::1 (docs/deployment.md).",
                id="manchette.W001",
            )
        )
    return warnings


def _site_url_warnings(site_url, allowed_hosts):
    address = urlsplit(site_url)
    warnings = []
    if address.scheme != "https":
        warnings.append(
            Warning(
                f"SITE_URL ({site_url}) is not https: emails, feeds and sitemaps name it.",
                id="manchette.W003",
            )
        )
    elif address.port not in (None, 443):
        warnings.append(
            Warning(
                f"SITE_URL ({site_url}) is https on another port than 443: Wagtail's Site "
                "(the sitemap) cannot name it.",
                id="manchette.W004",
            )
        )
    if not address.hostname or not validate_host(address.hostname, allowed_hosts):
        warnings.append(
            Warning(
                f"SITE_URL's host ({address.hostname}) is not one of ALLOWED_HOSTS: the "
                "links the site sends out would lead elsewhere, or be refused.",
                id="manchette.W005",
            )
        )
    return warnings


@register(Tags.security, deploy=True)
def check_production_path(app_configs=None, **kwargs):
    warnings = _proxy_warnings(settings.GUNICORN_BIND, settings.TRUSTED_PROXIES)
    warnings += _site_url_warnings(settings.SITE_URL, settings.ALLOWED_HOSTS)
    if settings.SERVE_MEDIA:
        warnings.append(
            Warning(
                "SERVE_MEDIA is on: the app serves uploaded files from the site's origin.",
                hint="Set SERVE_MEDIA=false and let nginx serve /media/ (deploy/nginx).",
                id="manchette.W006",
            )
        )
    return warnings
