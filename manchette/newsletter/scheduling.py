"""When issues leave: editors' send/schedule, the worker's clock, automatic letters, alerts.

Each path queues the issue (status QUEUED) and kicks `send_issue_task`; `sending` does the rest.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from manchette.core.templatetags.manchette import date_fr
from manchette.core.turns import take_turn
from manchette.newsletter.models import (
    IssueStatus,
    ListKind,
    NewsletterIssue,
    NewsletterIssueItem,
    NewsletterList,
)
from manchette.newsletter.tasks import send_issue_task

DIGEST_MAX_ARTICLES = 15


def _kick(issue_id):
    take_turn(f"newsletter:kick:{issue_id}", 0)  # no resume kick for a claim timeout
    send_issue_task.enqueue(issue_id)
    # Extra senders share the issue's batches (useful on PostgreSQL with several workers).
    for _i in range(max(0, settings.NEWSLETTER_PARALLEL_SENDERS - 1)):
        send_issue_task.enqueue(issue_id)


def send_now(issue):
    """Queues the issue for sending by the worker. False if it was already sent or sending."""
    queued = NewsletterIssue.objects.filter(
        pk=issue.pk, status__in=[IssueStatus.DRAFT, IssueStatus.SCHEDULED]
    ).update(status=IssueStatus.QUEUED)
    if queued:
        transaction.on_commit(lambda: _kick(issue.pk))
    issue.refresh_from_db()
    return bool(queued)


def schedule(issue, when):
    """The worker's clock will send the issue at `when`."""
    updated = NewsletterIssue.objects.filter(
        pk=issue.pk, status__in=[IssueStatus.DRAFT, IssueStatus.SCHEDULED]
    ).update(status=IssueStatus.SCHEDULED, scheduled_at=when)
    issue.refresh_from_db()
    return bool(updated)


def unschedule(issue):
    updated = NewsletterIssue.objects.filter(pk=issue.pk, status=IssueStatus.SCHEDULED).update(
        status=IssueStatus.DRAFT
    )
    issue.refresh_from_db()
    return bool(updated)


def digest_articles(newsletter_list, now):
    from manchette.news.models import ArticlePage

    days = 7 if newsletter_list.kind == ListKind.WEEKLY else 1
    articles = ArticlePage.objects.visible().filter(
        first_published_at__gte=now - timedelta(days=days), first_published_at__lte=now
    )
    if newsletter_list.section_id:
        articles = articles.filter(section_id=newsletter_list.section_id)
    # Editors' picks first, then the newest.
    return list(articles.order_by("-featured", "-first_published_at", "-pk")[:DIGEST_MAX_ARTICLES])


def digest_is_due(newsletter_list, now):
    if not newsletter_list.active or newsletter_list.send_time is None:
        return False
    if newsletter_list.kind not in (ListKind.DAILY, ListKind.WEEKLY):
        return False
    local = timezone.localtime(now)
    if newsletter_list.kind == ListKind.WEEKLY and local.weekday() != newsletter_list.send_weekday:
        return False
    return (
        local.time() >= newsletter_list.send_time
        and newsletter_list.last_auto_issue_on != local.date()
    )


def create_digest_issue(newsletter_list, now=None):
    """Composes and queues the automatic letter of the day, once per day (None if nothing new)."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    with transaction.atomic():
        claimed = (
            NewsletterList.objects.filter(pk=newsletter_list.pk)
            .exclude(last_auto_issue_on=today)
            .update(last_auto_issue_on=today)
        )
        if not claimed:
            return None
        articles = digest_articles(newsletter_list, now)
        if not articles:
            return None
        issue = NewsletterIssue.objects.create(
            newsletter_list=newsletter_list,
            subject=f"{newsletter_list.name} — {date_fr(now, 'court')}",
            intro="",
            status=IssueStatus.QUEUED,
            automatic=True,
        )
        NewsletterIssueItem.objects.bulk_create(
            [
                NewsletterIssueItem(issue=issue, article=article, sort_order=i)
                for i, article in enumerate(articles)
            ]
        )
        transaction.on_commit(lambda: _kick(issue.pk))
    return issue


def send_flash_alert(flash, now=None):
    """Sends a live flash whose editor chose "send to the Alertes list" to that list, once per
    flash."""
    from manchette.news.models import ArticlePage, FlashState

    now = now or timezone.now()
    if not flash.send_alert or flash.state_at(now) != FlashState.LIVE:
        return None
    alerts = NewsletterList.objects.filter(kind=ListKind.ALERTS, active=True).first()
    if alerts is None or NewsletterIssue.objects.filter(flash=flash).exists():
        return None
    try:
        with transaction.atomic():
            issue = NewsletterIssue.objects.create(
                newsletter_list=alerts,
                subject=_("Alerte : %(text)s") % {"text": flash.text},
                intro=flash.text,
                flash=flash,
                status=IssueStatus.QUEUED,
                automatic=True,
            )
            if flash.link_page_id:
                article = ArticlePage.objects.visible().filter(pk=flash.link_page_id).first()
                if article is not None:
                    NewsletterIssueItem.objects.create(issue=issue, article=article)
    except IntegrityError:  # another process sent this flash first
        return None
    transaction.on_commit(lambda: _kick(issue.pk))
    return issue


def run_due_sends(now=None):
    """The worker's clock: scheduled issues, automatic letters, alerts, resuming sends."""
    from manchette.news.models import Flash

    now = now or timezone.now()
    for issue in NewsletterIssue.objects.due(now):
        queued = NewsletterIssue.objects.filter(pk=issue.pk, status=IssueStatus.SCHEDULED).update(
            status=IssueStatus.QUEUED
        )
        if queued:
            _kick(issue.pk)
    for newsletter_list in NewsletterList.objects.filter(active=True, send_time__isnull=False):
        if digest_is_due(newsletter_list, now):
            create_digest_issue(newsletter_list, now)
    recent_alerts = Flash.objects.live(now).filter(
        send_alert=True,
        newsletter_issue__isnull=True,
        starts_at__gte=now - timedelta(days=1),
    )
    for flash in recent_alerts:
        send_flash_alert(flash, now)
    # Resume issues whose sender died: each unfinished issue is kicked at most once per
    # claim timeout; a sender with nothing to claim simply returns.
    for issue_id in NewsletterIssue.objects.unfinished().values_list("pk", flat=True):
        if take_turn(f"newsletter:kick:{issue_id}", settings.NEWSLETTER_KICK_SECONDS):
            send_issue_task.enqueue(issue_id)
