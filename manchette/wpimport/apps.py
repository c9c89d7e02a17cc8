from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordPressImportConfig(AppConfig):
    """Bringing a WordPress + wpDiscuz site over: `manage.py import_wordpress`."""

    name = "manchette.wpimport"
    label = "wpimport"
    verbose_name = _("Import WordPress")
