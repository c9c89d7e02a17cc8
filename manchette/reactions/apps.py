from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReactionsConfig(AppConfig):
    name = "manchette.reactions"
    label = "reactions"
    verbose_name = _("Réactions")

    def ready(self):
        from manchette.reactions import signals  # noqa: F401
