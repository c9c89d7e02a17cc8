"""Following a topic: double opt-in by signed link, no enumeration, rate limited, one-click out."""

import re

import pytest
from django.test import Client

from manchette.topics.factories import TopicFactory
from manchette.topics.models import TopicFollow

pytestmark = pytest.mark.django_db


def link_in(message, pattern):
    text = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"http://[^\s]+" + pattern + r"[^\s]+/", text).group(0)


def test_follow_needs_a_confirmation_link_sent_over_smtp(
    client, smtp_sink, django_capture_on_commit_callbacks
):
    topic = TopicFactory(name="Lyon")
    form = client.get("/sujets/lyon/suivre/")
    assert form.status_code == 200
    assert "no-store" in form["Cache-Control"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/sujets/lyon/suivre/", {"email": "lea@example.org"})
    assert "Vérifiez votre boîte" in response.content.decode()
    follow = TopicFollow.objects.get(topic=topic)
    assert not follow.confirmed
    assert len(smtp_sink.messages) == 1
    message = smtp_sink.messages[0]["message"]
    assert "Lyon" in message["Subject"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    confirm = link_in(message, "/sujets/suivre/confirmer/").replace("http://127.0.0.1:8000", "")
    assert "Confirmer le suivi" in client.get(confirm).content.decode()
    follow.refresh_from_db()
    assert not follow.confirmed  # a GET (a mail scanner) changes nothing
    assert "C’est confirmé" in client.post(confirm).content.decode()
    follow.refresh_from_db()
    assert follow.confirmed

    unsubscribe = (
        message["List-Unsubscribe"].strip().strip("<>").replace("http://127.0.0.1:8000", "")
    )
    one_click = Client(enforce_csrf_checks=True)
    response = one_click.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not TopicFollow.objects.exists()


def test_same_answer_whether_or_not_the_address_already_follows(
    client, django_capture_on_commit_callbacks
):
    TopicFactory(name="Lyon")
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post("/sujets/lyon/suivre/", {"email": "lea@example.org"})
        second = client.post("/sujets/lyon/suivre/", {"email": "lea@example.org"})
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert TopicFollow.objects.count() == 1


def test_bad_address_gets_a_french_message_and_keeps_what_was_typed(client):
    TopicFactory(name="Lyon")
    response = client.post("/sujets/lyon/suivre/", {"email": "lea@exemple"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "ne semble pas valide" in html
    assert 'value="lea@exemple"' in html


def test_follow_requests_are_rate_limited(client, django_capture_on_commit_callbacks):
    TopicFactory(name="Lyon")
    with django_capture_on_commit_callbacks(execute=True):
        codes = [
            client.post("/sujets/lyon/suivre/", {"email": f"l{n}@example.org"}).status_code
            for n in range(7)
        ]
    assert codes[:5] == [200] * 5
    assert codes[-1] == 429


def test_forged_or_expired_links_are_refused(client):
    assert client.get("/sujets/suivre/confirmer/pas-un-jeton/").status_code == 400
    assert client.post("/sujets/suivre/arreter/pas-un-jeton/").status_code == 400


def test_one_address_gets_at_most_three_confirmation_emails_an_hour(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    TopicFactory(name="Lyon")
    with django_capture_on_commit_callbacks(execute=True):
        answers = {
            client.post("/sujets/lyon/suivre/", {"email": "lea@example.org"}).content
            for _ in range(4)
        }
    assert len(answers) == 1  # the fourth answer looks the same
    assert len(mailoutbox) == 3
