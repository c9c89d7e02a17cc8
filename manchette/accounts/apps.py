from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "manchette.accounts"
    label = "accounts"
    verbose_name = _("Comptes")

    def ready(self):
        # Connects the admin accounts' session rules to the sign-in signal.
        from manchette.accounts import policy  # noqa: F401
