import pytest
from django.core.management import call_command

from manchette.core import demo_data
from manchette.news.models import ArticlePage, AuthorPage, Flash, SectionPage

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_the_demo_site_and_can_run_again_without_losing_anything(client):
    call_command("seed_demo", verbosity=0)
    assert SectionPage.objects.live().count() >= 5
    assert ArticlePage.objects.live().count() >= 40
    assert AuthorPage.objects.live().count() == len(demo_data.AUTHORS)
    assert any(f.is_live for f in Flash.objects.all())
    edited = ArticlePage.objects.first()
    edited.title = "Titre retouché par la rédaction"
    edited.save_revision().publish()

    call_command("seed_demo", verbosity=0)
    assert ArticlePage.objects.count() == len(demo_data.ARTICLES)
    assert ArticlePage.objects.filter(title="Titre retouché par la rédaction").exists()

    home = client.get("/").content.decode()
    assert "FLASH INFO :" in home
    article = ArticlePage.objects.live().filter(lead_image__isnull=False).first()
    page = client.get(article.url).content.decode()
    assert article.title in page and 'href="/sujets/' in page


def test_demo_content_is_original():
    """The reference page's text belongs to someone else: none of it is demo content."""
    text = repr(demo_data.__dict__)
    # Spelled backwards, so that this guard does not itself hold the words it looks for.
    for word in ("veyilA", "hkabaraK", "abrezA", "noitcA'deR", "KKP", "uloganA"):
        assert word[::-1] not in text
