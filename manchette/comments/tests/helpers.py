"""Shared helpers for the comments tests."""

import time

from django.core import signing

from manchette.comments.views import FORM_SALT


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
