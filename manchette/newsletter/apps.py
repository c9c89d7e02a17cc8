from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "manchette.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from manchette.newsletter import signals  # noqa: F401
