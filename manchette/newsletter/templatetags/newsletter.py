"""The sign-up box of every page: the lists it subscribes to and the consent sentence, cached."""

from django import template
from django.core.cache import cache

register = template.Library()
BOX_CACHE_KEY = "newsletter:box"


@register.simple_tag
def newsletter_box():
    """{'lists': [...names], 'consent_text': ...}: one cached entry, no query per page view."""
    entry = cache.get(BOX_CACHE_KEY)
    if entry is None:
        from manchette.newsletter.models import NewsletterList
        from manchette.newsletter.subscriptions import consent_text

        lists = list(NewsletterList.objects.active().filter(offered_by_default=True))
        entry = {
            "list_names": [lst.name for lst in lists],
            "consent_text": consent_text(lists) if lists else "",
        }
        cache.set(BOX_CACHE_KEY, entry, timeout=600)
    return entry
