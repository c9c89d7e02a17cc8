"""The whole reader journey over real SMTP (aiosmtpd sink), links followed with the client."""

import re

import pytest
from django.test import Client

from manchette.core.factories import ImageFactory
from manchette.core.models import SiteSettings
from manchette.core.templatetags.manchette import MONTHS
from manchette.news.factories import ArticleFactory
from manchette.newsletter import scheduling
from manchette.newsletter.factories import NewsletterIssueFactory
from manchette.newsletter.models import Subscription
from manchette.newsletter.tests.conftest import link_to, local_path

pytestmark = pytest.mark.django_db


def test_sign_up_confirm_receive_and_unsubscribe_over_smtp(smtp_sink, morning_list, settings):
    site = SiteSettings.load()
    site.site_name = "Le Quotidien du Test"
    site.logo = ImageFactory()
    site.save()
    client = Client()
    client.post(
        "/newsletter/inscription/",
        {"email": "lectrice@exemple.fr", "choose_lists": "1", "lists": [morning_list.pk]},
    )
    assert len(smtp_sink.messages) == 1
    confirmation = smtp_sink.messages[0]["message"]
    assert smtp_sink.messages[0]["to"] == ["lectrice@exemple.fr"]
    assert "Le Quotidien du Test" in confirmation["Subject"]
    confirm = local_path(link_to(confirmation, "/newsletter/confirmer/"))
    assert "Je confirme" in client.get(confirm).content.decode()
    client.post(confirm)

    article = ArticleFactory(title="Les vendanges commencent", with_image=True)
    issue = NewsletterIssueFactory(
        newsletter_list=morning_list, subject="Édition spéciale", articles=[article]
    )
    scheduling.send_now(issue)
    assert len(smtp_sink.messages) == 2
    letter = smtp_sink.messages[1]["message"]
    assert letter["Subject"] == "Édition spéciale"
    assert letter["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = letter.get_body(preferencelist=("html",)).get_content()
    text = letter.get_body(preferencelist=("plain",)).get_content()
    assert "Les vendanges commencent" in html and "Les vendanges commencent" in text
    assert "Le Quotidien du Test" in html
    assert f'src="{settings.SITE_URL}/' in html  # logo and image: absolute URLs
    assert 'src="/' not in html
    assert "<img" in html and html.count("<img") == 2  # logo + article; no tracking pixel
    assert any(month in text for month in MONTHS)  # French dates

    one_click = re.search(r"<([^>]+)>", str(letter["List-Unsubscribe"])).group(1)
    response = Client(enforce_csrf_checks=True).post(
        local_path(one_click),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Subscription.objects.get().status == "unsubscribed"
    issue.refresh_from_db()
    assert (issue.sent_count, issue.failed_count, issue.unsubscribed_count) == (1, 0, 1)
