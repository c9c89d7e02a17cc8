"""Hostile or broken exports: refused with one French line and exit 2, nothing written; a
file cut short keeps the complete items before the cut."""

import gzip

import pytest

from manchette.news.models import ArticlePage
from manchette.wpimport.comments import parse_votes

from . import wxr_builder as w
from .conftest import run_import, sample_elements

pytestmark = pytest.mark.django_db

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss><channel><wp:wxr_version xmlns:wp="http://wordpress.org/export/1.2/">1.2</wp:wxr_version>
<item><title>&lol3;</title></item></channel></rss>"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss><channel><title>&secret;</title></channel></rss>"""
PLAIN_DOCTYPE = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss>\n'
    + w.document(w.item(1, "Titre", "<p>x</p>")).split("\n", 1)[1]
)
PLAIN_RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Un flux</title>
<item><title>Pas WordPress</title><link>https://example.org/</link></item></channel></rss>"""
HTML_PAGE = "<!doctype html><html><body><p>Bonjour</p></body></html>"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (BILLION_LAUGHS, "DOCTYPE"),
        (EXTERNAL_ENTITY, "DOCTYPE"),
        (PLAIN_DOCTYPE, "DOCTYPE"),
        (PLAIN_RSS, "n’est pas un export WordPress"),
        (HTML_PAGE, "export WordPress"),
        ("", "export WordPress"),
    ],
)
def test_refused_with_one_french_line_and_nothing_written(tmp_path, content, words):
    path = tmp_path / "export.xml"
    path.write_text(content, encoding="utf-8")
    code, out = run_import(path)
    assert code == 2
    assert out.strip().count("\n") == 0 and words in out
    assert not ArticlePage.objects.exists()


def test_a_refused_file_among_several_stops_all_of_them(tmp_path, export):
    bad = tmp_path / "bad.xml"
    bad.write_text(BILLION_LAUGHS, encoding="utf-8")
    code, _out = run_import(export, bad)
    assert code == 2
    assert not ArticlePage.objects.exists()


def test_truncated_file_keeps_the_complete_items_before_the_cut(tmp_path):
    text = w.document(*sample_elements())
    cut = text.index("<wp:post_id>103</wp:post_id>")
    path = tmp_path / "cut.xml"
    path.write_text(text[:cut], encoding="utf-8")
    code, out = run_import(path)
    assert code == 2
    assert "tronqué" in out and "ligne" in out
    assert set(ArticlePage.objects.values_list("slug", flat=True)) == {
        "article-gutenberg",
        "article-classique",
    }


def test_characters_xml_forbids_are_dropped(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(
        w.document(w.item(1, "Titre\x0b propre", "<p>Un\x01 texte\x1f net.</p>")), encoding="utf-8"
    )
    code, out = run_import(path)
    assert code == 0, out
    page = ArticlePage.objects.get()
    assert page.title == "Titre propre"
    assert page.body[0].value.source == "<p>Un texte net.</p>"


def test_gzipped_export_and_split_files(tmp_path):
    elements = sample_elements()
    terms, items = elements[:8], elements[8:]
    first = tmp_path / "site-1.xml.gz"
    with gzip.open(first, "wt", encoding="utf-8") as out:
        out.write(w.document(*terms))
    second = tmp_path / "site-2.xml"
    second.write_text(w.document(*items), encoding="utf-8")
    code, out = run_import(first, second)
    assert code == 0, out
    assert ArticlePage.objects.get(slug="article-gutenberg").section.slug == "politique"


@pytest.mark.parametrize(
    "value",
    [
        'O:8:"stdClass":1:{s:4:"like";i:1;}',
        'a:1:{s:5:"like";i:1;}',  # wrong length
        'a:2:{s:4:"like";i:1;}',  # wrong count
        'a:1:{s:4:"like";s:1:"1";}',  # not an integer
        'a:1:{s:4:"like";i:1;}junk',
        "",
    ],
)
def test_vote_totals_parser_refuses_anything_but_an_array_of_integers(value):
    assert parse_votes(value) is None


def test_vote_totals_parser_reads_wpdiscuz_totals():
    assert parse_votes('a:2:{s:4:"like";i:7;s:7:"dislike";i:-3;}') == {"like": 7, "dislike": -3}
