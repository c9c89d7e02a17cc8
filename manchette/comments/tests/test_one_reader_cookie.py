"""One anonymous reader cookie, set only when the reader acts, names a guest's browser as
well as its votes, reports and reactions (issue 13: it replaces three)."""

import re

import pytest
from django.core import mail
from django.test import Client

from manchette.accounts import proof, readers
from manchette.accounts.models import ProvenBrowser
from manchette.comments.factories import CommentFactory
from manchette.comments.models import Comment, CommentVote
from manchette.comments.tests.helpers import confirm_by_post, post_data, post_json
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def confirm_link(message):
    return re.search(r"https?://[^/\s]+(/commentaires/confirmer/[^\s]+/)", message.body).group(1)


def test_a_guests_comment_confirmation_and_vote_share_one_cookie():
    article = ArticleFactory()
    guest = Client()
    posted = post_json(guest, post_data(article, body="Mon avis de lectrice."))
    assert set(posted.cookies) == {readers.READER_COOKIE}
    token = readers.unsign_token(guest.cookies[readers.READER_COOKIE].value)
    mine = Comment.objects.get(body="Mon avis de lectrice.")
    assert mine.browser_key == proof.nonce_key(token)

    confirmed = confirm_by_post(guest, confirm_link(mail.outbox[-1]))
    assert readers.READER_COOKIE not in confirmed.cookies  # the same cookie, kept
    assert ProvenBrowser.objects.get(email="jeanne@example.org").nonce_hash == mine.browser_key

    other = CommentFactory(article=article)
    voted = guest.post(f"/commentaires/{other.pk}/vote/", {"value": "up"}, **JSON)
    assert voted.status_code == 200 and not voted.cookies  # no new identity: the same reader
    assert CommentVote.objects.get(comment=other).voter == f"v:{token}"


def test_a_voters_cookie_names_the_browser_of_their_first_comment():
    article = ArticleFactory()
    reader = Client()
    voted = reader.post(
        f"/commentaires/{CommentFactory(article=article).pk}/vote/", {"value": "up"}, **JSON
    )
    token = readers.unsign_token(voted.cookies[readers.READER_COOKIE].value)
    posted = post_json(reader, post_data(article, body="Après mon vote."))
    assert not posted.cookies
    assert Comment.objects.get(body="Après mon vote.").browser_key == proof.nonce_key(token)


def test_the_former_guest_cookie_is_deleted_and_proves_nothing():
    article = ArticleFactory()
    guest = Client()
    guest.cookies["manchette_invite"] = "ancienne-valeur"
    posted = post_json(guest, post_data(article))
    assert posted.cookies["manchette_invite"].value == ""  # deleted
    assert posted.json()["outcome"] == "confirmation"


def test_the_database_keeps_a_keyed_hash_of_the_token_not_a_plain_one():
    """Votes keep raw tokens: a plain hash would let a copy of the database tie a proven
    address to that browser's anonymous votes."""
    import hashlib

    key = proof.nonce_key("jeton-de-lecteur")
    assert len(key) == 64
    assert key != hashlib.sha256(f"{proof.BROWSER_SALT}:jeton-de-lecteur".encode()).hexdigest()
    assert key != hashlib.sha256(b"jeton-de-lecteur").hexdigest()


def test_a_forged_reader_cookie_names_no_browser():
    article = ArticleFactory()
    guest = Client()
    guest.cookies[readers.READER_COOKIE] = "pas:un-jeton"
    posted = post_json(guest, post_data(article, body="Avec un faux jeton."))
    # A new identity replaces the forged one; the forged token named nothing.
    new = readers.unsign_token(posted.cookies[readers.READER_COOKIE].value)
    assert Comment.objects.get(body="Avec un faux jeton.").browser_key == proof.nonce_key(new)


def test_a_network_out_of_new_readers_still_confirms_but_remembers_no_browser(settings):
    settings.READER_NEW_IDENTITY_RATE = "1/h"
    article = ArticleFactory()
    post_json(Client(), post_data(article, body="Posté depuis le téléphone."))
    # Opened in another browser of the same network: no new reader can be issued there.
    other = Client()
    confirmed = confirm_by_post(other, confirm_link(mail.outbox[-1]))
    assert confirmed.status_code == 200 and not confirmed.cookies
    assert Comment.objects.get(body="Posté depuis le téléphone.").status == "published"
    assert not ProvenBrowser.objects.exists()
