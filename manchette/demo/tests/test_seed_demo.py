import pytest
from django.core.management import call_command

from manchette.demo.content import CONTENT_DIR, load_articles, load_json
from manchette.news.models import ArticlePage, AuthorPage, Flash, SectionPage
from manchette.topics.models import Topic

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_the_demo_site_and_can_run_again_without_losing_anything(client):
    call_command("seed_demo", verbosity=0)
    # Counted by the demo's own slugs: a test of another process may leave its pages behind.
    sections = [section["slug"] for section in load_json("sections.json")]
    assert SectionPage.objects.live().filter(slug__in=sections).count() == len(sections) == 6
    assert ArticlePage.objects.live().count() == 42
    assert AuthorPage.objects.live().count() == len(load_json("authors.json")) == 8
    assert Topic.objects.count() == len(load_json("topics.json"))
    assert sum(f.is_live for f in Flash.objects.all()) == 3
    article = ArticlePage.objects.get(slug=load_articles()[0].slug)
    assert article.live_revision_id and not article.has_unpublished_changes
    assert [a.slug for a in article.authors] == load_articles()[0].authors
    article.title = "Titre retouché par la rédaction"
    article.save_revision().publish()

    call_command("seed_demo", verbosity=0)
    assert ArticlePage.objects.count() == 42
    assert ArticlePage.objects.filter(title="Titre retouché par la rédaction").exists()
    assert Flash.objects.count() == 3

    home = client.get("/").content.decode()
    assert "FLASH INFO :" in home
    article = ArticlePage.objects.live().filter(lead_image__isnull=False).first()
    page = client.get(article.url).content.decode()
    assert article.title in page and 'href="/sujets/' in page


def test_demo_content_is_original():
    """The reference page's text belongs to someone else: none of it is demo content."""
    text = "".join(p.read_text() for p in CONTENT_DIR.rglob("*") if p.is_file())
    assert len(text) > 100_000  # the files were read
    # Spelled backwards, so that this guard does not itself hold the words it looks for.
    for word in ("veyilA", "hkabaraK", "abrezA", "noitcA'deR", "KKP", "uloganA"):
        assert word[::-1] not in text
