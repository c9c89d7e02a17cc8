"""Sign-in links as a browser gets them (bound to the browser that asked), for tests."""

from manchette.accounts import services


def bound_token(client, email="lecteur@example.org"):
    """A link's token for `email`, bound to `client` as a sign-in request binds it."""
    nonce, cookie = services.new_browser_nonce()
    client.cookies[services.SIGNIN_COOKIE] = cookie
    return services.signin_token(email, services.browser_hash(nonce))
