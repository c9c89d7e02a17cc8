from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from manchette.comments.counters import counted_for_moderators, forget_moderation_counts
from manchette.core.caching.purge import purge_site

from .models import Comment, CommentSettings


@receiver(post_save, sender=Comment)
@receiver(post_delete, sender=Comment)
def forget_counts_on_comment_change(sender, instance, created=False, **kwargs):
    # A new comment the moderators have nothing to do with (published, rejected, or waiting
    # for its author's e-mailed confirmation: most posts) leaves the counts as they were.
    if created and not counted_for_moderators(instance):
        return
    forget_moderation_counts()


@receiver(post_save, sender=CommentSettings)
def purge_on_settings_change(sender, instance, created, **kwargs):
    # Page size, avatars and the site-wide switch show on every article; a row created on
    # first read changes nothing shown.
    if not created:
        purge_site()
