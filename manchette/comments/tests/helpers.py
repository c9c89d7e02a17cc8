"""Shared helpers for the comments tests."""

import time

from django.core import signing

from manchette.comments.forms import FORM_SALT


def stamp(seconds_ago=60):
    """A form stamp issued `seconds_ago` (the minimum fill time has passed)."""
    return signing.dumps(time.time() - seconds_ago, salt=FORM_SALT)


def post_data(article, **extra):
    data = {
        "article": article.pk,
        "body": "Un avis mesuré sur cet article.",
        "name": "Jeanne Lectrice",
        "email": "jeanne@example.org",
        "ts": stamp(),
    }
    data.update(extra)
    return data


def post_json(client, data):
    return client.post("/commentaires/poster/", data, HTTP_ACCEPT="application/json")


def prove_browser(client=None, email="jeanne@example.org", name="Jeanne Lectrice"):
    """Makes `client` a browser that proved `email` (as the POST of a confirmation page
    does) and returns its key; without a client, only the key and the server-side record."""
    from manchette.accounts import proof, readers

    nonce = f"test-{email}"[:64]
    if client is not None:
        client.cookies[readers.READER_COOKIE] = readers.sign_token(nonce)
    key = proof.nonce_key(nonce)
    proof.remember_browser(key, email, name)
    return key


def confirm_by_post(client, path):
    """Follows an emailed confirmation link as a reader does: the page, then its button."""
    page = client.get(path)
    assert page.status_code == 200, page.status_code
    return client.post(path)
