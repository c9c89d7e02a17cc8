from django.db.models.signals import post_save
from django.dispatch import receiver

from manchette.core.cache import purge_site
from manchette.core.models import SiteSettings


@receiver(post_save, sender=SiteSettings)
def purge_on_settings_change(sender, instance, **kwargs):
    purge_site()
