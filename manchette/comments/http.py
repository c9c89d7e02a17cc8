"""What every reader endpoint of comments answers with: JSON for the ES module, a private
page without it, and the CSRF check run by hand so that a failure shows the form again.

None of these responses is cached; the article page (cached) only links to them.
"""

from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.utils.cache import patch_cache_control


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def no_store(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def csrf_ok(request):
    """The CSRF check the middleware would do, run by hand so a failure re-shows the form."""
    if getattr(request, "csrf_processing_done", False):
        return True
    result = CsrfViewMiddleware(lambda r: None).process_view(request, _checked_view, (), {})
    return result is None


def _checked_view(request):  # a stand-in callback for the CSRF check (not exempt)
    return None


def small_int(value):
    """An id from the query string: ASCII digits only (int() refuses « ¹ », isdigit() does not)."""
    return value.isascii() and value.isdigit() and len(value) < 19


def json_error(message, status=400, errors=None, **extra):
    data = {"error": message, "errors": errors or {}, **extra}
    return no_store(JsonResponse(data, status=status))


def private_page(request, template, context, status=200):
    """A page for one reader (a confirmation step, their own comment): never stored."""
    return no_store(render(request, template, context, status=status))
