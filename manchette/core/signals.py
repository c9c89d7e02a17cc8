from django.db.models.signals import post_save
from django.dispatch import receiver

from manchette.core.cache import purge_site
from manchette.core.models import SiteSettings


@receiver(post_save, sender=SiteSettings)
def purge_on_settings_change(sender, instance, created, **kwargs):
    # The row is created with its defaults on first read: nothing shown has changed then.
    if not created:
        purge_site()
