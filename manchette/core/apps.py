from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "manchette.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self):
        from manchette.core import checks, ids, media, policies, signals  # noqa: F401

        # Before any URLconf is read: every id in a URL goes through `<id:…>`.
        ids.register()
