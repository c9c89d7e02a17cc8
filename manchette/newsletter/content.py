"""What a newsletter email holds: the site's identity and an issue's articles, as a context.

Shared by the emails and the admin preview (`NewsletterIssue.get_preview_context`); it imports
no newsletter module, so the models can use it.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

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
