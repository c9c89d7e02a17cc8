"""The admin's password forms, rate limited per client address and per account.

Mounted in front of Wagtail's own admin URLs (same paths and names): each POST is a guess
at a password, or an e-mail sent (password reset). The second factor's pages live here too.
"""

from django.conf import settings
from django.urls import path
from wagtail.admin.views import account

from manchette.accounts import second_factor
from manchette.core.ratelimit import ratelimit


def limited(view, scope, field):
    """`view`, answering 429 once the address or the account named by `field` went past its
    rate (settings `<SCOPE>_RATE` per address, `<SCOPE>_ACCOUNT_RATE` per account)."""
    setting = scope.upper().replace("-", "_")
    return ratelimit(
        scope,
        lambda: getattr(settings, f"{setting}_RATE"),
        key=lambda request: request.POST.get(field, "").strip()[:254],
        key_rate=lambda: getattr(settings, f"{setting}_ACCOUNT_RATE"),
    )(view)


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
    path("double-authentification/", second_factor.verify, name="manchette_second_factor"),
    path(
        "double-authentification/activer/",
        second_factor.enrol,
        name="manchette_second_factor_enrol",
    ),
]
