"""Who is reacting: a signed-in reader's account, or an anonymous reader's signed token.

The token is a random identifier signed with django.core.signing. It is issued only when a
reader reacts (a POST), and kept in a first-party cookie: a reader who only reads gets none.
"""

import uuid
from dataclasses import dataclass

from django.core import signing

TOKEN_COOKIE = "manchette_lecteur"
TOKEN_SALT = "manchette.reactions.reader"
TOKEN_MAX_AGE = 400 * 24 * 3600  # browsers cap cookie lifetimes at 400 days


class ForgedToken(Exception):
    """The reader's token is present but its signature does not hold."""


@dataclass(frozen=True)
class Reader:
    user_id: int | None = None
    token: str = ""
    # A token issued by this request, to hand back to the reader.
    new_signed_token: str = ""

    @property
    def lookup(self):
        if self.user_id is not None:
            return {"user_id": self.user_id}
        return {"reader_token": self.token}

    @property
    def is_known(self):
        return self.user_id is not None or bool(self.token)

    @property
    def cache_scope(self):
        return f"u:{self.user_id}" if self.user_id is not None else f"t:{self.token}"


def sign_token(token):
    return signing.dumps(token, salt=TOKEN_SALT, compress=False)


def unsign_token(value):
    """The token inside a signed value; ForgedToken when it was not signed here."""
    try:
        token = signing.loads(value, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature as exc:
        raise ForgedToken from exc
    if not isinstance(token, str) or not (8 <= len(token) <= 64):
        raise ForgedToken
    return token


def reader_from_request(request, issue=False):
    """The reader behind a request.

    Signed-in readers are their account, whatever token they carry. Anonymous readers are
    their token; without one, a new token is issued only when `issue` is true (a reaction).
    Raises ForgedToken when the cookie carries a token that was not signed here.
    """
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return Reader(user_id=user.pk)
    signed = request.COOKIES.get(TOKEN_COOKIE, "")
    if signed:
        return Reader(token=unsign_token(signed))
    if issue:
        token = uuid.uuid4().hex
        return Reader(token=token, new_signed_token=sign_token(token))
    return Reader()


def signed_token_of(request):
    """The raw token cookie, as a rate-limit key (a forged one counts too)."""
    return request.COOKIES.get(TOKEN_COOKIE, "")


def remember_reader(response, reader, request):
    if reader.new_signed_token:
        response.set_cookie(
            TOKEN_COOKIE,
            reader.new_signed_token,
            max_age=TOKEN_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def forget_reader(response):
    response.delete_cookie(TOKEN_COOKIE, samesite="Lax")
    return response
