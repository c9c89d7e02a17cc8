"""A reader signs up from an article page, confirms by the emailed link, receives a letter and
unsubscribes in one click — in Chromium, with email over SMTP to a sink."""

import re

import pytest
from playwright.sync_api import expect

from manchette.news.factories import ArticleFactory
from manchette.newsletter import sending
from manchette.newsletter.factories import NewsletterIssueFactory, default_list
from manchette.newsletter.models import Subscriber, Subscription

pytestmark = pytest.mark.django_db(transaction=True)


def text_link(message, fragment):
    body = message.get_body(preferencelist=("plain",)).get_content()
    return next(url for url in re.findall(r"https?://\S+", body) if fragment in url)


def test_reader_signs_up_confirms_receives_and_unsubscribes(
    page, live_server, smtp_sink, settings, screenshot, third_party_requests
):
    settings.SITE_URL = live_server.url
    morning = default_list()
    article = ArticleFactory(title="La rentrée des classes en chiffres")

    page.goto(live_server.url + article.url)
    box = page.locator(".newsletter-box")
    expect(box).to_be_visible()
    box.get_by_label("Votre adresse e-mail").fill("lectrice@exemple.fr")
    box.scroll_into_view_if_needed()
    screenshot(page, "newsletter")
    box.get_by_role("button", name="S’inscrire").click()
    expect(page.get_by_role("heading", name="Vérifiez vos e-mails")).to_be_visible()
    assert Subscriber.objects.get().status == "pending"
    assert len(smtp_sink.messages) == 1

    page.goto(text_link(smtp_sink.messages[0]["message"], "/newsletter/confirmer/"))
    page.get_by_role("button", name="Je confirme mon inscription").click()
    expect(page.get_by_role("heading", name="Votre inscription est confirmée")).to_be_visible()
    assert Subscription.objects.get(newsletter_list=morning).status == "active"

    issue = NewsletterIssueFactory(newsletter_list=morning, articles=[article])
    sending.send_test(issue, "lectrice@exemple.fr")
    letter = smtp_sink.messages[-1]["message"]
    assert letter["Subject"].startswith("[TEST]")
    assert "La rentrée des classes en chiffres" in letter.get_body(("html",)).get_content()

    page.goto(text_link(letter, "/newsletter/desinscription/"))
    page.get_by_role("button", name="Me désinscrire").click()
    expect(page.get_by_role("heading", name="Vous êtes désinscrit")).to_be_visible()
    assert Subscription.objects.get(newsletter_list=morning).status == "unsubscribed"
    assert third_party_requests == []
