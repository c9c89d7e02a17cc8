"""Who an anonymous reader is, for everything a reader does without an account.

Votes and reports on comments and reactions to articles share one identity: a signed-in
reader's account, or else a random token signed with django.core.signing and kept in one
first-party cookie. The cookie is issued only when the reader acts (a POST): a reader who only
reads gets none, and the cached pages stay the same for everyone.

A cookie is free to drop, so every anonymous reader also has a network bucket (their hashed
address, an IPv6 address counted by its /64): new identities are throttled per bucket, and at
most PER_NETWORK anonymous identities of one bucket count on any one item (`create_capped`).
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from manchette.core.clients import client_network, hashed_client_network
from manchette.core.ratelimit import LIMITED_MESSAGE, hit

READER_COOKIE = "manchette_lecteur"
# The salt reactions' tokens were signed with when they were the only user of this cookie:
# kept so the tokens readers already hold stay valid.
READER_SALT = "manchette.reactions.reader"
READER_MAX_AGE = 400 * 24 * 3600  # browsers cap cookie lifetimes at 400 days
# Comments' own vote cookie before there was one reader cookie. Read (when the reader acts and
# has no reader cookie yet) so their earlier votes stay theirs, then deleted.
LEGACY_VOTER_COOKIE = "manchette_votant"
LEGACY_VOTER_SALT = "comments.voter"
# A guest's browser had a cookie of its own before this one named it too
# (`accounts.proof.browser_key`): deleted whenever the reader cookie is set.
LEGACY_COOKIES = (LEGACY_VOTER_COOKIE, "manchette_invite")

# Anonymous identities of one network bucket that count on one comment or one article. One
# address is often several people (a family's box, an office or campus NAT, a phone carrier's
# CGNAT), so one is too few; but a cookie costs nothing to drop, so a script at one address
# must not count more than a household does. Readers past the cap are told to sign in: an
# account (a proven address) always counts, whatever network it comes from.
PER_NETWORK = 3

FORGED_MESSAGE = _("Votre jeton de lecteur n’est pas valide ; il a été effacé. Merci de réessayer.")


class ForgedToken(Exception):
    """The reader's token is present but its signature does not hold."""


class ReaderRefused(Exception):
    """The action cannot be given a reader: a forged cookie, or too many new identities."""

    def __init__(self, message, status):
        super().__init__(message)
        self.message = message
        self.status = status


class NetworkFull(Exception):
    """PER_NETWORK anonymous readers of this network already count on this item."""


@dataclass(frozen=True)
class Reader:
    user_id: int | None = None
    token: str = ""
    # The hashed network bucket of the request (empty outside a request: not capped).
    network: str = ""
    # A token issued by this request, to hand back to the reader.
    new_signed_token: str = ""

    @property
    def lookup(self):
        if self.user_id is not None:
            return {"user_id": self.user_id}
        return {"reader_token": self.token}

    @property
    def voter(self):
        """The identity as one string ("u:<account>" or "v:<token>"), as comments store it."""
        return f"u:{self.user_id}" if self.user_id is not None else f"v:{self.token}"

    @property
    def is_known(self):
        return self.user_id is not None or bool(self.token)

    @property
    def is_anonymous(self):
        return self.user_id is None

    @property
    def capped_network(self):
        """The bucket this reader's rows are capped in: none for an account."""
        return self.network if self.is_anonymous else ""

    @property
    def cache_scope(self):
        return f"u:{self.user_id}" if self.user_id is not None else f"t:{self.token}"


def sign_token(token):
    return signing.dumps(token, salt=READER_SALT, compress=False)


def _unsign(value, salt):
    try:
        token = signing.loads(value, salt=salt, max_age=READER_MAX_AGE)
    except signing.BadSignature as exc:
        raise ForgedToken from exc
    if not isinstance(token, str) or not (8 <= len(token) <= 64):
        raise ForgedToken
    return token


def unsign_token(value):
    """The token inside a signed value; ForgedToken when it was not signed here."""
    return _unsign(value, READER_SALT)


def _legacy_token(request):
    try:
        return _unsign(request.COOKIES.get(LEGACY_VOTER_COOKIE, ""), LEGACY_VOTER_SALT)
    except ForgedToken:
        return ""


def reader_from_request(request, issue=False):
    """The reader behind a request.

    Signed-in readers are their account, whatever token they carry. Anonymous readers are
    their token; without one, a new token is issued only when `issue` is true (an action).
    Raises ForgedToken when the cookie carries a token that was not signed here.
    """
    network = hashed_client_network(request)
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return Reader(user_id=user.pk, network=network)
    signed = request.COOKIES.get(READER_COOKIE, "")
    if signed:
        return Reader(token=unsign_token(signed), network=network)
    if issue:
        return _issued(request, network)
    return Reader(network=network)


