"""A teaser's markup ({% teaser %}, news/templatetags/teasers.py): picture, rubrique,
kicker, title, standfirst and byline, escaped as the template engine escapes."""

import pytest
from django.template import Context, Template

from manchette.news.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


def render(source, **context):
    return Template("{% load teasers %}" + source).render(Context(context))


def test_a_lead_teaser_shows_everything_escaped():
    section = SectionFactory(title="Économie & social")
    authors = [AuthorFactory(title="Anne O’Neil"), AuthorFactory(title='Paul "P" <b>')]
    article = ArticleFactory(
        parent=section,
        title="Le <grand> soir",
        kicker="Analyse",
        with_image=True,
        authors=authors,
    )
    html = render(
        '{% teaser article is_lead=True heading="h2" show_section=True %}', article=article
    )
    assert html.startswith(
        '\n<article class="teaser teaser--lead">\n  \n  <div class="teaser__image">'
    )
    assert 'height="540" loading="lazy"' in html and 'width="960"' in html
    assert '<p class="teaser__section">Économie &amp; social</p>' in html
    assert '<p class="teaser__kicker">Analyse</p>' in html
    assert (
        f'<h2 class="teaser__title"><a href="{article.url}">Le &lt;grand&gt; soir</a></h2>' in html
    )
    assert f'<p class="teaser__standfirst">{article.standfirst}</p>' in html
    assert " · Anne O’Neil, Paul &quot;P&quot; &lt;b&gt;</p>" in html
    assert html.endswith("</p>\n  </div>\n</article>\n")


def test_a_plain_teaser_and_the_template_that_includes_it_agree():
    article = ArticleFactory(kicker="")
    html = render("{% teaser article %}", article=article)
    assert '<article class="teaser">\n  \n  <div class="teaser__body">\n    \n    \n    <h3' in html
    assert "teaser__standfirst" not in html and "teaser__image" not in html
    included = Template('{% include "components/teaser.html" %}').render(
        Context({"article": article})
    )
    assert included == html


def test_related_articles_come_with_what_their_teasers_show(django_assert_num_queries):
    section = SectionFactory()
    author = AuthorFactory()
    picture = ArticleFactory(parent=section, authors=[author], hours_ago=3, with_image=True)
    articles = [
        ArticleFactory(parent=section, authors=[author], hours_ago=0, with_image=True),
        ArticleFactory(parent=section, authors=[author], hours_ago=1),
        # Two related articles share one picture.
        ArticleFactory(
            parent=section, authors=[author], hours_ago=2, lead_image=picture.lead_image
        ),
        picture,
    ]
    for article in articles[1:]:
        render("{% teaser article %}", article=article)  # renditions made on the first view
    related = articles[0].related_articles()
    newest_first = sorted(articles[1:], key=lambda a: (a.first_published_at, a.pk), reverse=True)
    assert related == newest_first
    with django_assert_num_queries(0):
        html = render(
            "{% for article in related %}{% teaser article %}{% endfor %}", related=related
        )
    assert html.count(f" · {author.title}</p>") == 3
    assert html.count('<div class="teaser__image">') == 2


def test_a_list_of_teasers_reads_the_sites_root_paths_once(monkeypatch):
    # Wagtail reads them from the cache for each page whose address it writes.
    from wagtail.models import Site

    section = SectionFactory(title="Sciences", slug="sciences")
    articles = [ArticleFactory(parent=section, title=f"Article {n}") for n in range(5)]
    fresh = list(type(articles[0]).objects.filter(pk__in=[a.pk for a in articles]))
    urls = [article.url for article in articles]
    reads = []
    real = Site.get_site_root_paths

    def counted():
        reads.append(1)
        return real()

    monkeypatch.setattr(Site, "get_site_root_paths", staticmethod(counted))
    html = render(
        "{% for a in articles %}{% teaser a show_section=True %}{% endfor %}", articles=fresh
    )
    assert all(f'href="{url}"' in html for url in urls)
    assert len(reads) == 1


def test_related_articles_share_their_rubrique_with_the_article():
    # The rubrique is the article's own: not joined and made again for each related one.
    section = SectionFactory()
    article, *others = [ArticleFactory(parent=section, hours_ago=n) for n in range(3)]
    related = article.related_articles()
    assert related == others
    assert all(other.section is article.section for other in related)


def test_a_kept_teaser_address_follows_a_new_slug():
    section = SectionFactory(title="Sciences", slug="sciences")
    article = ArticleFactory(parent=section, slug="premier-titre")
    fresh = type(article).objects.listing().filter(pk=article.pk)
    assert 'href="/sciences/premier-titre/"' in render("{% teaser a %}", a=fresh[0])
    article.slug = "second-titre"
    article.save_revision().publish()
    fresh = type(article).objects.listing().filter(pk=article.pk)
    html = render("{% teaser a %}", a=fresh[0])
    assert 'href="/sciences/second-titre/"' in html and "premier-titre" not in html


def test_html_text_writes_what_the_template_engine_writes():
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe

    from manchette.core.templatetags.manchette import html_text

    for value in ['O\'Brien & "Cie" <b>', mark_safe("<b>déjà sûr</b>"), 3, None]:
        expected = Template("{{ v }}").render(Context({"v": value}))
        assert html_text(value) == expected, value
    assert html_text("<i>") == conditional_escape("<i>")
