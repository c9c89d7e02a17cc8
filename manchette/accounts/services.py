"""Sign-in by emailed link: no password. The link works once, for 30 minutes, in the browser
that asked for it (the request leaves a short-lived random nonce there; the link names its
hash). Tokens and the link's page are those of `manchette.accounts.proof`."""

import hashlib
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.db.models.lookups import Exact
from django.utils.crypto import get_random_string

from manchette.accounts import policy, proof

SIGNIN_COOKIE = "manchette_connexion"
SIGNIN_COOKIE_SALT = "manchette.accounts.signin-browser"


def _last_login_stamp(user):
    return user.last_login.isoformat() if user and user.last_login else ""


def with_email(email):
    """Accounts with this address in any case, through the index on LOWER(email) (an `iexact`
    lookup reads the whole table: UPPER() on PostgreSQL, LIKE on SQLite)."""
    return get_user_model().objects.filter(Exact(Lower("email"), email.strip().lower()))


def find_user(email):
    return with_email(email).filter(is_active=True).order_by("pk").first()


# ----------------------------------------------------------------------------- the browser


def new_browser_nonce():
    """A nonce for the browser asking for a link, and the signed cookie value holding it."""
    nonce = get_random_string(32)
    return nonce, signing.dumps(nonce, salt=SIGNIN_COOKIE_SALT)


def browser_hash(nonce):
    return hashlib.sha256(f"{SIGNIN_COOKIE_SALT}:{nonce}".encode()).hexdigest() if nonce else ""


def browser_of(request):
    """The hash of the nonce this browser got when it asked for a link ("" if none, or too
    old: the cookie is only good as long as the link)."""
    try:
        nonce = signing.loads(
            request.COOKIES.get(SIGNIN_COOKIE, ""),
            salt=SIGNIN_COOKIE_SALT,
            max_age=proof.MAX_AGES["signin"],
        )
    except signing.BadSignature:
        return ""
    return browser_hash(nonce) if isinstance(nonce, str) else ""


# ----------------------------------------------------------------------------- the link


def signin_token(email, browser=""):
    """A link tied to the account's last login (a used link dies) and to the browser's nonce."""
    email = email.strip().lower()
    return proof.issue("signin", email, l=_last_login_stamp(find_user(email)), b=browser)


def signin_url(email, next_url="", browser=""):
    url = proof.link("accounts:signin-link", signin_token(email, browser))
    if next_url:
        url += "?" + urlencode({"next": next_url})
    return url


def check_link(found, request):
    """The proof of a sign-in link, or InvalidProof: spent (the account signed in since) or
    opened in another browser than the one that asked for it ("other-browser")."""
    browser = found.data.get("b")
    if not browser or browser != browser_of(request):
        raise proof.InvalidProof("other-browser")
    user = find_user(found.email)
    if _last_login_stamp(user) != str(found.data.get("l", "")):
        raise proof.InvalidProof("used")
    return found


def user_for_proof(found):
    """The account the link signs in (created on first use), or None for a disabled one.

    Safe when two first uses race: the address is unique in the database (any case), so the
    loser's insert fails and it reads the winner's account."""
    user = find_user(found.email)
    if user is not None:
        # An admin account signs in with its password only (and its second factor).
        return user if policy.may_use_email_link(user) else None
    if with_email(found.email).filter(is_active=False).exists():
        return None
    try:
        with transaction.atomic():
            user = get_user_model().objects.create_user(
                username=f"lecteur-{get_random_string(12).lower()}", email=found.email
            )
            user.set_unusable_password()
            user.save(update_fields=["password"])
    except IntegrityError:
        user = find_user(found.email)
    return user


def update_profile(user, display_name):
    user.display_name = " ".join(display_name.split())[:80]
    user.save(update_fields=["display_name"])
    return user
