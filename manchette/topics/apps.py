from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TopicsConfig(AppConfig):
    name = "manchette.topics"
    label = "topics"
    verbose_name = _("Sujets")

    def ready(self):
        from manchette.topics import signals  # noqa: F401
