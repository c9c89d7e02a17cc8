"""The signed links of the newsletter (confirm, unsubscribe, preferences) and what they name."""

from django.conf import settings
from django.urls import reverse

from manchette.accounts import proof
from manchette.newsletter.content import absolute, site_identity
from manchette.newsletter.models import ConsentRecord, NewsletterList, Subscriber

# A forged, altered or expired signed link (`expired` says which).
InvalidLink = proof.InvalidProof


def unsubscribe_url(subscriber, list_id, issue_id=None):
    token = proof.issue(
        "newsletter-unsubscribe", subscriber.email, s=subscriber.pk, l=list_id, i=issue_id
    )
    return absolute(reverse("newsletter:unsubscribe", args=[token]))


def preferences_url(subscriber):
    """The preferences page's own link: only ever emailed to the subscriber on request (or
    shown once an address is confirmed), never in an issue that may be forwarded."""
    token = proof.issue("newsletter-preferences", subscriber.email, s=subscriber.pk)
    return absolute(reverse("newsletter:preferences", args=[token]))


def _subscriber(found):
    return proof.named(Subscriber.objects.all(), found, "s")


def subscriber_from_preferences_token(token):
    max_age = settings.NEWSLETTER_PREFERENCES_MAX_AGE
    return _subscriber(proof.read("newsletter-preferences", token, max_age))


def unsubscribe_target(found, request=None):
    """(subscriber, list, issue id) an unsubscribe proof names, or InvalidLink."""
    newsletter_list = NewsletterList.objects.filter(pk=found.data.get("l")).first()
    if newsletter_list is None:
        raise InvalidLink()
    issue_id = found.data.get("i")
    return _subscriber(found), newsletter_list, issue_id if isinstance(issue_id, int) else None


def confirmation_token(consent):
    return proof.issue("newsletter-confirm", consent.subscriber.email, c=consent.pk)


def confirmation_context(consent):
    return {
        **site_identity(),
        "confirm_url": confirm_url(confirmation_token(consent)),
        "lists": list(consent.lists.all()),
        "max_age_days": settings.NEWSLETTER_CONFIRM_MAX_AGE // 86400,
    }


def consent_for(found, request=None):
    consents = ConsentRecord.objects.select_related("subscriber")
    return proof.named(consents, found, "c", email_field="subscriber__email")


def confirm_url(token):
    return absolute(reverse("newsletter:confirm", args=[token]))
