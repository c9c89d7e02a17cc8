"""Keep what the site shows in step with the set of reaction kinds and with erased readers."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_unpublished

from manchette.core.caching.purge import purge_site
from manchette.reactions import services
from manchette.reactions.models import Reaction, ReactionKind


@receiver(post_save, sender=ReactionKind)
@receiver(post_delete, sender=ReactionKind)
def refresh_offered_kinds(sender, instance, **kwargs):
    # Every article page shows the buttons: drop the kinds cache and the cached pages.
    def refresh():
        services.forget_offered_kinds()
        purge_site()

    transaction.on_commit(refresh)


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def withdraw_reactions_of_deleted_user(sender, instance, **kwargs):
    """An erased account's reactions leave the counters too (the rows cascade)."""
    services.withdraw_all(Reaction.objects.filter(user=instance))


@receiver(page_unpublished)
@receiver(post_delete, sender=Page)
def forget_unpublished_article(sender, instance, **kwargs):
    """An unpublished or deleted article takes no more reactions, at once and once committed
    (a state endpoint may have kept it as live in between)."""
    services.forget_live_article(instance.pk)
    transaction.on_commit(lambda: services.forget_live_article(instance.pk))
