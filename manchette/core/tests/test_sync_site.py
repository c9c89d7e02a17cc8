"""The Wagtail Site follows SITE_URL (`manage.py sync_site`, run at every start)."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from manchette.core.factories import home_page
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_the_site_follows_site_url_and_the_command_is_idempotent(settings, capsys):
    home_page()
    article = ArticleFactory()
    settings.SITE_URL = "http://127.0.0.1:8123"
    call_command("sync_site")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert article.get_full_url().startswith("http://127.0.0.1:8123/")
    call_command("sync_site")
    assert capsys.readouterr().out.splitlines()[-1].startswith("Wagtail site already")

    settings.SITE_URL = "https://journal.example"
    call_command("sync_site", verbosity=0)
    assert Site.objects.get(is_default_site=True).root_url == "https://journal.example"
