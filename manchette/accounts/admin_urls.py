"""The admin's password forms, rate limited per client address and per account.

Mounted in front of Wagtail's own admin URLs (same paths and names): each POST is a guess
at a password, or an e-mail sent (password reset).
"""

from django.conf import settings
from django.urls import path
from wagtail.admin.views import account

from manchette.core.clients import client_ip
from manchette.core.ratelimit import hit, limited_response


def limited(view, scope, field):
    """`view`, answering 429 once the address or the account named by `field` went past its
    rate (settings `<SCOPE>_RATE` per address, `<SCOPE>_ACCOUNT_RATE` per account)."""
    setting = scope.upper().replace("-", "_")

    def wrapped(request, *args, **kwargs):
        if request.method == "POST":
            address_rate = getattr(settings, f"{setting}_RATE")
            account_rate = getattr(settings, f"{setting}_ACCOUNT_RATE")
            allowed = hit(scope, client_ip(request), address_rate)
            identity = request.POST.get(field, "").strip()[:254]
            if identity:
                allowed = hit(f"{scope}:account", identity, account_rate) and allowed
            if not allowed:
                return limited_response(request)
        return view(request, *args, **kwargs)

    return wrapped


urlpatterns = [
    path(
        "login/",
        limited(account.LoginView.as_view(), "admin-login", "username"),
        name="wagtailadmin_login",
    ),
    path(
        "password_reset/",
        limited(account.PasswordResetView.as_view(), "admin-password-reset", "email"),
        name="wagtailadmin_password_reset",
    ),
]
