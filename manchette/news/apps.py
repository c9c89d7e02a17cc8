from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "manchette.news"
    label = "news"
    verbose_name = _("Actualités")

    def ready(self):
        from manchette.news import signals  # noqa: F401
