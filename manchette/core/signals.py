from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction

from manchette.core.caching.purge import purge_paths, purge_site
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
    # nginx never stores a private page, so it would go on answering with the public copy it
    # holds of each page the restriction covers: until the copy's lifetime ends, then stale
    # while each refresh brings back an answer it may not keep. Its copies go by path.
    purge_paths(_covered_paths(instance))


def _covered_paths(restriction):
    """The addresses of the live pages a view restriction covers: its page and those below."""
    page = Page.objects.filter(pk=restriction.page_id).first()
    if page is None:  # the page itself is being deleted
        return []
    return [covered.url for covered in Page.objects.descendant_of(page, inclusive=True).live()]
