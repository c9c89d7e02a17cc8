"""What a newsletter email holds, rendered once per issue and personalised per subscriber.

Rendering the templates for each of 100,000 subscribers would dominate the sending time; the
issue is rendered once with a placeholder link, and each message only swaps in its own signed
unsubscribe link. The headers are those of `manchette.core.mail`
(List-Unsubscribe and List-Unsubscribe-Post, RFC 8058).
"""

from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from manchette.core.mail import unsubscribe_headers
from manchette.core.templatetags.manchette import date_fr

UNSUBSCRIBE_PLACEHOLDER = "__MANCHETTE_UNSUBSCRIBE_URL__"


def absolute(url):
    if not url:
        return ""
    if url.startswith(("http://", "https://")):
        return url
    return settings.SITE_URL + url


def site_identity():
    """The site's name and its logo as an absolute URL (emails need absolute images)."""
    from manchette.core.models import SiteSettings

    site_settings = SiteSettings.load()
    logo_url = ""
    if site_settings.logo_id:
        try:
            logo_url = absolute(site_settings.logo.get_rendition("height-80").url)
        except Exception:  # a missing image file must not stop a newsletter
            logo_url = ""
    return {"site_name": site_settings.site_name, "logo_url": logo_url}


def article_entry(article):
    image_url = ""
    if article.lead_image_id:
        try:
            image_url = absolute(article.lead_image.get_rendition("fill-600x338").url)
        except Exception:
            image_url = ""
    return {
        "title": article.title,
        "url": absolute(article.get_url()),
        "standfirst": article.standfirst,
        "kicker": article.kicker,
        "section": article.section.title if article.section_id and article.section else "",
        "date": date_fr(article.first_published_at, "court") if article.first_published_at else "",
        "image_url": image_url,
        "image_alt": article.image_alt,
    }


def issue_context(issue, *, preview=False):
    from manchette.news.models import ArticlePage

    items = issue.items.select_related(
        "article", "article__lead_image", "article__section"
    ).order_by("sort_order")
    # An article made private (or unpublished) since it was chosen is left out. Checked by id:
    # a preview's items are unsaved (no SQL to add a condition to).
    chosen = [item.article_id for item in items]
    visible = set(ArticlePage.objects.visible().filter(pk__in=chosen).values_list("pk", flat=True))
    items = [item for item in items if item.article_id in visible]
    flash_url = ""
    if issue.flash_id and issue.flash:
        flash_url = absolute(issue.flash.url)
    return {
        **site_identity(),
        "site_url": settings.SITE_URL,
        "issue": issue,
        "subject": issue.subject,
        "list_name": issue.newsletter_list.name,
        "intro_paragraphs": [p.strip() for p in issue.intro.split("\n\n") if p.strip()],
        "articles": [article_entry(item.article) for item in items],
        "flash_url": flash_url,
        "date": date_fr(issue.sent_at or issue.scheduled_at or timezone.now(), "court"),
        "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER if not preview else "#",
        # Not a signed preferences link: issues get forwarded. The page asks for the address
        # and emails its own link to the subscriber.
        "preferences_url": absolute(reverse("newsletter:request-link")) if not preview else "#",
        "preview": preview,
    }


class RenderedIssue:
    """An issue rendered once; `message(subscriber)` only fills in that subscriber's links."""

    def __init__(self, issue):
        self.issue = issue
        context = issue_context(issue)
        self.subject = " ".join(
            render_to_string("emails/newsletter_issue_subject.txt", context).split()
        )
        self.text = render_to_string("emails/newsletter_issue.txt", context)
        self.html = render_to_string("emails/newsletter_issue.html", context)
        self.domain = urlsplit(settings.SITE_URL).hostname or "localhost"

    def message(self, subscriber, *, test=False):
        from manchette.newsletter.services import unsubscribe_url

        unsubscribe = unsubscribe_url(subscriber, self.issue.newsletter_list_id, self.issue.pk)
        text = self.text.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe)
        html = self.html.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe)
        headers = {
            **unsubscribe_headers(unsubscribe),
            "List-Id": f"{self.issue.newsletter_list.name} <{self.issue.newsletter_list.slug}."
            f"{self.domain}>",
            # Stable per (issue, subscriber): a resent message is recognisably the same one.
            "Message-ID": make_msgid(
                f"newsletter.{self.issue.pk}.{subscriber.pk}{'.test' if test else ''}",
                domain=self.domain,
            )
            if test
            else f"<newsletter.{self.issue.pk}.{subscriber.pk}@{self.domain}>",
        }
        subject = f"[TEST] {self.subject}" if test else self.subject
        message = EmailMultiAlternatives(
            subject=subject,
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[subscriber.email],
            headers=headers,
        )
        message.attach_alternative(html, "text/html")
        return message


def confirm_url(token):
    return absolute(reverse("newsletter:confirm", args=[token]))
