from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """A reader's own data (export, erasure) and how long the site keeps personal data."""

    name = "manchette.privacy"
    label = "privacy"
    verbose_name = _("Données personnelles")
