"""Who may sign in how: accounts that reach the admin use their password, in short sessions.

The e-mailed link proves only that someone reads a mailbox; for a reader that is enough, for
an account that can edit or publish it is not. Such accounts (staff, superusers, members of a
group that may open the admin) never get a link, their sessions last a few hours
(`ADMIN_SESSION_SECONDS`), not the readers' weeks, and where set up they give a code from an
authenticator app after their password (`second_factor`).
"""

import time
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver

from manchette.accounts import second_factor
from manchette.core.caching.pages import EDITOR_COOKIE

# Read by the page's script (static/js/reader.js): a signed-in reader's page, the shared
# copy, asks the state endpoint for the name to show. Not a credential.
SIGNED_IN_COOKIE = "manchette_connecte"
# Cookies to set (True) or delete (False) on the response, decided by the sign-in signals.
HINTS = "manchette_cookie_hints"

# When an admin account's session ends (a timestamp), set as it signs in: a session opened
# before the account got admin rights (by e-mailed link, as a reader) lacks it and cannot
# reach the admin.
ADMIN_SESSION_MARK = "manchette_admin_session"


def is_admin_account(user):
    """Whether the account can open the admin (or is staff, which Django's own admin uses)."""
    if user is None or not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def may_use_email_link(user):
    """Whether an e-mailed link may sign this account in (None: an account the link creates)."""
    return not is_admin_account(user)


def admin_session_seconds():
    return settings.ADMIN_SESSION_SECONDS


@receiver(user_logged_in, dispatch_uid="manchette-admin-session")
def mark_admin_sessions(sender, request, user, **kwargs):
    """An admin account's session ends `admin_session_seconds()` after it signs in,
    whatever the sign-in form does with the session's lifetime (Wagtail's "remember me")."""
    if request is not None and hasattr(request, "session") and is_admin_account(user):
        request.session[ADMIN_SESSION_MARK] = time.time() + admin_session_seconds()
        second_factor.ask_on_sign_in(request, user)
    if request is not None:
        setattr(request, HINTS, {SIGNED_IN_COOKIE: True, EDITOR_COOKIE: is_admin_account(user)})


@receiver(user_logged_out, dispatch_uid="manchette-signed-out-cookies")
def forget_hints(sender, request, **kwargs):
    if request is not None:
        setattr(request, HINTS, {SIGNED_IN_COOKIE: False, EDITOR_COOKIE: False})


def apply_hints(request, response):
    """Sets or deletes the two hint cookies as the sign-in signals decided; a request that
    carries one without a session (it ended) has it deleted."""
    hints = getattr(request, HINTS, None)
    if hints is None:
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return response
        hints = dict.fromkeys((SIGNED_IN_COOKIE, EDITOR_COOKIE), False)
    for name, wanted in hints.items():
        if wanted:
            response.set_cookie(
                name,
                "1",
                max_age=settings.SESSION_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=name != SIGNED_IN_COOKIE,
                samesite="Lax",
            )
        elif name in request.COOKIES:
            response.delete_cookie(name, samesite="Lax")
    return response


class AdminSessionMiddleware:
    """Ends admin accounts' sessions on time, and in the admin, closes any session of an
    admin account that was not opened as one (see `mark_admin_sessions`): the password is
    asked for. Requests without a session cookie are not looked at."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = settings.WAGTAILADMIN_LOGIN_URL.rsplit("login/", 1)[0] or "/admin/"

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return apply_hints(request, self.get_response(request))
        in_admin = request.path.startswith(self.prefix)
        ends = request.session.get(ADMIN_SESSION_MARK)
        if ends is not None and time.time() >= ends:
            logout(request)
        elif ends is None and in_admin and is_admin_account(request.user):
            logout(request)
            return apply_hints(
                request,
                redirect_to_login(request.get_full_path(), settings.WAGTAILADMIN_LOGIN_URL),
            )
        if (code_page := second_factor.gate(request, in_admin)) is not None:
            return code_page
        response = self.get_response(request)
        ends = request.session.get(ADMIN_SESSION_MARK)
        if ends is not None:
            deadline = datetime.fromtimestamp(ends, tz=UTC)
            if request.session.get_expiry_date() > deadline + timedelta(seconds=1):
                request.session.set_expiry(deadline)  # the cookie ends then too
        return apply_hints(request, response)