def _issued(request, network):
    token = _legacy_token(request) or uuid.uuid4().hex
    return Reader(token=token, network=network, new_signed_token=sign_token(token))


def _new_identity_allowed(request):
    return hit("reader-new", client_network(request), settings.READER_NEW_IDENTITY_RATE)


def browser_token(request):
    """The anonymous reader token this browser carries, signed in or not ("" for none or a
    forged one): it also names the browser of a guest (`accounts.proof.browser_key`)."""
    signed = request.COOKIES.get(READER_COOKIE, "")
    try:
        return unsign_token(signed) if signed else ""
    except ForgedToken:
        return ""


def new_browser_reader(request):
    """A new anonymous identity for a browser without one that acts otherwise than by a vote,
    report or reaction (a guest's comment, a confirmation page's POST), or None when its
    network made too many new identities (throttled as `acting_reader` is)."""
    if not _new_identity_allowed(request):
        return None
    return _issued(request, hashed_client_network(request))


def acting_reader(request):
    """The reader behind an action, a new identity issued if needed; ReaderRefused otherwise.

    A script that drops its cookie gets a new identity each time: new identities are
    throttled per network bucket (READER_NEW_IDENTITY_RATE), for all features at once.
    """
    try:
        reader = reader_from_request(request, issue=True)
    except ForgedToken as exc:
        raise ReaderRefused(FORGED_MESSAGE, 400) from exc
    if reader.new_signed_token and not _new_identity_allowed(request):
        raise ReaderRefused(LIMITED_MESSAGE, 429)
    return reader


def signed_token_of(request):
    """The raw token cookie, as a rate-limit key (a forged one counts too)."""
    return request.COOKIES.get(READER_COOKIE, "")


def _secure(request):
    return request.is_secure() or settings.SITE_URL.startswith("https://")


def remember_reader(response, reader, request):
    """Hands a newly issued token back to the reader (and drops the legacy cookies)."""
    if reader.new_signed_token:
        response.set_cookie(
            READER_COOKIE,
            reader.new_signed_token,
            max_age=READER_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=_secure(request),
        )
        for legacy in LEGACY_COOKIES:
            if legacy in request.COOKIES:
                response.delete_cookie(legacy, samesite="Lax")
    return response


def forget_reader(response):
    response.delete_cookie(READER_COOKIE, samesite="Lax")
    return response


class CappedByNetwork(models.Model):
    """A reader's row counted within their network's cap (a vote, a reaction): see create_capped.

    An account's row has neither: the network of a signed-in reader is not kept.
    """

    network = models.CharField(
        _("réseau du lecteur (empreinte)"), max_length=32, blank=True, default="", editable=False
    )
    slot = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True


def network_cap_constraints(item, prefix):
    """The database side of the cap: one row per (item, network, slot), 1 <= slot <= cap."""
    return [
        models.UniqueConstraint(fields=[item, "network", "slot"], name=f"{prefix}_network_slot"),
        models.CheckConstraint(
            condition=Q(slot__isnull=True) | Q(slot__gte=1, slot__lte=PER_NETWORK),
            name=f"{prefix}_slot_within_cap",
        ),
    ]


def create_capped(model, reader, scope, identity, **fields):
    """Creates a reader's row (a vote, a reaction) on one item, within their network's cap.

    `scope` names the item (e.g. {"comment": c}), `identity` the reader's own fields. The
    model has `network` and `slot` columns and a unique constraint on (item, network, slot)
    with 1 <= slot <= PER_NETWORK, so the database itself refuses more anonymous rows per
    bucket and item. An account has no slot. Raises NetworkFull when every slot is taken,
    IntegrityError when the same reader's concurrent row won (the caller retries).
    """
    network = reader.capped_network
    if not network:
        with transaction.atomic():  # a savepoint: the caller's transaction survives a conflict
            return model.objects.create(**scope, **identity, **fields)
    for _attempt in range(PER_NETWORK):
        taken = set(model.objects.filter(network=network, **scope).values_list("slot", flat=True))
        free = [slot for slot in range(1, PER_NETWORK + 1) if slot not in taken]
        if not free:
            raise NetworkFull
        try:
            with transaction.atomic():
                return model.objects.create(
                    network=network, slot=free[0], **scope, **identity, **fields
                )
        except IntegrityError:
            # Another reader of this network took the slot first (try the next one), or this
            # reader's own concurrent row won (let the caller see it).
            if model.objects.filter(**scope, **identity).exists():
                raise
    raise NetworkFull


def forget_networks(rows):
    """Clears the hashed network of rows past their retention (votes, reactions, reports).

    The slot goes with it (a unique (item, network, slot) would refuse two rows left with an
    empty network in one slot): the row still counts, it no longer holds one of the slots.
    """
    fields = {"network": ""}
    if any(field.name == "slot" for field in rows.model._meta.concrete_fields):
        fields["slot"] = None
    return rows.exclude(network="").update(**fields)
