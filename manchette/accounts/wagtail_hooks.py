"""The admin's account page links to setting up the second factor."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from manchette.accounts import second_factor


@hooks.register("register_account_menu_item")
def second_factor_item(request):
    if second_factor.mode() == "off":
        return None
    has_app = second_factor.confirmed_device(request.user) is not None
    return {
        "url": reverse("manchette_second_factor_enrol"),
        "label": _("Changer d'application d'authentification")
        if has_app
        else _("Activer la double authentification"),
        "help_text": _("Un code à 6 chiffres après le mot de passe, à chaque connexion."),
    }
