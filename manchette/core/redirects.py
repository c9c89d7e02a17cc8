"""Where a form may send the reader back: only to this site (no open redirect)."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, value, default=""):
    """`value` when it is an address on this site (https kept https), else `default`."""
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return default
