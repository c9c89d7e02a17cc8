from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction

from manchette.core.caching.purge import purge_site
from manchette.core.models import SiteSettings


@receiver(post_save, sender=SiteSettings)
def purge_site_on_site_settings_change(sender, instance, created, **kwargs):
    # The row is created with its defaults on first read: nothing shown has changed then.
    if not created:
        purge_site()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def purge_site_on_view_restriction_change(sender, instance, **kwargs):
    # Making a page private or public again changes who may see it: no cached copy survives.
    purge_site()
