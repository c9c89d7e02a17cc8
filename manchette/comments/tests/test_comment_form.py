"""The comment form validates its own robot traps (honeypot, time stamp), without the view
or the database, with the French messages readers see."""

import time

from django.core import signing

from manchette.comments.forms import FORM_SALT, CommentForm
from manchette.comments.tests.helpers import stamp

FIELDS = {"article": "7", "body": "Un avis", "name": "Jeanne", "email": "j@example.org"}


def form(**extra):
    return CommentForm({**FIELDS, **extra})


def test_a_stamp_older_than_the_minimum_fill_time_passes():
    checked = form(ts=stamp(seconds_ago=60))
    assert checked.is_valid(), checked.errors
    assert checked.stamp_refusal() is None
    assert not checked.filled_by_robot


def test_a_form_sent_at_once_is_too_fast(settings):
    settings.COMMENTS_MIN_FILL_SECONDS = 3
    refusal = form(ts=stamp(seconds_ago=0)).stamp_refusal()
    assert str(refusal) == "Vous avez été très rapide : relisez-vous puis confirmez l’envoi."


def test_a_reader_who_spent_more_than_the_minimum_is_never_too_fast(settings):
    settings.COMMENTS_MIN_FILL_SECONDS = 3
    assert form(ts=stamp(seconds_ago=4)).stamp_refusal() is None


def test_a_missing_forged_or_expired_stamp_asks_to_send_again(monkeypatch):
    three_days_ago = time.time() - 3 * 86400
    with monkeypatch.context() as past:
        past.setattr(signing.time, "time", lambda: three_days_ago)
        expired = signing.dumps(three_days_ago, salt=FORM_SALT)
    forged = signing.dumps(time.time() - 60, salt="another.salt")
    expected = "Vérifiez votre commentaire puis confirmez l’envoi."
    for value in ("", "x" * 300, forged, expired):
        assert str(form(ts=value).stamp_refusal()) == expected, value


def test_the_honeypot_marks_a_robot_whatever_else_it_sent():
    assert form(site_web="http://spam.example", ts=stamp()).filled_by_robot
    assert CommentForm({"site_web": "x"}).filled_by_robot
    assert not form(site_web="", ts=stamp()).filled_by_robot
