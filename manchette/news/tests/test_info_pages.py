"""Information pages (« Mentions légales », « Qui sommes-nous »): under the home page only."""

import pytest

from manchette.core.site_structure import home_page
from manchette.news.models import InfoPage

pytestmark = pytest.mark.django_db


def test_an_information_page_is_made_under_the_home_page_and_read(client, section):
    home = home_page()
    assert InfoPage.can_create_at(home)
    assert not InfoPage.can_create_at(section)
    legal = InfoPage(
        title="Mentions légales",
        slug="mentions-legales",
        body=[("heading", "Éditeur"), ("paragraph", "<p>La Gazette SAS, Lyon.</p>")],
    )
    home.add_child(instance=legal)
    legal.save_revision().publish()
    html = client.get("/mentions-legales/").content.decode()
    assert "<h1" in html and "Mentions légales" in html
    assert "Éditeur" in html and "La Gazette SAS, Lyon." in html
