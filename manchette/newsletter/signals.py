"""A flash marked "send to the Alertes list" going live is sent to that list, once."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from manchette.news.models import Flash
from manchette.newsletter.models import NewsletterList
from manchette.newsletter.templatetags.newsletter import BOX_CACHE_KEY

logger = logging.getLogger(__name__)


@receiver(post_save, sender=Flash)
def alert_on_live_flash(sender, instance, **kwargs):
    """The worker composes and sends the alert: saving the flash only queues it."""
    from manchette.newsletter.tasks import send_flash_alert_task

    if not instance.send_alert:
        return

    def queue():
        try:
            send_flash_alert_task.enqueue(instance.pk)
        except Exception:  # an alert must never break saving the flash; the clock retries
            logger.exception("Newsletter alert for flash %s failed", instance.pk)

    transaction.on_commit(queue)


@receiver(post_save, sender=NewsletterList)
@receiver(post_delete, sender=NewsletterList)
def forget_box_lists(sender, **kwargs):
    from django.core.cache import cache

    from manchette.core.caching.purge import purge_site

    cache.delete(BOX_CACHE_KEY)
    # The boxes on every cached page name the default lists.
    transaction.on_commit(purge_site)
