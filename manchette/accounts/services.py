"""Sign-in by emailed link: no password. The link works once and for 30 minutes."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.db.models.functions import Lower
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils.crypto import get_random_string

from manchette.accounts import policy

SIGNIN_SALT = "accounts.signin"
SIGNIN_MAX_AGE = 30 * 60


def _last_login_stamp(user):
    return user.last_login.isoformat() if user and user.last_login else ""


def with_email(email):
    """Accounts with this address in any case, through the index on LOWER(email) (an `iexact`
    lookup reads the whole table: UPPER() on PostgreSQL, LIKE on SQLite)."""
    return get_user_model().objects.filter(Exact(Lower("email"), email.strip().lower()))


def find_user(email):
    return with_email(email).filter(is_active=True).order_by("pk").first()


def signin_token(email):
    """A signed link payload tied to the account's last login, so a used link dies."""
    email = email.strip().lower()
    return signing.dumps({"e": email, "l": _last_login_stamp(find_user(email))}, salt=SIGNIN_SALT)


def signin_url(email, next_url=""):
    url = settings.SITE_URL + reverse("accounts:signin-link", args=[signin_token(email)])
    if next_url:
        from urllib.parse import urlencode

        url += "?" + urlencode({"next": next_url})
    return url


def user_for_token(token):
    """The account the link signs in (created on first use), or None if invalid or used."""
    try:
        data = signing.loads(token, salt=SIGNIN_SALT, max_age=SIGNIN_MAX_AGE)
        email, stamp = str(data["e"]).lower(), str(data["l"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    user = find_user(email)
    if user is None:
        if stamp:
            return None
        inactive = with_email(email).filter(is_active=False).exists()
        if inactive:
            return None
        with transaction.atomic():
            user = get_user_model().objects.create_user(
                username=f"lecteur-{get_random_string(12).lower()}", email=email
            )
            user.set_unusable_password()
            user.save(update_fields=["password"])
        return user
    if _last_login_stamp(user) != stamp:
        return None
    if not policy.may_use_email_link(user):
        return None  # an admin account signs in with its password only
    return user


def request_signin(email, next_url=""):
    """Enqueues the sign-in email (the caller answers the same whether the account exists)."""
    from manchette.accounts.tasks import send_signin_link

    email = email.strip().lower()
    transaction.on_commit(lambda: send_signin_link.enqueue(email, next_url))


def update_profile(user, display_name):
    user.display_name = " ".join(display_name.split())[:80]
    user.save(update_fields=["display_name"])
    return user
