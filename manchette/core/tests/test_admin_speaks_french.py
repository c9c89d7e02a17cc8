"""The editors' admin is French, including the strings Wagtail leaves in English."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_sign_in_page_labels_the_password_in_french(client):
    html = client.get("/admin/login/").content.decode()
    assert "Mot de passe" in html
    assert ">Password<" not in html.replace("\n", "").replace(" ", "")


def test_our_catalogue_overrides_wagtails_english_strings():
    with translation.override("fr"):
        assert translation.gettext("Any") == "Tous"
        assert translation.gettext("Admin") == "Administrateur"
        assert translation.gettext("Current page status:") == "Statut actuel de la page :"
