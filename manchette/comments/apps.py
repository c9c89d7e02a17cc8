from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "manchette.comments"
    label = "comments"
    verbose_name = _("Commentaires")

    def ready(self):
        from manchette.comments import signals  # noqa: F401
