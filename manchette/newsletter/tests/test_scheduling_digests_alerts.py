import datetime
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import PageViewRestriction

from manchette.news.factories import ArticleFactory, FlashFactory
from manchette.news.models import FlashPriority
from manchette.newsletter import scheduling
from manchette.newsletter.factories import NewsletterIssueFactory, SubscriberFactory
from manchette.newsletter.models import IssueStatus, NewsletterIssue, NewsletterList

pytestmark = pytest.mark.django_db


def test_scheduled_issue_is_sent_by_the_clock_when_due(morning_list):
    SubscriberFactory(lists=[morning_list])
    issue = NewsletterIssueFactory(newsletter_list=morning_list)
    when = timezone.now() + timedelta(hours=1)
    scheduling.schedule(issue, when)
    scheduling.run_due_sends(now=when - timedelta(minutes=1))
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SCHEDULED and mail.outbox == []
    scheduling.run_due_sends(now=when + timedelta(seconds=1))
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and len(mail.outbox) == 1
    scheduling.run_due_sends(now=when + timedelta(minutes=1))
    assert len(mail.outbox) == 1


def test_daily_letter_is_composed_from_the_last_24_hours_featured_first(morning_list):
    SubscriberFactory(lists=[morning_list])
    today = timezone.localtime().replace(hour=6, minute=59)
    # Ages counted from the letter's time, whatever the time of day the test runs.
    ArticleFactory(title="Trop ancien", first_published_at=today - timedelta(hours=30))
    recent = ArticleFactory(title="Récent", first_published_at=today - timedelta(hours=2))
    pick = ArticleFactory(
        title="Choix de la rédaction", first_published_at=today - timedelta(hours=10), featured=True
    )
    NewsletterList.objects.filter(pk=morning_list.pk).update(send_time=datetime.time(7, 0))
    scheduling.run_due_sends(now=today)
    # Only the morning list is looked at: on the weekly letter's day, it is composed too.
    morning_letters = NewsletterIssue.objects.filter(automatic=True, newsletter_list=morning_list)
    assert not morning_letters.exists()

    scheduling.run_due_sends(now=today + timedelta(minutes=2))
    issue = NewsletterIssue.objects.get(automatic=True, newsletter_list=morning_list)
    assert [item.article.pk for item in issue.items.order_by("sort_order")] == [pick.pk, recent.pk]
    assert issue.status == IssueStatus.SENT
    assert issue.subject.startswith("La lettre du matin — ")
    body = mail.outbox[-1].body
    assert body.index("Choix de la rédaction") < body.index("Récent")
    assert "Trop ancien" not in body
    # Once a day only.
    scheduling.run_due_sends(now=today + timedelta(hours=3))
    assert morning_letters.count() == 1


def test_no_letter_when_nothing_was_published(morning_list):
    NewsletterList.objects.filter(pk=morning_list.pk).update(send_time=datetime.time(7, 0))
    scheduling.run_due_sends(now=timezone.localtime().replace(hour=8))
    assert not NewsletterIssue.objects.exists()


def test_alert_flash_is_sent_to_the_alerts_list_once():
    alerts = NewsletterList.objects.get(slug="alertes")
    reader = SubscriberFactory(lists=[alerts])
    article = ArticleFactory(title="Séisme au large des côtes")
    flash = FlashFactory(
        priority=FlashPriority.ALERTE, text="Séisme majeur", link_page=article, send_alert=True
    )
    issue = NewsletterIssue.objects.get(flash=flash)
    assert issue.status == IssueStatus.SENT and issue.newsletter_list == alerts
    assert [m.to for m in mail.outbox] == [[reader.email]]
    assert "Séisme majeur" in mail.outbox[0].subject
    assert article.url in mail.outbox[0].body or "seisme" in mail.outbox[0].body
    flash.text = "Séisme majeur : bilan"
    flash.save()
    scheduling.run_due_sends()
    assert NewsletterIssue.objects.filter(flash=flash).count() == 1
    assert len(mail.outbox) == 1


def test_alert_of_a_flash_linked_to_a_private_article_never_gives_its_address():
    alerts = NewsletterList.objects.get(slug="alertes")
    SubscriberFactory(lists=[alerts])
    article = ArticleFactory(slug="enquete-reservee-aux-abonnes")
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    FlashFactory(text="Séisme majeur", link_page=article, send_alert=True)
    message = mail.outbox[0]
    assert "Séisme majeur" in message.subject
    assert "enquete-reservee-aux-abonnes" not in message.body
    assert "enquete-reservee-aux-abonnes" not in message.alternatives[0][0]


def test_flash_not_marked_for_alerts_or_future_sends_nothing_until_live():
    alerts = NewsletterList.objects.get(slug="alertes")
    SubscriberFactory(lists=[alerts])
    FlashFactory(priority=FlashPriority.ALERTE)  # not marked "send to the Alertes list"
    upcoming = FlashFactory(priority=FlashPriority.ALERTE, upcoming=True, send_alert=True)
    assert not NewsletterIssue.objects.exists()
    scheduling.run_due_sends(now=upcoming.starts_at + timedelta(seconds=1))
    assert NewsletterIssue.objects.filter(flash=upcoming).count() == 1
    assert len(mail.outbox) == 1


def test_worker_clock_runs_the_newsletter(morning_list):
    from manchette.core.management.commands.worker import run_clock_tick

    SubscriberFactory(lists=[morning_list])
    issue = NewsletterIssueFactory(newsletter_list=morning_list)
    scheduling.schedule(issue, timezone.now() - timedelta(seconds=1))
    run_clock_tick()
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT
