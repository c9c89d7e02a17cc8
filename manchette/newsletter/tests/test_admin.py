import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from manchette.news.factories import ArticleFactory
from manchette.newsletter.factories import NewsletterIssueFactory, SubscriberFactory
from manchette.newsletter.models import ConsentRecord, IssueStatus, NewsletterIssue

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="redac", email="redac@exemple.fr", password="x"
    )
    client.force_login(user)
    return user


def issue_form(issue, article, action=None, scheduled_at=""):
    data = {
        "newsletter_list": issue.newsletter_list_id,
        "subject": issue.subject,
        "intro": "Bonjour,\n\nLe point du jour.",
        "scheduled_at": scheduled_at,
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        "items-0-article": article.pk,
        "items-0-ORDER": "1",
        "items-0-id": "",
        "items-0-DELETE": "",
    }
    if action:
        data[action] = "1"
    return data


def edit_url(issue):
    return reverse("wagtailsnippets_newsletter_newsletterissue:edit", args=[issue.pk])


def test_editor_composes_and_sends_a_test_to_themselves(client, editor, morning_list):
    SubscriberFactory(lists=[morning_list])
    article = ArticleFactory(title="Le budget voté")
    issue = NewsletterIssueFactory(newsletter_list=morning_list)
    page = client.get(edit_url(issue))
    assert "Enregistrer et m’envoyer un test" in page.content.decode()
    response = client.post(edit_url(issue), issue_form(issue, article, "action-newsletter-test"))
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["redac@exemple.fr"]]
    assert mail.outbox[0].subject.startswith("[TEST]")
    assert "Le budget voté" in mail.outbox[0].body
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


def test_editor_sends_now_and_sees_the_counts(client, editor, morning_list):
    SubscriberFactory.create_batch(3, lists=[morning_list])
    article = ArticleFactory()
    issue = NewsletterIssueFactory(newsletter_list=morning_list, subject="Numéro du jour")
    client.post(edit_url(issue), issue_form(issue, article, "action-newsletter-send"))
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and issue.sent_count == 3
    assert len(mail.outbox) == 3
    listing = client.get(reverse("wagtailsnippets_newsletter_newsletterissue:list"))
    body = listing.content.decode()
    assert "Numéro du jour" in body and "Envoyée" in body
    inspect = client.get(
        reverse("wagtailsnippets_newsletter_newsletterissue:inspect", args=[issue.pk])
    ).content.decode()
    assert "Envoyés" in inspect or "envoyés" in inspect


def test_editor_schedules_an_issue(client, editor, morning_list):
    article = ArticleFactory()
    issue = NewsletterIssueFactory(newsletter_list=morning_list)
    past = client.post(
        edit_url(issue),
        issue_form(issue, article, "action-newsletter-schedule", "2000-01-01 10:00"),
        follow=True,
    )
    assert "date d’envoi à venir" in past.content.decode()
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT
    when = (timezone.localtime() + timezone.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    client.post(edit_url(issue), issue_form(issue, article, "action-newsletter-schedule", when))
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SCHEDULED and issue.scheduled_at > timezone.now()


def test_preview_shows_the_email(client, editor, morning_list):
    article = ArticleFactory(title="Aperçu d’un article")
    issue = NewsletterIssueFactory(newsletter_list=morning_list)
    preview_url = reverse(
        "wagtailsnippets_newsletter_newsletterissue:preview_on_edit", args=[issue.pk]
    )
    client.post(preview_url, issue_form(issue, article))
    body = client.get(preview_url).content.decode()
    assert "Aperçu d’un article" in body and "Se désinscrire en un clic" in body


def test_consent_proof_is_shown_and_read_only(client, editor, morning_list):
    subscriber = SubscriberFactory(email="preuve@exemple.fr", lists=[morning_list])
    consent = ConsentRecord.objects.get(subscriber=subscriber)
    inspect = client.get(
        reverse("wagtailsnippets_newsletter_subscriber:inspect", args=[subscriber.pk])
    ).content.decode()
    assert "J’accepte de recevoir ces lettres." in inspect and "La lettre du matin" in inspect
    listing = client.get(reverse("wagtailsnippets_newsletter_consentrecord:list"))
    assert "preuve@exemple.fr" in listing.content.decode()
    edit = client.get(reverse("wagtailsnippets_newsletter_consentrecord:edit", args=[consent.pk]))
    assert edit.status_code in (302, 403)
    assert NewsletterIssue.objects.count() == 0
