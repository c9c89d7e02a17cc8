"""E-mail proof, done once for every feature (comments, topic follows, newsletter, sign-in).

Three things live here and nowhere else:

- `issue` / `read`: a signed (`django.core.signing`), purpose-bound (one salt per purpose:
  an unsubscribe token never opens a preferences page) and expiring token naming an address
  and a small payload (a comment, a subscription...).
- `ProofFlow`: the page an emailed link opens. GET only shows what will happen and a button
  (mail scanners and link previewers follow links); the POST does it. A one-click flow
  (unsubscribing, RFC 8058) also takes the mail client's POST without a CSRF token.
- The proven browser: a guest's browser is remembered only after it POSTed a confirmation
  page, by the random token of the one anonymous reader cookie (`accounts.readers`), whose
  keyed hash names the address server-side.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.crypto import salted_hmac
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from manchette.accounts import readers

DAY = 86400
# How long each kind of link works. Confirmation links: a week to open the mail; the sign-in
# link: half an hour; unsubscribe links: long (an old issue must still let one leave), bounded.
MAX_AGES = {
    "comment-confirm": 7 * DAY,
    "comment-unsubscribe": 2 * 365 * DAY,
    "topic-confirm": 7 * DAY,
    "topic-unsubscribe": 2 * 365 * DAY,
    "newsletter-confirm": 7 * DAY,
    "newsletter-unsubscribe": 2 * 365 * DAY,
    "newsletter-preferences": 30 * DAY,
    "signin": 30 * 60,
}
# Unsubscribe links already in readers' mailboxes were signed before this module, each app with
# its own salt and payload. They must keep working (an old issue must still let one leave):
# (old salt, the old payload as today's, or None). Their rows are named by primary key only.
LEGACY_UNSUBSCRIBE = {
    "newsletter-unsubscribe": (
        "manchette.newsletter.unsubscribe",
        lambda data: data if isinstance(data, dict) else None,
    ),
    "comment-unsubscribe": (
        "comments.unsubscribe",
        lambda data: {"s": data} if isinstance(data, int) else None,
    ),
    "topic-unsubscribe": ("topics.unfollow", lambda data: data if isinstance(data, dict) else None),
}
BROWSER_SALT = "manchette.proof.browser"


class InvalidProof(Exception):
    """A forged, altered, expired or spent link (`reason` lets a page say which)."""

    def __init__(self, reason="invalid"):
        super().__init__(reason)
        self.reason = reason

    @property
    def expired(self):
        return self.reason == "expired"


@dataclass(frozen=True)
class Proof:
    """What a valid token says: the address it was sent to, and its payload."""

    email: str
    data: dict


def _salt(purpose):
    if purpose not in MAX_AGES:
        raise ValueError(f"unknown proof purpose {purpose!r}")
    return f"manchette.proof.{purpose}"


def issue(purpose, email, **payload):
    """A token proving that whoever holds it received a message sent to `email`."""
    return signing.dumps(
        {**payload, "e": email.strip().lower()}, salt=_salt(purpose), compress=True
    )


def _loads(token, salt, max_age):
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise InvalidProof("expired")
    except (signing.BadSignature, ValueError, TypeError):
        raise InvalidProof()


def _read_legacy(purpose, token, max_age):
    """The proof in an unsubscribe link signed before this module (no address: "")."""
    if purpose not in LEGACY_UNSUBSCRIBE:
        raise InvalidProof()
    salt, convert = LEGACY_UNSUBSCRIBE[purpose]
    data = convert(_loads(token, salt, max_age))
    if data is None:
        raise InvalidProof()
    email = data.pop("e", "")
    return Proof(email=email if isinstance(email, str) else "", data=data)


def read(purpose, token, max_age=None):
    """The `Proof` in `token` for `purpose`, or InvalidProof (bad, other purpose, expired)."""
    max_age = MAX_AGES[purpose] if max_age is None else max_age
    try:
        data = _loads(token, _salt(purpose), max_age)
    except InvalidProof as refused:
        if refused.expired:
            raise
        return _read_legacy(purpose, token, max_age)
    if not isinstance(data, dict) or not isinstance(data.get("e"), str):
        raise InvalidProof()
    return Proof(email=data.pop("e"), data=data)


def named(queryset, found, key, email_field="email"):
    """The row of `queryset` that `found` names by `key`, still at the proven address (a row
    whose address changed since is not the one the link was sent for), or InvalidProof."""
    rows = queryset.filter(pk=found.data.get(key))
    if found.email:  # an old unsubscribe link names its row by key only
        rows = rows.filter(**{email_field: found.email})
    row = rows.first()
    if row is None:
        raise InvalidProof()
    return row


def link(viewname, token):
    """The absolute address of the page `viewname` for `token` (emails need absolute links)."""
    return settings.SITE_URL + reverse(viewname, args=[token])


def private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


# ----------------------------------------------------------------------------- the pages


@dataclass
class ProofFlow:
    """An emailed link's page: GET shows `template` with done=False and a button, POST runs
    `act` and shows it with done=True.

    `load(proof, request)` turns the token's proof into the object acted on (raising
    InvalidProof if it is gone); `context(obj)` is what both pages show; `act(request, obj)`
    does the change and returns more context (or None), or a response of its own (a redirect,
    a cookie to set). `rate` ("scope", "N/period") limits the POSTs per client.
    """

    purpose: str
    template: str
    load: Callable
    act: Callable
    context: Callable = field(default=lambda obj: {})
    invalid_template: str = "proof/invalid.html"
    invalid_context: Callable = field(default=dict)
    one_click: bool = False
    max_age: Callable = None
    rate: tuple = ()

    def page(self, request, obj, token, *, done, status=200, **extra):
        context = {**self.context(obj), "token": token, "done": done, **extra}
        return private(render(request, self.template, context, status=status))

    def invalid(self, request, error):
        context = {
            **self.invalid_context(),
            "expired": error.expired,
            "reason": error.reason,
            "purpose": self.purpose,
        }
        return private(render(request, self.invalid_template, context, status=400))

    def handle(self, request, token):
        try:
            max_age = self.max_age() if self.max_age else None
            obj = self.load(read(self.purpose, token, max_age), request)
        except InvalidProof as error:
            return self.invalid(request, error)
        if request.method != "POST":
            return self.page(request, obj, token, done=False)
        result = self.act(request, obj)
        if isinstance(result, HttpResponse):
            return private(result)
        return self.page(
            request, obj, token, done=True, **(result if isinstance(result, dict) else {})
        )

    def as_view(self):
        from manchette.core.ratelimit import ratelimit

        view = require_http_methods(["GET", "POST"])(self.handle)
        if self.rate:
            view = ratelimit(*self.rate)(view)
        # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" with no CSRF token. Only
        # unsubscribing is offered so: it costs the link's holder nothing but the mails.
        return csrf_exempt(view) if self.one_click else view


# ----------------------------------------------------------------------------- proven browsers
#
# A guest's browser is named by the one anonymous reader cookie (`accounts.readers`): its
# random token is the nonce, and the server keeps only a keyed hash of it (`nonce_key`). The
# votes table holds raw tokens ("v:<token>"): a keyed hash keeps a copy of the database from
# linking a proven address to that browser's anonymous votes and reactions.


def nonce_key(nonce):
    return salted_hmac(BROWSER_SALT, nonce, algorithm="sha256").hexdigest()


def browser_nonce(request):
    """The random token of this browser's reader cookie, or "" (a forged cookie is ignored).
    It names nothing by itself."""
    issued = getattr(request, "_proof_reader", None)
    return issued.token if issued is not None else readers.browser_token(request)


def browser_key(request, create=False):
    """The server-side name of this browser (its nonce's hash), or "" if it has no cookie.
    With `create`, a browser without one becomes an anonymous reader (`keep_browser` sets the
    cookie): only when the reader acts, never on a page view. "" when its network made too
    many new readers (the action goes on; only the browser is not named)."""
    nonce = browser_nonce(request)
    if not nonce and create:
        reader = readers.new_browser_reader(request)
        if reader is not None:
            request._proof_reader = reader
            nonce = reader.token
    return nonce_key(nonce) if nonce else ""


def keep_browser(request, response):
    """Sets the reader cookie issued by `browser_key(create=True)` in this request, if any."""
    issued = getattr(request, "_proof_reader", None)
    return readers.remember_reader(response, issued, request) if issued else response


def proven_addresses(request):
    """{address: name} this browser has proven, newest first ({} for most readers)."""
    from manchette.accounts.models import ProvenBrowser

    key = browser_key(request)
    if not key:
        return {}
    rows = ProvenBrowser.objects.filter(nonce_hash=key).order_by("-proven_at")
    return dict(rows.values_list("email", "name")[:20])


def remember_browser(key, email, name=""):
    """Records that the browser `key` proved `email` (called on a confirmation page's POST).
    No key (its network made too many new readers): nothing is remembered."""
    from manchette.accounts.models import ProvenBrowser

    if not key:
        return
    email = email.strip().lower()
    try:
        with transaction.atomic():
            ProvenBrowser.objects.update_or_create(
                nonce_hash=key, email=email, defaults={"name": name[:80]}
            )
    except IntegrityError:  # the same browser confirming twice at once: one row is enough
        pass


def forget_address(email):
    """Revokes every browser that proved `email` (they must prove it again): erasure."""
    from manchette.accounts.models import ProvenBrowser

    return ProvenBrowser.objects.filter(email=email.strip().lower()).delete()[0]
