"""Rate limits on every endpoint that writes or sends email, kept in the cache (Redis at scale).

    @ratelimit("comment-post", "5/m")                      # per client address
    @ratelimit("newsletter-subscribe", "3/h", key=lambda r: r.POST.get("email", ""))

A limited request gets a 429 with a French message (HTML, or JSON for fetch() callers).
"""

import functools
import hashlib
import time

from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render

from manchette.core.clients import client_ip

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
LIMITED_MESSAGE = (
    "Trop de tentatives en peu de temps. Merci de patienter un instant avant de réessayer."
)


def parse_rate(rate):
    count, period = rate.split("/")
    return int(count), PERIODS[period]


def hit(scope, identity, rate):
    """Counts one attempt; True while the identity stays within `rate` for this scope."""
    limit, period = parse_rate(rate)
    window = int(time.time() // period)
    digest = hashlib.sha256(str(identity).strip().lower().encode()).hexdigest()[:24]
    key = f"rl:{scope}:{digest}:{window}"
    if cache.add(key, 1, timeout=period + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=period + 1)
            count = 1
    if count is None:  # cache unreachable (django-redis IGNORE_EXCEPTIONS logs it): fail open
        return True
    return count <= limit


def limited_response(request):
    wants_json = "application/json" in request.headers.get("Accept", "") or request.headers.get(
        "HX-Request"
    )
    if wants_json:
        response = JsonResponse({"error": LIMITED_MESSAGE}, status=429)
    else:
        response = render(request, "429.html", {"message": LIMITED_MESSAGE}, status=429)
    response["Retry-After"] = "60"
    return response


def ratelimit(scope, rate, key=None, methods=("POST",)):
    """Limits a view per client address (or per `key(request)` as well, when given)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                allowed = hit(scope, client_ip(request), rate)
                if key is not None:
                    identity = key(request)
                    if identity:
                        allowed = hit(f"{scope}:key", identity, rate) and allowed
                if not allowed:
                    return limited_response(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
